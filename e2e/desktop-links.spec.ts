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

  test('a link to an object opens its folder with the object selected, scrolled into view and focused', async ({ app }, testInfo) => {
    const { page } = app;
    test.skip(!app.main, 'feeds links through main’s context (Chromium bridge mode)');
    await page.getByRole('button', { name: 'Try the local sandbox' }).first().click();
    await expect(page.getByRole('table', { name: 'Buckets' }).getByRole('row', { name: /sandbox-docs/ })).toBeVisible({ timeout: 30_000 });
    const profiles = (await app.invoke('profiles:list')) as { ok: true; value: { profiles: Array<{ id: string }> } };
    const profileId = profiles.value.profiles[0]!.id;
    // More rows than fit: the named one is far below the first screen.
    for (let i = 1; i <= 60; i++) {
      const created = await app.invoke('objects:symlink-create', { profileId, bucket: 'sandbox-docs', key: `many/item-${String(i).padStart(3, '0')}.txt`, target: 'README.txt' });
      expect(created.ok).toBe(true);
    }

    for (const [size, item] of [
      [{ width: 1280, height: 800 }, 'item-055'],
      [{ width: 1024, height: 700 }, 'item-030'],
    ] as const) {
      await page.setViewportSize(size);
      app.main!.ctx.desktop.links.receive(`oss://sandbox-docs/many/${item}.txt`);
      await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://sandbox-docs/many/');
      const row = page.getByRole('row', { name: new RegExp(`${item}\\.txt`) });
      await expect(row).toHaveAttribute('aria-selected', 'true');
      await expect(row).toBeInViewport();
      await expect(page.locator('#file-list')).toBeFocused();
      await expect(page.getByRole('row', { selected: true })).toHaveCount(1);
      await page.screenshot({ path: testInfo.outputPath(`link-object-${size.width}.png`) });
    }
    // The focus is real: the keyboard moves on from the linked object.
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('row', { name: /item-031\.txt/ })).toHaveAttribute('aria-selected', 'true');
    // The whole window, sidebar splitter included.
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    // A link naming an object that is not there opens the folder with nothing selected.
    app.main!.ctx.desktop.links.receive('oss://sandbox-docs/many/gone.txt');
    await expect(page.getByRole('row', { name: /item-001\.txt/ })).toBeInViewport();
    await expect(page.getByRole('row', { selected: true })).toHaveCount(0);
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
