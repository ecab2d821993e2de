/**
 * A folder is not stale: when the window gets focus back, and when the user comes back to a
 * folder kept from before, it is listed again in the background and patched in place; the
 * selection and the scroll position stay.
 */
import { expect, listed, row, rowNames, test } from './fixtures/browse-env';

test('window focus and revisits refresh the folder, keeping the selection and the scroll position', async ({ app, oss, openAt }) => {
  const { page } = app;
  await oss.createBucket('fresh-bucket');
  await oss.seed('fresh-bucket', [
    ...Array.from({ length: 300 }, (_, i) => ({ key: `docs/f${String(i).padStart(3, '0')}.txt`, size: 1 })),
    { key: 'other/x.txt', body: 'x' },
  ]);
  const bucket = oss.client('fresh-bucket');
  await openAt('oss://fresh-bucket/docs/');
  await listed(page, 300);
  const list = page.getByTestId('object-list');
  await list.evaluate((el) => (el.scrollTop = 118 * 28));
  await row(page, 'f120.txt').click();
  const top = await list.evaluate((el) => el.scrollTop);

  // Someone else adds a file and deletes another; the user comes back to the window.
  await bucket.put('docs/f299-new.txt', Buffer.from('new'));
  await bucket.delete('docs/f000.txt');
  await page.evaluate('window.dispatchEvent(new Event("focus"))');
  await listed(page, 300);
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(row(page, 'f299-new.txt')).toBeVisible();
  await list.evaluate((el, y) => (el.scrollTop = y), top);
  await expect(row(page, 'f120.txt')).toHaveAttribute('aria-selected', 'true');
  expect(Math.abs((await list.evaluate((el) => el.scrollTop)) - top)).toBeLessThan(40);

  // A revisit: the kept listing shows at once, then what changed meanwhile.
  const address = page.getByRole('textbox', { name: 'Address' });
  await address.fill('oss://fresh-bucket/other/');
  await address.press('Enter');
  await listed(page, 1);
  await bucket.put('docs/zz-latest.txt', Buffer.from('late'));
  await page.getByRole('button', { name: 'Back' }).click();
  await listed(page, 301);
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect.poll(async () => (await rowNames(page)).includes('zz-latest.txt')).toBe(true);
});
