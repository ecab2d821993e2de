/**
 * The share dialogs as users see them, from the local sandbox profile (its STS address and
 * role pre-filled): screenshots of the links, temporary-access (form, result, an STS
 * refusal) and upload-link dialogs at 1280×800 and 1024×700, light and dark, English and
 * Chinese (kept in test-results), axe on each dialog, the STS hint in the page's language,
 * and the whole flow from the keyboard alone.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import enShare from '../renderer/i18n/locales/en/share.json';
import zhShare from '../renderer/i18n/locales/zh-CN/share.json';
import enErrors from '../renderer/i18n/locales/en/errors.json';
import enUi from '../renderer/i18n/locales/en/ui.json';
import zhUi from '../renderer/i18n/locales/zh-CN/ui.json';
import zhErrors from '../renderer/i18n/locales/zh-CN/errors.json';
import { expect, listed, row, test } from './fixtures/browse-env';

test.use({ realClients: true });

const STRINGS = { en: { share: enShare, errors: enErrors, ui: enUi }, 'zh-CN': { share: zhShare, errors: zhErrors, ui: zhUi } } as const;

async function startSandbox(app: { invoke: (c: string, i: unknown) => Promise<unknown> }): Promise<string> {
  const r = (await app.invoke('profiles:sandbox-start', undefined)) as { ok: boolean; value: { id: string } };
  expect(r.ok).toBe(true);
  return r.value.id;
}

async function expectAxeClean(page: Page, testId: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include(`[data-testid="${testId}"]`).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A listing row by its key (the grid's accessible name is translated). */
const byKey = (page: Page, key: string) => page.locator(`[role="row"][data-key="${key}"]`);

