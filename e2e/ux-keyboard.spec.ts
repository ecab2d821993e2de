/**
 * Keyboard first: opening a bucket or a folder puts the focus in the list (arrow keys work
 * at once), the first Tab stop is "Skip to file list", and a right-click on empty space
 * opens the folder's menu instead of the selected file's.
 */
import { expect, listed, row, test } from './fixtures/browse-env';

test('opening a bucket or folder focuses the list; the skip link reaches it; empty space has the folder menu', async ({ app, oss, openAt }) => {
  const { page } = app;
  await oss.createBucket('keys-bucket');
  await oss.seed('keys-bucket', [
    { key: 'alpha/inside.txt', body: 'in' },
    { key: 'beta.txt', body: 'b' },
    { key: 'gamma.txt', body: 'g' },
  ]);
  await openAt('oss://');
  await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible();
  // Typing an address and pressing Enter lands in the list, ready for the arrow keys.
  const address = page.getByRole('textbox', { name: 'Address' });
  await address.fill('oss://keys-bucket/');
  await address.press('Enter');
  await listed(page, 3);
  await expect(page.getByTestId('object-list')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'alpha')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await listed(page, 1);
  await expect(page.getByTestId('object-list')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(row(page, 'inside.txt')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Backspace');
  await listed(page, 3);

  // The first Tab stop (first focusable element in the page) skips the sidebar and the toolbar; it shows when focused.
  const first = await page.evaluate(() => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')?.textContent);
  expect(first).toBe('Skip to file list');
  const skip = page.getByRole('link', { name: 'Skip to file list' });
  await expect(skip).not.toBeInViewport();
  await skip.focus();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('object-list')).toBeFocused();

  // Right-click on empty space: the selection goes, the folder's menu comes.
  await row(page, 'beta.txt').click();
  const list = page.getByTestId('object-list');
  const box = (await list.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 10, { button: 'right' });
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem', { name: 'New folder' })).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'Rename…' })).toHaveCount(0);
  await expect(row(page, 'beta.txt')).toHaveAttribute('aria-selected', 'false');
});
