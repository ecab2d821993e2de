/**
 * A host the user did not trust, as the user sees it: the profile form asks nothing of its
 * own (main's native dialog is the one confirmation; here the scripted user presses Cancel),
 * and the refusal reads as a plain sentence with a next step in the UI language, the host
 * shown on its own line. English and Chinese, light and dark, 1280×800 and 1024×700
 * (screenshots in test-results), axe clean, and reachable by keyboard only.
 */
import AxeBuilder from '@axe-core/playwright';
import enProfiles from '../renderer/i18n/locales/en/profiles.json';
import zhProfiles from '../renderer/i18n/locales/zh-CN/profiles.json';
import { MemorySecretStore } from '../main/services/secrets/memory-secret-store';
import { REMOTE_HOST_HINTS } from '../shared/remote-hosts';
import { expect, test as base } from './support/fixtures';

const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires an object pattern here.
  appContextOverrides: async ({}, use) => use({ secrets: new MemorySecretStore(), sandboxInMemory: true, env: {} }),
});

const STS_HOST = 'sts.private-cloud.example:8443';
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
];

for (const lang of ['en', 'zh-CN'] as const)
  for (const scheme of ['light', 'dark'] as const)
    test(`an untrusted STS host is refused in plain words with the host beside them (${lang}, ${scheme})`, async ({ app }, testInfo) => {
      const { page } = app;
      const p = lang === 'en' ? enProfiles : zhProfiles;
      await page.emulateMedia({ colorScheme: scheme });
      if (lang === 'zh-CN') await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
      await page.getByRole('navigation').getByRole('button', { name: p.action.add, exact: true }).click();
      const dialog = page.getByTestId('profile-dialog');
      await dialog.getByLabel(p.field.name).fill('Private cloud');
      await dialog.getByLabel(p.field.type).selectOption({ label: p.type['ram-role'] });
      await dialog.getByLabel(p.field.accessKeyId).fill('LTAI5tExampleKey01');
      await dialog.getByLabel(p.field.accessKeySecret).fill('example-secret-0123456789');
      await dialog.getByLabel(p.field.roleArn).fill('acs:ram::1000000000000001:role/reader');
      await dialog.getByLabel(p.field.stsEndpoint).fill(`https://${STS_HOST}/`);
      // Keyboard only: Test connection, with main's dialog answered "Cancel" (no scripted answer).
      await dialog.getByRole('button', { name: p.action.test }).focus();
      await page.keyboard.press('Enter');
      const alert = dialog.getByRole('alert');
      await expect(alert.getByTestId('error-code')).toHaveText('HostNotConfirmed');
      // One confirmation: main asked (in the page's language); the page offered none of its own.
      if (app.main) {
        const asked = app.main.host.calls.filter((c) => c.kind === 'confirmHost');
        expect(asked.map((c) => c.kind === 'confirmHost' && c.request)).toEqual([{ host: STS_HOST, insecure: false, purpose: 'sign-in', language: lang }]);
      }
      await expect(dialog.getByRole('button', { name: /Trust|信任/ })).toHaveCount(0);
      // The host on its own line; sentence and next step translated, without the host inside.
      await expect(alert.getByTestId('error-host')).toHaveText(`${lang === 'en' ? 'Address' : '地址'}: ${STS_HOST}`);
      const message = alert.getByTestId('error-message');
      const hint = alert.locator('.ui-error__hint');
      await expect(message).not.toContainText('private-cloud');
      await expect(hint).not.toContainText('private-cloud');
      if (lang === 'en') await expect(hint).toContainText(REMOTE_HOST_HINTS.HostNotConfirmed);
      else {
        await expect(message).toContainText('不是阿里云的地址');
        await expect(hint).toContainText('选择“信任”');
      }
      const axe = await new AxeBuilder({ page }).include('[data-testid="profile-dialog"]').analyze();
      expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await alert.scrollIntoViewIfNeeded();
        await expect(alert.getByTestId('error-host')).toBeInViewport();
        await page.screenshot({ path: testInfo.outputPath(`host-refusal-${size.width}x${size.height}-${scheme}-${lang}.png`) });
      }
    });