/** Four screenshots (two sizes, light and dark) of the current state, then back to light. */
async function shoot(page: Page, name: string, outputPath: (file: string) => string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const [w, h] of [[1280, 800], [1024, 700]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: outputPath(`${name}-${scheme}-${w}x${h}.png`) });
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Presses Tab until `target` has focus (it must be reachable from the keyboard). */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Not reachable with Tab: ${target.toString()}`);
}

/** Opens the context menu from the keyboard and picks `name` with the arrow keys. */
async function menuPick(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Shift+F10');
  const item = page.getByRole('menu').getByRole('menuitem', { name, exact: true });
  await expect(item).toBeVisible();
  for (let i = 0; i < 20 && !(await item.evaluate((el) => el === el.ownerDocument.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

test.describe('share screens', () => {
  test('links, temporary access and upload link at two sizes, light and dark, English and Chinese; axe clean', async ({ app, openAt }, testInfo) => {
    test.setTimeout(480_000);
    const { page } = app;
    const profileId = await startSandbox(app);
    for (const lang of ['en', 'zh-CN'] as const) {
      const s = STRINGS[lang].share;
      const hints = (STRINGS[lang].errors as unknown as { hint: Record<string, string> }).hint;
      const out = (file: string) => testInfo.outputPath(`share-${lang}-${file}`);
      await page.evaluate(`localStorage.setItem('oss-browser.language', '${lang}')`);
      await openAt('oss://sandbox-docs/', profileId);
      await listed(page, 3);

      // Links for one file: the form, then the result with its QR code.
      await byKey(page, 'README.txt').click({ button: 'right' });
      await page.getByRole('menuitem', { name: s.menu.links }).click();
      const links = page.getByTestId('share-links-dialog');
      await expect(links).toBeVisible();
      await shoot(page, 'links-form', out);
      await expectAxeClean(page, 'share-links-dialog');
      await links.getByRole('button', { name: s.links.make }).click();
      await expect(links.getByTestId('share-link')).toHaveCount(1);
      await links.getByRole('button', { name: s.links.qr }).click();
      await expect(links.locator('svg.share-qr')).toBeVisible();
      await shoot(page, 'links-result', out);
      await expectAxeClean(page, 'share-links-dialog');
      await page.keyboard.press('Escape');

      // Temporary access to a folder: the sandbox's STS and role are filled in.
      await byKey(page, 'reports/').click({ button: 'right' });
      await page.getByRole('menuitem', { name: s.menu.grant }).click();
      const grant = page.getByTestId('share-grant-dialog');
      await expect(grant.getByLabel(s.grant.roleArn, { exact: true })).toHaveValue(/role\/sandbox-role$/);
      await shoot(page, 'grant-form', out);
      await expectAxeClean(page, 'share-grant-dialog');

      // A duration above the role's maximum: STS refuses, the hint is in the page's language.
      const roleArn = await grant.getByLabel(s.grant.roleArn, { exact: true }).inputValue();
      await grant.getByLabel(s.grant.roleArn, { exact: true }).fill(roleArn.replace(/sandbox-role$/, 'sandbox-readonly'));
      await grant.getByLabel(s.grant.duration, { exact: true }).selectOption({ label: s.grant.durationPreset['21600'] });
      await grant.getByRole('button', { name: s.grant.make }).click();
      const error = grant.getByRole('alert');
      await expect(error).toHaveAttribute('data-error-code', 'ShareDurationTooLong');
      await expect(error).toContainText(hints.ShareDurationTooLong!);
      await expect(error.getByTestId('error-message')).toHaveText((STRINGS[lang].ui.errorText as Record<string, string>).ShareDurationTooLong!);
      await shoot(page, 'grant-error', out);
      await expectAxeClean(page, 'share-grant-dialog');

      await grant.getByLabel(s.grant.roleArn, { exact: true }).fill(roleArn);
      // A custom duration: 30 minutes (15 to 720 are accepted).
      await grant.getByLabel(s.grant.duration, { exact: true }).selectOption({ label: s.grant.durationCustom });
      const minutes = grant.getByRole('spinbutton', { name: s.grant.minutes });
      await minutes.fill('5');
      await expect(grant.getByText(s.grant.durationRange)).toBeVisible();
      await expect(grant.getByRole('button', { name: s.grant.make })).toBeDisabled();
      await minutes.fill('30');
      await grant.getByLabel(s.grant.perm.upload).check();
      const asked = Date.now();
      await grant.getByRole('button', { name: s.grant.make }).click();
      await expect(grant.getByTestId('share-grant-result')).toBeVisible();
      const expires = Date.parse(await grant.getByRole('textbox', { name: s.grant.field.expiration, exact: true }).inputValue());
      expect(Math.abs(expires - asked - 1800_000)).toBeLessThan(120_000);
      await expect(grant.getByTestId('share-access-code').getByRole('textbox')).toHaveValue(/^ossac1\./);
      await shoot(page, 'grant-result', out);
      await expectAxeClean(page, 'share-grant-dialog');
      await page.keyboard.press('Escape');

      // An upload link into the folder.
      await byKey(page, 'reports/').click({ button: 'right' });
      await page.getByRole('menuitem', { name: s.menu.upload }).click();
      const upload = page.getByTestId('share-upload-dialog');
      await upload.getByLabel(s.upload.name, { exact: true }).fill('报价 2025.pdf');
      await upload.getByLabel(s.upload.contentType, { exact: true }).fill('application/pdf');
      await upload.getByRole('button', { name: s.upload.make }).click();
      await expect(upload.getByTestId('share-upload-result')).toBeVisible();
      await shoot(page, 'upload-result', out);
      await expectAxeClean(page, 'share-upload-dialog');
      await page.keyboard.press('Escape');
    }
  });

  test('from the keyboard alone: links for a file, copied; temporary access for a folder', async ({ app, openAt }) => {
    const { page } = app;
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    const profileId = await startSandbox(app);
    await openAt('oss://sandbox-docs/', profileId);
    await listed(page, 3);
    // One click puts the focus in the listing; from here on only keys.
    await row(page, 'README.txt').click();
    await expect(row(page, 'README.txt')).toHaveAttribute('aria-selected', 'true');

    await menuPick(page, 'Share links…');
    const links = page.getByTestId('share-links-dialog');
    await expect(links).toBeVisible();
    const expiry = links.getByLabel('Link works for');
    await tabTo(page, expiry);
    await page.keyboard.press('ArrowDown'); // 1 hour → 1 day
    await expect(expiry).toHaveValue('86400');
    await tabTo(page, links.getByRole('button', { name: 'Make links' }));
    await page.keyboard.press('Enter');
    // The button that made the links is gone: the focus lands on the first link's Copy, still inside the dialog.
    const copy = links.getByRole('button', { name: 'Copy: README.txt' });
    await expect(copy).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(copy).toHaveText('Copied');
    const copied = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    expect(copied).toBe(await links.getByRole('textbox', { name: 'README.txt' }).inputValue());
    expect(await (await fetch(copied)).text()).toContain('Welcome to the OSS Browser sandbox');
    await page.keyboard.press('Escape');
    await expect(links).toBeHidden();

    // Back to the listing with Tab (the menu item that opened the dialog is gone, so the focus cannot return to it),
    // then to the folder, and temporary access from its menu.
    await tabTo(page, page.getByTestId('object-list'), 80);
    await page.keyboard.press('Home');
    await expect(row(page, 'reports')).toHaveAttribute('aria-selected', 'true');
    await menuPick(page, 'Give temporary access…');
    const grant = page.getByTestId('share-grant-dialog');
    await expect(grant.getByLabel('RAM role ARN')).toHaveValue(/sandbox-role$/);
    const read = grant.getByLabel(enShare.grant.perm.read);
    await tabTo(page, read);
    await page.keyboard.press('ArrowDown'); // read → upload only
    await expect(grant.getByLabel(enShare.grant.perm.upload)).toBeChecked();
    await tabTo(page, grant.getByRole('button', { name: 'Create access code' }));
    await page.keyboard.press('Enter');
    await expect(grant.getByTestId('share-grant-result')).toContainText('List and upload files in oss://sandbox-docs/reports/');
    await expect(grant.getByRole('button', { name: 'Copy: Access code (for OSS Browser)' })).toBeFocused();
    // Tab stays inside the dialog (it wraps from the last field to the first).
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect(await grant.evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(true);
    }
    await tabTo(page, grant.getByRole('button', { name: 'Copy: Access code (for OSS Browser)' }));
    await page.keyboard.press('Enter');
    await expect(grant.getByRole('button', { name: 'Copy: Access code (for OSS Browser)' })).toHaveText('Copied');
    await page.keyboard.press('Escape');
    await expect(grant).toBeHidden();
  });
});
