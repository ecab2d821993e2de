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
  calls: { openExternal?: string[]; openPath?: string[] };
  protocolClients: Array<{ scheme: string; args: unknown[] }>;
  appListeners: string[];
  menu: MenuItem[] | null;
  menuZh: string[];
  takenLinks: Array<{ ok: boolean; value?: unknown }>;
  untrustedTake: { ok: boolean; error?: { code: string } };
  diagnostics: string;
  sent: Array<{ channel: string; payload: unknown }>;
  notifications: Array<{ title: string; body: string }>;
  credentialEvents: string[];
  layoutBefore: { ok: boolean; value?: unknown };
  layoutSet: { ok: boolean };
  layoutAfter: { ok: boolean; value?: unknown };
  layoutTooWide: { ok: boolean; error?: { code: string } };
  layoutForeign: { ok: boolean; error?: { code: string } };
  layoutUntrusted: { ok: boolean; error?: { code: string } };
}

interface MenuItem {
  label?: string;
  role?: string;
  id?: string;
  bound?: boolean;
  submenu?: MenuItem[];
}

const flat = (items: MenuItem[]): MenuItem[] => items.flatMap((i) => [i, ...flat(i.submenu ?? [])]);

test.describe('the built main process', () => {
  let report: StubReport;
  let userData: string;

  test.beforeAll(() => {
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'ossb-main-'));
    // Started with a link, as the OS does when a click on oss://… launches the app.
    const run = spawnSync(process.execPath, ['--require', path.join(__dirname, 'support/electron-stub.cjs'), path.join(root, 'out/main/index.js'), 'oss://start-bucket/first/'], {
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
    // No saved state yet: the default size, centred on the (1920x1040 work area) screen.
    expect(win).toMatchObject({ bounds: { x: 360, y: 130, width: 1200, height: 780 } });
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

  test('installs the application menu with the standard roles and bound Help commands', () => {
    expect(report.menu?.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const items = flat(report.menu ?? []);
    for (const role of ['cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'togglefullscreen', 'minimize', 'quit', 'about']) {
      expect(items.map((i) => i.role), role).toContain(role);
    }
    // Packaged: no reload, no developer tools.
    expect(items.map((i) => i.role)).not.toContain('forceReload');
    expect(items.map((i) => i.role)).not.toContain('toggleDevTools');
    expect(items.filter((i) => i.id)).toEqual([
      { id: 'copyDiagnostics', label: 'Copy Diagnostics', bound: true },
      { id: 'openLogs', label: 'Open Logs Folder', bound: true },
    ]);
    expect(report.menuZh).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  test('registers as the oss:// handler and listens for links from the OS and a second launch', () => {
    expect(report.protocolClients).toEqual([{ scheme: 'oss', args: [] }]);
    expect(report.appListeners).toEqual(['open-url', 'second-instance']);
  });

  test('hands links over in order (start argument, then second launch), refuses a hostile one, and only to the app page', () => {
    expect(report.takenLinks).toEqual([
      { ok: true, value: { bucket: 'start-bucket', prefix: 'first/', candidates: [] } },
      { ok: true, value: { bucket: 'second-bucket', prefix: 'from/second launch/', candidates: [] } },
      { ok: true, value: null },
    ]);
    expect(report.untrustedTake).toMatchObject({ ok: false, error: { code: 'UntrustedSender' } });
    expect(report.sent.filter((e) => e.channel === 'desktop:link-waiting').length).toBeGreaterThanOrEqual(1);
    expect(report.sent).toContainEqual({ channel: 'app:notice', payload: { level: 'warn', message: expect.stringContaining('cannot be opened') } });
    const log = fs.readFileSync(path.join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('oss:// link refused {"reason":"controlCharacter"}');
  });

  test('copies diagnostics with versions and the last error, never its secret; opens the logs folder', () => {
    expect(report.diagnostics).toContain('OSS Browser diagnostics');
    expect(report.diagnostics).toContain('App: 0.1.0');
    expect(report.diagnostics).toContain('Profiles: 0');
    expect(report.diagnostics).toMatch(/ERROR renderer: upload failed accessKeySecret=\[redacted\]/);
    expect(report.diagnostics).not.toContain('Zx9YwVu8Ts7Rq6Po5Nm4Lk3Ji2Hg1F');
    expect(report.sent).toContainEqual({ channel: 'app:notice', payload: { level: 'info', message: expect.stringContaining('Diagnostics copied') } });
    expect(report.calls.openPath).toEqual([path.join(userData, 'logs')]);
  });

  test('remembers the window state and the page’s layout together, per display arrangement', () => {
    const saved = JSON.parse(fs.readFileSync(path.join(userData, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({
      '1920x1040@0,0': { bounds: { x: 360, y: 130, width: 1200, height: 780 }, maximized: false, layout: { sidebarWidth: 320, columns: { size: 100, modified: 200 } } },
    });
  });

  test('keeps the layout over IPC, validating it, and only for the app page', () => {
    expect(report.layoutBefore).toEqual({ ok: true, value: {} });
    expect(report.layoutSet.ok).toBe(true);
    expect(report.layoutAfter).toEqual({ ok: true, value: { sidebarWidth: 320, columns: { size: 100, modified: 200 } } });
    expect(report.layoutTooWide).toMatchObject({ ok: false, error: { code: 'InvalidArgument' } });
    expect(report.layoutForeign).toMatchObject({ ok: false, error: { code: 'InvalidArgument' } });
    expect(report.layoutUntrusted).toMatchObject({ ok: false, error: { code: 'UntrustedSender' } });
  });

  test('tells a user in another app that temporary credentials expire and expired, in the page’s language; not while the window has the focus', () => {
    expect(report.notifications).toEqual([
      { title: 'Credentials expire soon', body: expect.stringMatching(/^The temporary credentials of “Temporary EN” expire in 1 min\./) },
      { title: '凭证已过期', body: '配置“Temporary EN”的临时凭证已过期。请打开 OSS Browser 并输入新的凭证以继续。' },
    ]);
    // The focused profile's events did reach the page (its own prompt), without a system notification.
    expect(report.credentialEvents).toEqual(['credentials:expiring', 'credentials:expired', 'credentials:expiring', 'credentials:expired']);
    // No secret of the pasted token in what the user sees.
    for (const n of report.notifications) expect(JSON.stringify(n)).not.toMatch(/stsSecretValueExample|CAIStokenExampleValue|STS\.NUexampleId/);
  });
});
