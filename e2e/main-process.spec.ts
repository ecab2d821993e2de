/**
 * Starts the BUILT main bundle (out/main/index.js) in plain Node with a recording stand-in
 * for the `electron` module (support/electron-stub.cjs), because no Electron binary can
 * run here. What runs for real: the bundle's start-up, createAppContext, the app://
 * protocol handler over out/renderer, registerIpc with the sender check and dispatch, the
 * window's open/navigation guards and the permission handler.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { requestChannelNames } from '../shared/ipc-contract';

const root = path.resolve(__dirname, '..');

interface StubReport {
  schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  ipcChannels: string[];
  windows: Array<{ url: string; webPreferences: Record<string, unknown>; show: boolean }>;
  errors: string[];
  indexHtml: { status: number; csp: string | null; body: string };
  traversal: Record<string, number>;
  trustedInfo: { ok: boolean; value?: { version: string } };
  untrustedInfo: { ok: boolean; error?: { code: string } };
  badArgument: { ok: boolean; error?: { code: string } };
  windowOpen: Record<string, { action: string }>;
  navigationBlocked: boolean;
  permissions: Record<string, boolean>;
  otherContents: { windowOpen: { action: string } | null; navigationBlocked: boolean; redirectBlocked: boolean };
  calls: { openExternal?: string[] };
}

test.describe('the built main process', () => {
  let report: StubReport;
  let userData: string;

  test.beforeAll(() => {
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'ossb-main-'));
    const run = spawnSync(process.execPath, ['--require', path.join(__dirname, 'support/electron-stub.cjs'), path.join(root, 'out/main/index.js')], {
      cwd: root,
      env: { ...process.env, OSS_BROWSER_USER_DATA: userData },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const line = run.stdout.split('\n').find((l) => l.startsWith('ELECTRON_STUB_REPORT '));
    if (!line) throw new Error(`main did not start: exit ${run.status}\n${run.stderr}\n${run.stdout}`);
    report = JSON.parse(line.slice('ELECTRON_STUB_REPORT '.length)) as StubReport;
  });

  test.afterAll(() => fs.rmSync(userData, { recursive: true, force: true }));

  test('starts without errors and registers exactly the contract channels', () => {
    expect(report.errors).toEqual([]);
    expect([...report.ipcChannels].sort()).toEqual([...requestChannelNames].sort());
    expect(report.schemes).toContainEqual(expect.objectContaining({ scheme: 'app' }));
  });

  test('opens one locked-down window on the app protocol with the built preload', () => {
    expect(report.windows).toHaveLength(1);
    const [win] = report.windows;
    expect(win?.url).toBe('app://renderer/index.html');
    expect(win?.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(fs.existsSync(String(win?.webPreferences.preload))).toBe(true);
  });

  test('serves the renderer with the CSP header and refuses paths outside it', () => {
    expect(report.indexHtml.status).toBe(200);
    expect(report.indexHtml.csp).toContain("script-src 'self'");
    expect(report.indexHtml.body).toContain('<!doctype html>');
    for (const [probe, status] of Object.entries(report.traversal)) expect(status, probe).toBe(404);
  });

  test('answers IPC only from the app page, validating arguments', () => {
    expect(report.trustedInfo.ok).toBe(true);
    expect(report.trustedInfo.value?.version).toBe(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version);
    expect(report.untrustedInfo).toMatchObject({ ok: false, error: { code: 'UntrustedSender' } });
    expect(report.badArgument).toMatchObject({ ok: false, error: { code: 'InvalidArgument' } });
  });

  test('denies new windows, foreign navigation and permissions; https links go to the system browser', () => {
    expect(report.windowOpen.https?.action).toBe('deny');
    expect(report.windowOpen.file?.action).toBe('deny');
    expect(report.calls.openExternal).toEqual(['https://www.alibabacloud.com/']);
    expect(report.navigationBlocked).toBe(true);
    expect(Object.values(report.permissions)).toEqual([false, false, false]);
  });

  test('guards every web contents, not only the main window (e.g. the PDF viewer)', () => {
    expect(report.otherContents).toEqual({ windowOpen: { action: 'deny' }, navigationBlocked: true, redirectBlocked: true });
  });

  test('writes its log to the user-data folder', () => {
    const log = fs.readFileSync(path.join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('starting');
  });
});
