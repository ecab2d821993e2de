/**
 * Copy then paste in the same folder keeps both: "name (copy).ext", then "name (copy 2).ext",
 * for files and folders, with the original untouched; a single copy opens no progress dialog.
 */
import { expect, listed, row, rowNames, test } from './fixtures/browse-env';

test('copy and paste in the same folder makes numbered copies and never overwrites', async ({ app, oss, openAt }) => {
  const { page } = app;
  await oss.createBucket('paste-bucket');
  await oss.seed('paste-bucket', [
    { key: 'docs/report.pdf', body: 'original' },
    { key: 'docs/album/a.jpg', body: 'AAA' },
  ]);
  await openAt('oss://paste-bucket/docs/');
  await listed(page, 2);
  await row(page, 'report.pdf').click();
  await page.keyboard.press('Control+C');
  await page.keyboard.press('Control+V');
  await listed(page, 3);
  await expect(page.getByTestId('operation-dialog')).toHaveCount(0);
  await page.keyboard.press('Control+V');
  await listed(page, 4);
  expect(await rowNames(page)).toEqual(['album', 'report (copy 2).pdf', 'report (copy).pdf', 'report.pdf']);

  await row(page, 'album').click();
  await page.keyboard.press('Control+C');
  await page.keyboard.press('Control+V');
  await listed(page, 5);
  expect(await rowNames(page)).toEqual(['album', 'album (copy)', 'report (copy 2).pdf', 'report (copy).pdf', 'report.pdf']);
  const bucket = oss.client('paste-bucket');
  expect((await bucket.get('docs/report.pdf')).content.toString()).toBe('original');
  expect((await bucket.get('docs/report (copy 2).pdf')).content.toString()).toBe('original');
  expect((await bucket.get('docs/album (copy)/a.jpg')).content.toString()).toBe('AAA');
});
