/**
 * A file with a text-like name but binary content (NUL bytes in its first KB) is not shown
 * as garbled text: the preview says it cannot be previewed and offers Save as / Open.
 * Screenshots at 1280×800 and 1024×700, light and dark, English and Chinese; axe on each.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import { expect, listed, test } from './fixtures/browse-env';

for (const lang of ['en', 'zh-CN'] as const)
  for (const scheme of ['light', 'dark'] as const)
    test(`a binary file named .txt says it cannot be previewed (${lang}, ${scheme})`, async ({ app, oss, openAt }) => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      await oss.createBucket('bin-bucket');
      // The start of a zip (as a renamed .docx is), then text that would show as garbage.
      await oss.seed('bin-bucket', [{ key: 'notes.txt', body: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('word/document.xml')]) }]);
      await openAt('oss://bin-bucket/');
      await listed(page, 1);
      if (lang === 'zh-CN') await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await page.locator('.browse-table__row[data-key="notes.txt"]').dblclick();
      const dialog = page.getByTestId('preview-dialog');
      const none = dialog.getByTestId('preview-binary');
      await expect(none).toContainText(lang === 'en' ? "This file can't be previewed." : '无法预览此文件。');
      await expect(dialog.getByTestId('preview-text')).toHaveCount(0);
      await expect(dialog).not.toContainText('word/document.xml');
      await expect(none.getByRole('button', { name: lang === 'en' ? 'Save as…' : /另存为/ })).toBeVisible();
      await expect(none.getByRole('button', { name: lang === 'en' ? 'Open in an app' : '用应用打开' })).toBeVisible();
      for (const size of [
        { width: 1280, height: 800 },
        { width: 1024, height: 700 },
      ]) {
        await page.setViewportSize(size);
        fs.writeFileSync(test.info().outputPath(`ux-preview-binary-${size.width}x${size.height}-${scheme}-${lang}.png`), await page.screenshot());
      }
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    });
