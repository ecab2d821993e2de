/**
 * The window layout as a desktop app keeps it: the sidebar resizes with the keyboard and
 * the pointer, and its width and the listing's column widths are kept by main (in
 * window-state.json, beside the window's size) across a reload; widths an older version
 * kept in localStorage move to main once. Real emulator, main's real handler table.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, listed, row, test } from './fixtures/browse-env';
import { solidPng } from './fixtures/browse-png';

const splitter = (page: Page) => page.getByRole('separator', { name: /Resize the sidebar|调整侧边栏宽度/ });
const sidebarWidth = async (page: Page) => Math.round((await page.getByRole('navigation', { name: /Navigation|导航/ }).boundingBox())!.width);

async function seed(oss: { createBucket(b: string): Promise<void>; seed(b: string, o: Array<{ key: string; body: string | Buffer; contentType?: string }>): Promise<void> }) {
  await oss.createBucket('layout-bucket');
  await oss.seed('layout-bucket', [
    { key: 'pics/a-harbour.png', body: solidPng(320, 200, [31, 111, 235]), contentType: 'image/png' },
    { key: 'pics/b-notes.txt', body: 'notes' },
    { key: 'pics/c-报告.csv', body: 'a,b' },
  ]);
}

test.describe('desktop: window layout', () => {
  test('the sidebar resizes by keyboard and pointer, within its limits, and keeps its width across a reload', async ({ app, oss, openAt }) => {
    const { page } = app;
    test.skip(!app.main, 'reads the layout main keeps (Chromium bridge mode)');
    await seed(oss);
    await openAt('oss://layout-bucket/pics/');
    await listed(page, 3);
    const sep = splitter(page);
    await expect(sep).toHaveAttribute('aria-valuenow', '260');
    expect(await sidebarWidth(page)).toBe(260);

    // Keyboard only: the splitter is the Tab stop after Settings.
    await page.getByTestId('open-settings').focus();
    await page.keyboard.press('Tab');
    await expect(sep).toBeFocused();
    await page.keyboard.press('End');
    await expect(sep).toHaveAttribute('aria-valuenow', '480');
    expect(await sidebarWidth(page)).toBe(480);
    await page.keyboard.press('Home');
    await expect(sep).toHaveAttribute('aria-valuenow', '180');
    await page.keyboard.press('ArrowLeft');
    await expect(sep).toHaveAttribute('aria-valuenow', '180');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(sep).toHaveAttribute('aria-valuenow', '240');
    expect(await sidebarWidth(page)).toBe(240);

    // Pointer: drag the splitter 70 px to the right.
    const box = (await sep.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 35, box.y + 200, { steps: 3 });
    await page.mouse.move(box.x + box.width / 2 + 70, box.y + 200, { steps: 3 });
    await page.mouse.up();
    await expect(sep).toHaveAttribute('aria-valuenow', '310');
    expect(await sidebarWidth(page)).toBe(310);
    // The main pane kept its listing beside the wider sidebar.
    await expect(row(page, 'a-harbour.png')).toBeVisible();

    // Kept by main, with the window state, not by the page.
    await expect.poll(() => app.main!.ctx.desktop.layout().sidebarWidth).toBe(310);
    const file = JSON.parse(fs.readFileSync(path.join(app.userDataDir, 'window-state.json'), 'utf8'));
    expect(file).toEqual({ default: { maximized: false, layout: { sidebarWidth: 310 } } });
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => /sidebar|columns/.test(k)))).toEqual([]);

    await page.reload();
    await expect(splitter(page)).toHaveAttribute('aria-valuenow', '310');
    expect(await sidebarWidth(page)).toBe(310);
    // The narrowest window the app allows: the widest sidebar yields to the listing.
    await splitter(page).focus();
    await page.keyboard.press('End');
    await page.setViewportSize({ width: 760, height: 600 });
    await expect(splitter(page)).toHaveAttribute('aria-valuenow', '342');
    expect(await sidebarWidth(page)).toBe(342);
    await page.keyboard.press('ArrowLeft');
    await expect(splitter(page)).toHaveAttribute('aria-valuenow', '332');
    expect(await sidebarWidth(page)).toBe(332);
    await page.setViewportSize({ width: 1280, height: 800 });
    // Double-click: back to the initial width.
    await splitter(page).dblclick();
    await expect(splitter(page)).toHaveAttribute('aria-valuenow', '260');
    await expect.poll(() => app.main!.ctx.desktop.layout().sidebarWidth).toBe(260);
  });

  test('column widths move from localStorage to main once, and a resized column is kept by main', async ({ app, oss, openAt }) => {
    const { page } = app;
    test.skip(!app.main, 'reads the layout main keeps (Chromium bridge mode)');
    await seed(oss);
    // What an earlier version left in the page's storage.
    await page.evaluate(() => localStorage.setItem('oss-browser.browse.columns', JSON.stringify({ size: 130, modified: 200, type: 64, storageClass: 116 })));
    await openAt('oss://layout-bucket/pics/');
    await listed(page, 3);
    await expect.poll(() => app.main!.ctx.desktop.layout().columns).toEqual({ size: 130, modified: 200, type: 64, storageClass: 116 });
    expect(await page.evaluate(() => localStorage.getItem('oss-browser.browse.columns'))).toBeNull();
    const sizeHandle = page.getByRole('separator', { name: 'Resize the Size column' });
    await expect(sizeHandle).toHaveAttribute('aria-valuenow', '130');

    // The Size column's handle, from the keyboard: Shift+ArrowLeft widens it (plain arrows move between header controls).
    await sizeHandle.focus();
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(sizeHandle).toHaveAttribute('aria-valuenow', '150');
    await expect.poll(() => app.main!.ctx.desktop.layout().columns?.size).toBe(150);
    await openAt('oss://layout-bucket/pics/');
    await listed(page, 3);
    await expect(page.getByRole('separator', { name: 'Resize the Size column' })).toHaveAttribute('aria-valuenow', '150');
  });

  test('screens with a widened sidebar and the image viewer: 1280×800 and 1024×700, light and dark, English and Chinese, axe clean', async ({ app, oss, openAt }, testInfo) => {
    test.setTimeout(180_000);
    const { page } = app;
    test.skip(!app.main, 'reads the layout main keeps (Chromium bridge mode)');
    await seed(oss);
    app.main!.ctx.desktop.setLayout({ sidebarWidth: 340 });
    for (const language of ['en', 'zh-CN'] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        for (const size of [{ width: 1280, height: 800 }, { width: 1024, height: 700 }]) {
          await page.setViewportSize(size);
          await page.emulateMedia({ colorScheme: scheme });
          await openAt('oss://layout-bucket/pics/');
          await listed(page, 3);
          if (language === 'zh-CN') await page.getByRole('combobox', { name: /language|语言/i }).selectOption('zh-CN');
          const sep = splitter(page);
          await expect(sep).toHaveAttribute('aria-valuenow', '340');
          // Never more than 45% of a narrow window: the listing keeps its room.
          expect(await sidebarWidth(page)).toBe(Math.min(340, Math.floor(size.width * 0.45)));
          const name = `${language}-${scheme}-${size.width}`;
          await page.screenshot({ path: testInfo.outputPath(`layout-${name}.png`) });
          const list = await new AxeBuilder({ page }).analyze();
          expect(list.violations.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

          // Keyboard only: the list has the focus on open; the first row, Enter, the viewer.
          await expect(page.locator('#file-list')).toBeFocused();
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('Enter');
          const img = page.getByTestId('preview-image');
          await expect(img).toBeVisible();
          await expect.poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(320);
          await page.screenshot({ path: testInfo.outputPath(`layout-viewer-${name}.png`) });
          const viewer = await new AxeBuilder({ page }).analyze();
          expect(viewer.violations.map((v) => `${name} viewer: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
          await page.keyboard.press('Escape');
          await expect(img).toBeHidden();
          if (language === 'zh-CN') await page.getByRole('combobox', { name: /language|语言/i }).selectOption('en');
        }
      }
    }
  });
});
