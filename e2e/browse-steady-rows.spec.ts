/**
 * 20,000 objects streaming in, with folders that only arrive on the last pages (folders
 * sort first): the selected row and the row under the pointer stay where they are on screen
 * while the pages merge in, and a new sort starts at the top.
 */
import { expect, listed, test } from './fixtures/browse-env';

test('rows stay steady while a 20,000-object folder streams in; re-sorting scrolls to the top', async ({ app, oss, openAt }) => {
  const { page } = app;
  await oss.createBucket('steady-bucket');
  await oss.seed('steady-bucket', [
    ...Array.from({ length: 20_000 }, (_, i) => ({ key: `big/file-${String(i).padStart(5, '0')}.txt`, size: 1 })),
    // Common prefixes after every file key: listed last, shown first.
    ...Array.from({ length: 5 }, (_, i) => ({ key: `big/zz-folder-${i}/inside.txt`, size: 1 })),
  ]);
  // Each later page is slow, so the user looks at the list while it fills.
  await oss.fault({ match: { operation: 'oss:ListObjects', query: 'continuation-token=' }, action: 'latency', latencyMs: 150 });
  await openAt('oss://steady-bucket/big/');
  const status = page.getByTestId('listing-status');
  await expect(status).toHaveAttribute('data-count', '200');
  const list = page.getByTestId('object-list');
  const rowAt = (key: string) => page.locator(`.browse-table__row[data-key="${key}"]`);
  await list.evaluate((el) => (el.scrollTop = 40 * 28));
  const selected = rowAt('big/file-00045.txt');
  await selected.click();
  const y0 = (await selected.boundingBox())!.y;
  // The pointer rests on another row while pages arrive.
  const hovered = rowAt('big/file-00048.txt');
  const hy0 = (await hovered.boundingBox())!.y;
  await hovered.hover();
  await listed(page, 20_005);
  expect((await selected.boundingBox())!.y).toBe(y0);
  expect((await hovered.boundingBox())!.y).toBe(hy0);
  await expect(selected).toHaveAttribute('aria-selected', 'true');

  // A new sort starts at the top (the selection stays, scrolled away).
  await page.mouse.move(0, 0);
  await page.getByRole('columnheader', { name: 'Size' }).getByRole('button').click();
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(rowAt('big/zz-folder-0/')).toBeVisible();
});
