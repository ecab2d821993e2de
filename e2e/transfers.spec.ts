/**
 * Transfers end to end: the built renderer, main's real handlers and transfer engine, the
 * emulator over HTTP, and real files on disk. Drop a folder and watch it arrive and appear
 * in the listing; download a selection and check the files; pause and resume; a conflict
 * prompt whose answer decides what is sent.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { dropFilesInPage } from './support/page-bridge';
import { expect, listed, row, test } from './fixtures/browse-env';

function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `oss-browser-e2e-${name}-`));
}

function write(file: string, body: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
}

/** Drops paths (files or folders) from disk on `selector`, as from a file manager. */
async function drop(page: Page, selector: string, paths: string[]): Promise<void> {
  await dropFilesInPage(
    page,
    selector,
    paths.map((p) => ({ path: p, name: path.basename(p), mimeType: '', base64: fs.statSync(p).isFile() && fs.statSync(p).size < 1 << 20 ? fs.readFileSync(p).toString('base64') : '' })),
  );
}

const rows = (page: Page) => page.getByTestId('transfer-panel').getByTestId('transfer-row');

/** Waits until the panel lists `count` rows and every one is in `state`. */
async function allIn(page: Page, count: number, state: string, timeout = 30_000): Promise<void> {
  await expect(rows(page)).toHaveCount(count, { timeout });
  await expect(page.getByTestId('transfer-panel').locator(`[data-testid="transfer-row"]:not([data-state="${state}"])`)).toHaveCount(0, { timeout });
}

