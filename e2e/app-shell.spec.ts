import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { requestChannelNames } from '../shared/ipc-contract';
import { expect, test } from './support/fixtures';

const { version } = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };

test.describe('app shell', () => {
  test('opens on the empty state with the version from main', async ({ app }) => {
    const { page } = app;
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await expect(page.getByRole('heading', { level: 1, name: 'No profiles yet' })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByRole('button', { name: 'Add profile' })).toBeVisible();
    await expect(main.getByRole('button', { name: 'Try the local sandbox' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Navigation' })).toBeVisible();
    await expect(page.getByTestId('app-version')).toHaveText(`OSS Browser · Version ${version}`);
    // The bundle runs under the production CSP: nothing was refused.
    expect(errors.filter((e) => /Content Security Policy|Refused to/.test(e))).toEqual([]);
  });

  test('switching the language to 中文 changes the visible text', async ({ app }) => {
    const { page } = app;
    await expect(page.getByRole('heading', { level: 1, name: 'No profiles yet' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: '中文' });
    await expect(page.getByRole('heading', { level: 1, name: '还没有配置' })).toBeVisible();
    await expect(page.getByRole('main').getByRole('button', { name: '添加配置' })).toBeVisible();
    await expect(page.getByTestId('app-version')).toHaveText(`OSS Browser · 版本 ${version}`);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '还没有配置' })).toBeVisible();
  });

  test('a channel called with an invalid argument answers InvalidArgument', async ({ app }) => {
    await expect(app.page.getByTestId('app-version')).toContainText(version);
    const reply = await app.invoke('app:open-external', { url: 'file:///etc/passwd' });
    expect(reply).toEqual({
      ok: false,
      error: { code: 'InvalidArgument', message: 'Invalid argument for app:open-external: url: Only https links can be opened.' },
    });
    const ok = await app.invoke('app:open-external', { url: 'https://help.aliyun.com/zh/oss/' });
    expect(ok).toEqual({ ok: true });
    if (app.main) expect(app.main.openedExternally).toEqual(['https://help.aliyun.com/zh/oss/']);
  });

  test('window.oss has one method per contract channel and events reach the page', async ({ app }) => {
    const { page } = app;
    const shape = await page.evaluate(() => {
      const oss = (globalThis as unknown as { oss: Record<string, unknown> }).oss;
      return { keys: Object.keys(oss).sort(), frozen: Object.isFrozen(oss) };
    });
    expect(shape.frozen).toBe(true);
    expect(shape.keys).toEqual([...requestChannelNames, 'getPathForFile', 'on'].sort());
    expect(shape.keys).toEqual(expect.arrayContaining(['app:info', 'app:log', 'app:open-external']));
    test.skip(!app.main, 'pushing events from the test needs the Chromium bridge');
    app.main!.ctx.emit('app:notice', { level: 'warn', message: 'Upload paused: network lost' });
    await expect(page.getByText('Upload paused: network lost')).toBeVisible();
    await expect(page.getByTestId('app-version')).toContainText(version);
  });

  test('a dropped file carries its local path through window.oss.getPathForFile', async ({ app }) => {
    test.skip(app.mode === 'electron', 'synthetic drops have no path in Electron');
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'oss-drop-')), '报告 2024.txt');
    writeFileSync(file, 'hello');
    await app.page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { body: { addEventListener(t: string, f: (e: { dataTransfer: { files: ArrayLike<unknown> } }) => void): void; dataset: Record<string, string> } };
        oss: { getPathForFile(f: unknown): string };
      };
      g.document.body.addEventListener('drop', (e) => {
        g.document.body.dataset.dropped = JSON.stringify(Array.from(e.dataTransfer.files, (f) => g.oss.getPathForFile(f)));
      });
    });
    await app.dropFiles('body', [file]);
    await expect(app.page.locator('body')).toHaveAttribute('data-dropped', JSON.stringify([file]));
  });

  test('a page from another origin is refused by the sender check', async ({ app }) => {
    test.skip(app.mode === 'electron', 'the Electron window cannot leave the app');
    await expect(app.page.getByTestId('app-version')).toContainText(version);
    await app.page.goto('about:blank');
    const reply = await app.invoke('app:info');
    expect(reply).toMatchObject({ ok: false, error: { code: 'UntrustedSender' } });
  });
});
