/**
 * Small windows with the details pane open, in Chinese (the longest labels), with columns a
 * user widened: no column header runs under the details pane, and no toolbar button wraps
 * or is cut off, at 1280×800, 1024×700 and 900×600, light and dark.
 */
import fs from 'node:fs';
import { expect, listed, test } from './fixtures/browse-env';

const WIDE = JSON.stringify({ size: 200, modified: 300, type: 200, storageClass: 300 });

for (const scheme of ['light', 'dark'] as const)
  test(`headers stay clear of the details pane and toolbar buttons stay on one line (zh-CN, ${scheme})`, async ({ app, oss, openAt }) => {
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await oss.createBucket('layout-bucket');
    await oss.seed('layout-bucket', [{ key: 'notes.txt', body: 'hello' }, { key: 'photos/cat.png', body: 'png' }]);
    await page.evaluate(`localStorage.setItem('oss-browser.browse.columns', ${JSON.stringify(WIDE)})`);
    await openAt('oss://layout-bucket/');
    await listed(page, 2);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.locator('.browse-table__row[data-key="notes.txt"]').click();
    await expect(page.getByTestId('details-pane')).toBeVisible();
    for (const size of [
      { width: 1280, height: 800 },
      { width: 1024, height: 700 },
      { width: 900, height: 600 },
    ]) {
      await page.setViewportSize(size);
      const layout = (await page.evaluate(`(() => {
        const listing = document.querySelector('.browse-view__listing').getBoundingClientRect();
        const pane = document.querySelector('[data-testid="details-pane"]').getBoundingClientRect();
        const headers = [...document.querySelectorAll('.browse-table__header .browse-table__cell')]
          .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
        const buttons = [...document.querySelectorAll('.browse-toolbar button')].filter((b) => b.offsetParent);
        return {
          beyondListing: headers.filter((r) => r.right > listing.right + 1 || r.right > pane.left + 1).length,
          wrapped: buttons.filter((b) => b.getBoundingClientRect().height > 40).map((b) => b.textContent),
          clipped: buttons.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.textContent),
        };
      })()`)) as { beyondListing: number; wrapped: string[]; clipped: string[] };
      expect(layout).toEqual({ beyondListing: 0, wrapped: [], clipped: [] });
      fs.writeFileSync(test.info().outputPath(`ux-layout-${size.width}x${size.height}-${scheme}-zh-CN.png`), await page.screenshot());
    }
  });
