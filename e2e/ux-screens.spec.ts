/**
 * Screenshots of the main screen and the profile form with its field errors at 1280×800
 * and 1024×700, light and dark, English and Chinese, for people to look at (written to
 * test-results; UPDATE_SCREENSHOTS=1 also refreshes the README's three docs/screenshots/ux-*.png). Each one
 * also checks nothing in the toolbar is cut off (scrollWidth), and axe checks the form with its errors.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { expect, listed, test } from './fixtures/browse-env';

/** The shots the README shows (the rest stay in test-results). */
const DOCS = new Set(['ux-browse-1280x800-light-en.png', 'ux-browse-1024x700-dark-zh-CN.png', 'ux-profile-form-1024x700-dark-zh-CN.png']);

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
];

for (const lang of ['en', 'zh-CN'] as const)
  for (const scheme of ['light', 'dark'] as const)
    test(`screens in ${lang}, ${scheme}`, async ({ app, oss, openAt }) => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      await oss.createBucket('shots-bucket');
      await oss.seed('shots-bucket', [
        { key: 'reports/q1.docx', body: 'x' },
        { key: 'photos/cat.png', body: 'png' },
        { key: 'notes.txt', body: 'hello' },
        { key: 'budget.xlsx', body: 'x' },
        { key: 'archive.zip', body: 'x' },
      ]);
      await openAt('oss://shots-bucket/');
      await listed(page, 5);
      if (lang === 'zh-CN') await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await page.locator('.browse-table__row[data-key="notes.txt"]').click();
      await expect(page.getByTestId('details-facts')).toBeVisible();
      const save = async (name: string, size: { width: number; height: number }) => {
        const shot = await page.screenshot();
        const file = `ux-${name}-${size.width}x${size.height}-${scheme}-${lang}.png`;
        fs.writeFileSync(test.info().outputPath(file), shot);
        if (process.env.UPDATE_SCREENSHOTS && DOCS.has(file)) fs.writeFileSync(path.join(__dirname, '..', 'docs', 'screenshots', file), shot);
      };
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const clipped = await page.locator('.browse-toolbar button').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
        expect(clipped).toBe(0);
        await save('browse', size);
      }
      await page.getByRole('navigation').getByRole('button', { name: lang === 'en' ? 'Add profile' : '添加配置' }).click();
      const dialog = page.getByTestId('profile-dialog');
      await dialog.getByRole('button', { name: lang === 'en' ? 'Test connection' : '测试连接' }).click();
      await expect(dialog.getByTestId('form-problems')).toBeVisible();
      // The field errors themselves pass axe (contrast included) in this theme and language.
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await save('profile-form', size);
      }
    });
