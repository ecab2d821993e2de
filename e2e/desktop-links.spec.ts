/**
 * oss:// links handed over by the OS: main's link inbox (what a second launch or macOS
 * 'open-url' feeds) to the page, which opens the folder in the one profile that may reach
 * it, asks when several may, and explains when none can. Real emulator (the local
 * sandbox), real handler table.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures/browse-env';

test.describe('desktop: oss:// links', () => {
  test.use({ realClients: true });

  test('a link with no profile explains; with one profile it opens there; with two it asks which', async ({ app }, testInfo) => {
    const { page } = app;
    test.skip(!app.main, 'feeds links through main’s context (Chromium bridge mode)');
    const receive = (link: string) => app.main!.ctx.desktop.links.receive(link);

    expect(receive('oss://sandbox-docs/reports/2024/')).toMatchObject({ accepted: true });
    const none = page.getByTestId('link-no-profile-dialog');
    await expect(none).toContainText('None of your profiles can open oss://sandbox-docs/reports/2024/');
    expect((await new AxeBuilder({ page }).include('[data-testid="link-no-profile-dialog"]').analyze()).violations).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('link-no-profile.png') });
    await none.getByRole('button', { name: 'Close' }).click();
    await expect(none).toBeHidden();

    await page.getByRole('button', { name: 'Try the local sandbox' }).first().click();
    await expect(page.getByRole('table', { name: 'Buckets' }).getByRole('row', { name: /sandbox-docs/ })).toBeVisible({ timeout: 30_000 });
    // A hostile link is refused in main and never reaches the page.
    expect(receive('oss://sandbox-docs/%0Aevil')).toEqual({ accepted: false, reason: 'controlCharacter' });

    expect(receive('oss://sandbox-docs/reports/2024/')).toMatchObject({ accepted: true });
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://sandbox-docs/reports/2024/');
    await expect(page.getByRole('row', { name: /q1\.csv/ })).toBeVisible();
    // Another bucket on screen: a link to the first one still goes there.
    await page.getByRole('navigation', { name: 'Navigation' }).getByRole('button', { name: /sandbox-photos/ }).click();
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://sandbox-photos/');
    receive('oss://sandbox-docs/reports/');
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://sandbox-docs/reports/');

    const profiles = (await app.invoke('profiles:list')) as { ok: true; value: { profiles: Array<{ id: string }> } };
    const [sandbox] = profiles.value.profiles;
    expect((await app.invoke('profiles:duplicate', { id: sandbox!.id, name: 'Second sandbox' })).ok).toBe(true);
    expect(receive('oss://sandbox-docs/%E6%96%87%E6%A1%A3/')).toMatchObject({ accepted: true });
    const choose = page.getByTestId('link-profile-dialog');
    await expect(choose).toContainText('Several profiles may open oss://sandbox-docs/文档/');
    expect((await new AxeBuilder({ page }).include('[data-testid="link-profile-dialog"]').analyze()).violations).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('link-choose-profile.png') });
    await choose.getByRole('button', { name: 'Second sandbox' }).click();
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://sandbox-docs/文档/');
    await expect(page.getByRole('row', { name: /说明\.txt/ })).toBeVisible();
  });

  test('the explanation reads in Chinese, in dark mode, on a small window, and passes axe', async ({ app }, testInfo) => {
    const { page } = app;
    test.skip(!app.main, 'feeds links through main’s context (Chromium bridge mode)');
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('combobox', { name: /language|语言/i }).selectOption('zh-CN');
    app.main!.ctx.desktop.links.receive('oss://sandbox-docs/');
    const none = page.getByTestId('link-no-profile-dialog');
    await expect(none).toContainText('您的配置都无法打开 oss://sandbox-docs/');
    await expect(none.getByRole('button', { name: '添加配置' })).toBeFocused();
    expect((await new AxeBuilder({ page }).include('[data-testid="link-no-profile-dialog"]').analyze()).violations).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath('link-no-profile-zh-dark.png') });
    await page.keyboard.press('Escape');
    await expect(none).toBeHidden();
  });
});
