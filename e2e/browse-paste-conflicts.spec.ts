/**
 * Paste into another folder that already holds a same-named file: the app asks first.
 * Skip keeps the old bytes, Keep both makes "name (copy).ext", Replace replaces; the dialog
 * is looked at in 1280×800 and 1024×700, light and dark, English and Chinese, axe clean.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, listed, row, rowNames, test } from './fixtures/browse-env';

async function pasteHere(page: Page): Promise<void> {
  await page.locator('#file-list').focus();
  await page.keyboard.press('Control+V');
}

test('paste onto a taken name asks: Skip keeps the old bytes, Keep both makes a copy, Replace replaces', async ({ app, oss, openAt }, testInfo) => {
  test.setTimeout(180_000);
  const { page } = app;
  await oss.createBucket('conflict-bucket');
  await oss.seed('conflict-bucket', [
    { key: 'src/report.pdf', body: 'new report' },
    { key: 'dst/report.pdf', body: 'old report' },
    { key: 'dst/other.txt', body: 'x' },
  ]);
  const bucket = oss.client('conflict-bucket');
  const text = async (key: string) => (await bucket.get(key)).content.toString();

  await openAt('oss://conflict-bucket/src/');
  await listed(page, 1);
  await row(page, 'report.pdf').click();
  await page.keyboard.press('Control+C');
  const address = page.getByRole('textbox', { name: 'Address' });
  await address.fill('oss://conflict-bucket/dst/');
  await address.press('Enter');
  await listed(page, 2);

  const dialog = page.getByTestId('copy-conflict-dialog');
  for (const language of ['en', 'zh-CN'] as const) {
    if (language === 'zh-CN') await page.getByRole('combobox', { name: /language|语言/i }).selectOption('zh-CN');
    for (const scheme of ['light', 'dark'] as const) {
      for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 700 }]) {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        await pasteHere(page);
        await expect(dialog).toBeVisible();
        await expect(dialog.getByRole('heading')).toContainText('“report.pdf”');
        // Focus starts on the choice that replaces nothing.
        await expect(dialog.getByTestId('conflict-skip')).toBeFocused();
        await page.screenshot({ path: testInfo.outputPath(`paste-conflict-${language}-${scheme}-${size.width}.png`) });
        const axe = await new AxeBuilder({ page }).analyze();
        expect(axe.violations.map((v) => `${language}-${scheme}-${size.width}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
        // Escape is Cancel: nothing is copied.
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
    }
  }
  await page.getByRole('combobox', { name: /language|语言/i }).selectOption('en');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await text('dst/report.pdf')).toBe('old report');
  expect(await rowNames(page)).toEqual(['other.txt', 'report.pdf']);

  // Skip (Enter on the focused choice): the existing bytes stay, and the result says so.
  await pasteHere(page);
  await expect(dialog.getByTestId('conflict-skip')).toBeFocused();
  await page.keyboard.press('Enter');
  const result = page.getByTestId('operation-dialog');
  await expect(result.getByTestId('operation-summary')).toHaveText('Done: 0 copied. 1 item already existed and was left as it was.');
  await expect(result.getByTestId('failures')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('paste-conflict-skipped.png') });
  await result.getByRole('button', { name: 'Close' }).click();
  expect(await text('dst/report.pdf')).toBe('old report');

  // Keep both: "report (copy).pdf" next to the old one.
  await pasteHere(page);
  await dialog.getByTestId('conflict-keep-both').click();
  await listed(page, 3);
  expect(await rowNames(page)).toEqual(['other.txt', 'report (copy).pdf', 'report.pdf']);
  expect(await text('dst/report (copy).pdf')).toBe('new report');
  expect(await text('dst/report.pdf')).toBe('old report');

  // Replace: the old bytes are replaced.
  await pasteHere(page);
  await dialog.getByTestId('conflict-replace').click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => text('dst/report.pdf')).toBe('new report');
  await listed(page, 3);
});

test('many taken names: the first five are named, "and N more", axe clean', async ({ app, oss, openAt }, testInfo) => {
  const { page } = app;
  const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt', 'g.txt'];
  await oss.createBucket('many-conflicts');
  await oss.seed('many-conflicts', [...names.map((n) => ({ key: `src/${n}`, body: 'new' })), ...names.map((n) => ({ key: `dst/${n}`, body: 'old' }))]);
  await openAt('oss://many-conflicts/src/');
  await listed(page, 7);
  await row(page, 'a.txt').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+C');
  const address = page.getByRole('textbox', { name: 'Address' });
  await address.fill('oss://many-conflicts/dst/');
  await address.press('Enter');
  await listed(page, 7);
  await pasteHere(page);
  const dialog = page.getByTestId('copy-conflict-dialog');
  await expect(dialog.getByRole('heading')).toHaveText('7 items already exist there');
  await expect(dialog.getByTestId('conflict-names').getByRole('listitem')).toHaveText(['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'and 2 more']);
  await expect(dialog.getByRole('button', { name: 'Skip those' })).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('paste-conflict-many.png') });
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('operation-summary')).toHaveText('Done: 0 copied. 7 items already existed and were left as they were.');
  expect((await oss.client('many-conflicts').get('dst/g.txt')).content.toString()).toBe('old');
});
