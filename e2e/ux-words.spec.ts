/**
 * Plain words where a user decides something: the delete confirmation names what goes
 * (the first few and "and N more"), and a pasted https OSS URL opens its place.
 */
import { expect, listed, row, test } from './fixtures/browse-env';

test('the delete confirmation names the items; a pasted https OSS URL opens the object', async ({ app, oss, openAt }) => {
  const { page } = app;
  await oss.createBucket('words-bucket');
  await oss.seed(
    'words-bucket',
    Array.from({ length: 7 }, (_, i) => ({ key: `file-${i + 1}.txt`, body: String(i) })),
  );
  await openAt('oss://words-bucket/');
  await listed(page, 7);
  await row(page, 'file-1.txt').click();
  await page.keyboard.press('Control+a');
  await page.getByRole('toolbar').getByRole('button', { name: 'Delete' }).click();
  const names = page.getByTestId('delete-names');
  await expect(names.getByRole('listitem')).toHaveText(['file-1.txt', 'file-2.txt', 'file-3.txt', 'file-4.txt', 'file-5.txt', 'and 2 more']);
  await page.keyboard.press('Escape');

  const address = page.getByRole('textbox', { name: 'Address' });
  await address.fill('https://words-bucket.oss-cn-hangzhou.aliyuncs.com/file-3.txt?Expires=1&OSSAccessKeyId=x&Signature=y');
  await address.press('Enter');
  await expect(row(page, 'file-3.txt')).toHaveAttribute('aria-selected', 'true');
  await expect(address).toHaveValue('oss://words-bucket/');
});