test.describe('transfers', () => {
  test('a folder dropped on the list arrives, verified, and shows in the listing', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('drop-bucket');
    const dir = tempDir('drop');
    write(path.join(dir, 'holiday', 'beach.txt'), 'sand and sea');
    write(path.join(dir, 'holiday', 'notes', 'day1.md'), '# Day 1\n');
    write(path.join(dir, 'holiday', '空格 name.txt'), 'unicode and spaces');
    await openAt('oss://drop-bucket/');
    await listed(page, 0);
    await drop(page, '[data-testid="listing-drop-area"]', [path.join(dir, 'holiday')]);
    await expect(page.getByTestId('transfer-panel')).toBeVisible();
    await allIn(page, 3, 'done');
    await expect(rows(page).first().getByTestId('transfer-status')).toHaveText(/Verified/);
    // The listing refreshes by itself once the uploads landed.
    await listed(page, 1);
    await expect(row(page, 'holiday')).toBeVisible();
    const got = await oss.client('drop-bucket').get('holiday/空格 name.txt');
    expect(String(got.content)).toBe('unicode and spaces');

    // A file dropped on a folder row goes into that folder.
    write(path.join(dir, 'late.txt'), 'late arrival');
    await drop(page, '.browse-table__row[data-key="holiday/"]', [path.join(dir, 'late.txt')]);
    await allIn(page, 4, 'done');
    expect(String((await oss.client('drop-bucket').get('holiday/late.txt')).content)).toBe('late arrival');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a file dropped on a bucket in the sidebar goes to its root', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('side-a');
    await oss.createBucket('side-b');
    const dir = tempDir('side');
    write(path.join(dir, 'to-b.txt'), 'for bucket b');
    await openAt('oss://side-a/');
    await listed(page, 0);
    await drop(page, '.browse-sidebar-buckets__item[title^="side-b"]', [path.join(dir, 'to-b.txt')]);
    await allIn(page, 1, 'done');
    expect(String((await oss.client('side-b').get('to-b.txt')).content)).toBe('for bucket b');
    await page.getByTestId('transfer-panel').getByRole('button', { name: 'Clear finished' }).click();
    await expect(rows(page)).toHaveCount(0);
    await expect(page.getByTestId('transfer-totals')).toHaveText('No transfers');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('"Upload files…" in the toolbar uploads what the native dialog returns', async ({ app, oss, openAt }) => {
    test.skip(!app.main, 'answers the native file dialog through the scripted host');
    const { page } = app;
    await oss.createBucket('pick-bucket');
    await oss.seed('pick-bucket', [{ key: 'inbox/.keep', body: '' }]);
    const dir = tempDir('pick');
    write(path.join(dir, 'one.txt'), 'first');
    write(path.join(dir, 'two.txt'), 'second');
    app.main!.host.answers.files.push([path.join(dir, 'one.txt'), path.join(dir, 'two.txt')]);
    await openAt('oss://pick-bucket/inbox/');
    await listed(page, 1);
    await page.getByRole('toolbar', { name: 'Folder actions' }).getByRole('button', { name: 'Upload files…' }).click();
    await allIn(page, 2, 'done');
    await listed(page, 3);
    expect(String((await oss.client('pick-bucket').get('inbox/two.txt')).content)).toBe('second');

    // "Upload folder…" from the folder's own menu (right-click on empty space).
    write(path.join(dir, 'album', 'p1.jpg'), 'jpeg one');
    app.main!.host.answers.folders.push(path.join(dir, 'album'));
    await page.getByTestId('object-list').click({ button: 'right', position: { x: 300, y: 200 } });
    await page.getByRole('menuitem', { name: 'Upload folder…' }).click();
    await allIn(page, 3, 'done');
    expect(String((await oss.client('pick-bucket').get('inbox/album/p1.jpg')).content)).toBe('jpeg one');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('"Download to…" saves the selection in the chosen folder, byte for byte', async ({ app, oss, openAt }) => {
    test.skip(!app.main, 'answers the native folder dialog through the scripted host');
    const { page } = app;
    await oss.createBucket('dl-bucket');
    const big = crypto.randomBytes(3 * 1024 * 1024);
    await oss.seed('dl-bucket', [
      { key: 'reports/q1.csv', body: 'a,b\n1,2\n' },
      { key: 'reports/q2.csv', body: 'a,b\n3,4\n' },
      { key: 'reports/old/q0.csv', body: 'a,b\n0,0\n' },
    ]);
    await oss.client('dl-bucket').put('reports/big.bin', big);
    const target = tempDir('dl');
    app.main!.host.answers.folders.push(target);
    await openAt('oss://dl-bucket/reports/');
    await listed(page, 4);
    await page.getByTestId('object-list').focus();
    await page.keyboard.press('Control+A');
    await page.getByTestId('object-list').click({ button: 'right', position: { x: 40, y: 10 } });
    await page.getByRole('menuitem', { name: 'Download to…' }).click();
    await allIn(page, 4, 'done');
    expect(fs.readFileSync(path.join(target, 'q1.csv'), 'utf8')).toBe('a,b\n1,2\n');
    expect(fs.readFileSync(path.join(target, 'old', 'q0.csv'), 'utf8')).toBe('a,b\n0,0\n');
    expect(fs.readFileSync(path.join(target, 'big.bin')).equals(big)).toBe(true);
    expect(app.main!.host.calls.some((c) => c.kind === 'chooseFolder')).toBe(true);
    // "Show in folder" and "Open" on a finished download reach the OS with the file's own path.
    const q1 = rows(page).filter({ hasText: 'q1.csv' });
    await q1.getByRole('button', { name: 'Show in folder: q1.csv' }).click();
    await q1.getByRole('button', { name: 'Open: q1.csv' }).click();
    await expect.poll(() => app.main!.host.calls.filter((c) => c.kind === 'showItemInFolder' || c.kind === 'openPath').map((c) => ('path' in c ? c.path : ''))).toEqual([path.join(target, 'q1.csv'), path.join(target, 'q1.csv')]);
    // Nothing half-written is left beside the files.
    expect(fs.readdirSync(target).sort()).toEqual(['big.bin', 'old', 'q1.csv', 'q2.csv']);
    fs.rmSync(target, { recursive: true, force: true });
  });

  test('dragging rows out hands small files to the OS drag; a folder goes to the download folder with a message', async ({ app, oss, openAt }) => {
    test.skip(!app.main, 'reads the OS drag from the scripted host');
    const { page } = app;
    await oss.createBucket('drag-bucket');
    await oss.seed('drag-bucket', [
      { key: 'out/a.txt', body: 'first file' },
      { key: 'out/b.txt', body: 'second file' },
      { key: 'out/pics/p.jpg', body: 'jpeg bytes' },
    ]);
    await openAt('oss://drag-bucket/out/');
    await listed(page, 3);
    await row(page, 'a.txt').click();
    await row(page, 'b.txt').click({ modifiers: [process.platform === 'darwin' ? 'Meta' : 'Control'] });
    await row(page, 'b.txt').dispatchEvent('dragstart');
    await expect.poll(() => app.main!.host.calls.filter((c) => c.kind === 'startDrag').length, { timeout: 20_000 }).toBe(1);
    const drag = app.main!.host.calls.find((c) => c.kind === 'startDrag') as { paths: string[] };
    // The files exist (fetched and verified) before the OS is given them.
    expect(drag.paths.map((p) => path.basename(p))).toEqual(['a.txt', 'b.txt']);
    expect(drag.paths.map((p) => fs.readFileSync(p, 'utf8'))).toEqual(['first file', 'second file']);

    // A folder cannot be fetched while the mouse is down: it goes to the download folder, and the user is told.
    await row(page, 'pics').dispatchEvent('dragstart');
    await expect(page.getByTestId('transfer-notice')).toContainText('download folder');
    const downloaded = path.join(app.main!.userDataDir, 'Downloads', 'pics', 'p.jpg');
    await expect.poll(() => fs.existsSync(downloaded) && fs.readFileSync(downloaded, 'utf8'), { timeout: 20_000 }).toBe('jpeg bytes');
    expect(app.main!.host.calls.filter((c) => c.kind === 'startDrag')).toHaveLength(1);
  });

  test('a file with no preview opens in the OS app; "Save as…" in the preview writes where the user said', async ({ app, oss, openAt }) => {
    test.skip(!app.main, 'answers the native save dialog through the scripted host');
    const { page } = app;
    await oss.createBucket('open-bucket');
    await oss.seed('open-bucket', [
      { key: 'files/model.blend', body: 'binary-ish content' },
      { key: 'files/readme.txt', body: 'read me' },
    ]);
    await openAt('oss://open-bucket/files/');
    await listed(page, 2);
    await row(page, 'model.blend').dblclick();
    await expect.poll(() => app.main!.host.calls.find((c) => c.kind === 'openPath')).toBeTruthy();
    const opened = app.main!.host.calls.find((c) => c.kind === 'openPath') as { path: string };
    expect(path.basename(opened.path)).toBe('model.blend');
    expect(fs.readFileSync(opened.path, 'utf8')).toBe('binary-ish content');

    const target = path.join(tempDir('saveas'), 'my copy.txt');
    app.main!.host.answers.saveFiles.push(target);
    await row(page, 'readme.txt').dblclick();
    const preview = page.getByTestId('preview-dialog');
    await expect(preview.getByTestId('preview-text')).toHaveText('read me');
    await preview.getByRole('button', { name: 'Save as…' }).click();
    await expect.poll(() => fs.existsSync(target) && fs.readFileSync(target, 'utf8'), { timeout: 20_000 }).toBe('read me');
    fs.rmSync(path.dirname(target), { recursive: true, force: true });
  });

  test('an upload can be paused and resumed, and arrives complete', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('pause-bucket');
    const dir = tempDir('pause');
    // Multipart (above the 16 MiB threshold) in 1 MiB parts, so a pause keeps the parts sent;
    // slow enough (4 MiB/s) to pause part-way.
    const body = crypto.randomBytes(20 * 1024 * 1024);
    write(path.join(dir, 'video.bin'), body);
    expect((await app.invoke('transfers:settings-set', { bandwidthUp: 4 * 1024 * 1024, partSize: 1024 * 1024 })).ok).toBe(true);
    await openAt('oss://pause-bucket/');
    await listed(page, 0);
    await drop(page, '[data-testid="listing-drop-area"]', [path.join(dir, 'video.bin')]);
    const item = rows(page).first();
    await expect(item).toHaveAttribute('data-state', 'running', { timeout: 20_000 });
    await expect.poll(async () => Number(await item.getByRole('progressbar').getAttribute('aria-valuenow')), { timeout: 20_000 }).toBeGreaterThanOrEqual(10);
    await item.getByRole('button', { name: 'Pause: video.bin' }).click();
    await expect(item).toHaveAttribute('data-state', 'paused');
    await expect(item.getByTestId('transfer-status')).toHaveText(/Paused at \d+%/);
    const pausedAt = Number(await item.getByRole('progressbar').getAttribute('aria-valuenow'));
    expect(pausedAt).toBeGreaterThan(0);
    expect(pausedAt).toBeLessThan(100);
    await expect(oss.client('pause-bucket').head('video.bin')).rejects.toMatchObject({ status: 404 });
    expect((await app.invoke('transfers:settings-set', { bandwidthUp: 0 })).ok).toBe(true);
    await item.getByRole('button', { name: 'Resume: video.bin' }).click();
    await expect(item).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
    await expect(item.getByTestId('transfer-status')).toHaveText('Verified');
    expect(Buffer.from((await oss.client('pause-bucket').get('video.bin')).content).equals(body)).toBe(true);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('a conflict prompt shows the plan and its answer decides what is sent', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('clash-bucket');
    await oss.seed('clash-bucket', [
      { key: 'docs/same.txt', body: 'unchanged' },
      { key: 'docs/changed.txt', body: 'old text' },
    ]);
    const dir = tempDir('clash');
    write(path.join(dir, 'same.txt'), 'unchanged');
    write(path.join(dir, 'changed.txt'), 'new text, longer');
    write(path.join(dir, 'fresh.txt'), 'brand new');
    expect((await app.invoke('transfers:settings-set', { conflictDefault: 'ask' })).ok).toBe(true);
    await openAt('oss://clash-bucket/docs/');
    await listed(page, 2);
    await drop(page, '[data-testid="listing-drop-area"]', ['same.txt', 'changed.txt', 'fresh.txt'].map((n) => path.join(dir, n)));
    const prompt = page.getByTestId('conflict-dialog');
    await expect(prompt).toBeVisible({ timeout: 20_000 });
    await expect(prompt.getByTestId('conflict-plan')).toHaveText('1 new, 1 changed, 1 identical');
    await expect(prompt).toContainText('oss://clash-bucket/docs/');
    // Keyboard only: the first choice has the focus; pick "Skip identical files, replace changed ones" and continue.
    await expect(prompt.getByRole('radio', { name: /Skip identical files/ })).toBeChecked();
    await expect(prompt.getByRole('radio', { name: /Skip identical files/ })).toBeFocused();
    await prompt.getByRole('button', { name: 'Continue' }).click();
    await expect(prompt).toBeHidden();
    await expect(rows(page)).toHaveCount(3, { timeout: 20_000 });
    await expect(page.getByTestId('transfer-panel').locator('[data-testid="transfer-row"]:not([data-state="done"]):not([data-state="skipped"])')).toHaveCount(0, { timeout: 20_000 });
    await expect(page.getByTestId('transfer-panel').locator('[data-state="skipped"]')).toContainText('identical');
    expect(String((await oss.client('clash-bucket').get('docs/changed.txt')).content)).toBe('new text, longer');
    expect(String((await oss.client('clash-bucket').get('docs/fresh.txt')).content)).toBe('brand new');
    await listed(page, 3);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
