/**
 * A wrong secret is explained once, in the main pane, with "Edit profile" that opens the
 * profile form; the sidebar only marks that the buckets could not be loaded. Screenshots
 * at 1280×800 and 1024×700, light and dark, English and Chinese; axe on each.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import { expect, test } from './fixtures/browse-env';

test.use({ realClients: true });

for (const lang of ['en', 'zh-CN'] as const)
  for (const scheme of ['light', 'dark'] as const)
    test(`a wrong secret shows one error with Edit profile (${lang}, ${scheme})`, async ({ app, oss }) => {
      const { page } = app;
      await page.emulateMedia({ colorScheme: scheme });
      const account = oss.emulator.accounts.find((a) => a.name === 'sandbox')!;
      const added = await app.invoke('profiles:add', {
        input: {
          name: 'Wrong secret',
          credentials: { type: 'access-key', accessKeyId: account.accessKeyId, accessKeySecret: 'not-the-right-secret' },
          endpoint: { kind: 'custom', region: oss.emulator.region, customUrl: oss.endpoint, pathStyle: true, allowInsecureHttp: true },
        },
        test: false,
      });
      expect(added.ok).toBe(true);
      await page.reload();
      if (lang === 'zh-CN') await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await page.getByRole('navigation').getByRole('button', { name: /^Wrong secret/ }).first().click();
      const alerts = page.getByRole('alert');
      await expect(alerts.getByTestId('error-code')).toHaveText('SignatureDoesNotMatch');
      // Once: the main pane has the error, the sidebar a one-line marker that does not overflow.
      await expect(alerts).toHaveCount(1);
      await expect(page.locator('.main-pane').getByRole('alert')).toHaveCount(1);
      const marker = page.getByTestId('sidebar-bucket-error');
      await expect(marker).toHaveText(lang === 'en' ? 'Buckets could not be loaded' : '无法加载 Bucket 列表');
      expect(await marker.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
      // No empty bucket table under the error.
      await expect(page.getByRole('table', { name: lang === 'en' ? 'Buckets' : /./ })).toHaveCount(0);
      for (const size of [
        { width: 1280, height: 800 },
        { width: 1024, height: 700 },
      ]) {
        await page.setViewportSize(size);
        fs.writeFileSync(test.info().outputPath(`ux-wrong-secret-${size.width}x${size.height}-${scheme}-${lang}.png`), await page.screenshot());
      }
      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      await alerts.getByRole('button', { name: lang === 'en' ? 'Edit profile' : '编辑配置' }).click();
      const dialog = page.getByRole('dialog', { name: lang === 'en' ? 'Edit profile' : '编辑配置' });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByLabel(lang === 'en' ? 'Profile name' : /./).first()).toHaveValue('Wrong secret');
    });
