/**
 * The `app` fixture every e2e spec uses. It opens the real built renderer with a real
 * `window.oss`:
 *   - Electron mode (an Electron binary exists, see electron-binary.ts): the packaged
 *     main process via _electron.launch, with a temp user-data folder;
 *   - Chromium mode (this machine): /usr/bin/chromium, the renderer served on 127.0.0.1
 *     with the app's CSP, and window.oss bridged into main's own handler table
 *     (createHandlerTable + dispatch) over a fresh test AppContext.
 * On failure it attaches a screenshot, the app log and the page console.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { _electron, chromium, type Browser, type ElectronApplication, type Page } from 'playwright-core';
import type { AppContextOptions } from '../../main/app-context';
import { createHandlerTable } from '../../main/ipc/handlers';
import type { IpcResult } from '../../shared/errors';
import { findElectronBinary } from './electron-binary';
import { dropFilesInPage, installPageBridge } from './page-bridge';
import { serveRenderer, type StaticServer } from './static-server';
import { createTestAppContext, type TestAppContext } from './test-app-context';

const root = path.resolve(__dirname, '../..');
const rendererDir = path.join(root, 'out', 'renderer');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface AppUnderTest {
  mode: 'chromium' | 'electron';
  page: Page;
  userDataDir: string;
  /** main.log of this run (attached to failed tests). */
  logFile: string;
  /** Calls a channel through the page's window.oss and returns the raw reply envelope. */
  invoke(channel: string, input?: unknown): Promise<IpcResult<unknown>>;
  /** Drops files from disk on the element matching `selector`; getPathForFile returns their paths. */
  dropFiles(selector: string, paths: string[]): Promise<void>;
  /** Chromium mode only: main's context (emit events, inspect services, see openExternal calls). */
  main?: TestAppContext;
}

interface WorkerFixtures {
  rendererHost: { browser(): Promise<Browser>; server(): Promise<StaticServer> };
}

interface TestFixtures {
  /** Extra AppContext options for Chromium mode, e.g. `test.use({ appContextOverrides: {...} })`. */
  appContextOverrides: Partial<AppContextOptions>;
  app: AppUnderTest;
}

const mimeTypes: Record<string, string> = { '.txt': 'text/plain', '.png': 'image/png', '.jpg': 'image/jpeg', '.json': 'application/json' };

export const test = base.extend<TestFixtures, WorkerFixtures>({
  rendererHost: [
    // Launched lazily so Electron mode never starts Chromium or the server.
    // eslint-disable-next-line no-empty-pattern -- Playwright requires an object pattern here.
    async ({}, use) => {
      let browser: Promise<Browser> | undefined;
      let server: Promise<StaticServer> | undefined;
      await use({
        browser: () => (browser ??= chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })),
        server: () => (server ??= serveRenderer(rendererDir)),
      });
      if (browser) await (await browser).close();
      if (server) await (await server).close();
    },
    { scope: 'worker' },
  ],

  appContextOverrides: [{}, { option: true }],

  app: async ({ rendererHost, appContextOverrides }, use, testInfo) => {
    const consoleLines: string[] = [];
    const watch = (page: Page) => {
      page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    };
    const electronPath = findElectronBinary();
    let electronApp: ElectronApplication | undefined;
    let main: TestAppContext | undefined;
    let closeContext: () => Promise<void>;
    let page: Page;
    let userDataDir: string;

    if (electronPath) {
      userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oss-browser-e2e-electron-'));
      electronApp = await _electron.launch({
        executablePath: electronPath,
        args: [path.join(root, 'out', 'main', 'index.js'), '--no-sandbox'],
        env: { ...process.env, OSS_BROWSER_USER_DATA: userDataDir, NODE_ENV: 'production' },
      });
      page = await electronApp.firstWindow();
      watch(page);
      closeContext = async () => electronApp!.close();
    } else {
      main = createTestAppContext(appContextOverrides);
      userDataDir = main.userDataDir;
      const [browser, server] = await Promise.all([rendererHost.browser(), rendererHost.server()]);
      const context = await browser.newContext({ viewport: { width: 1200, height: 780 } });
      const stopEvents = await installPageBridge(context, {
        table: createHandlerTable(main.ctx),
        hub: main.hub,
        origin: server.origin,
        log: main.ctx.log,
      });
      page = await context.newPage();
      watch(page);
      await page.goto(`${server.origin}/index.html`);
      closeContext = async () => {
        stopEvents();
        await context.close();
      };
    }

    const logFile = path.join(userDataDir, 'logs', 'main.log');
    const app: AppUnderTest = {
      mode: electronPath ? 'electron' : 'chromium',
      page,
      userDataDir,
      logFile,
      ...(main ? { main } : {}),
      invoke: (channel, input) =>
        page.evaluate(
          ([c, i]) => (globalThis as unknown as { oss: Record<string, (x: unknown) => Promise<IpcResult<unknown>>> }).oss[c]!(i),
          [channel, input] as const,
        ),
      dropFiles: (selector, paths) =>
        dropFilesInPage(
          page,
          selector,
          paths.map((p) => ({
            path: path.resolve(p),
            name: path.basename(p),
            mimeType: mimeTypes[path.extname(p).toLowerCase()] ?? 'application/octet-stream',
            base64: fs.readFileSync(p).toString('base64'),
          })),
        ),
    };

    await use(app);

    if (testInfo.status !== testInfo.expectedStatus) {
      const shot = testInfo.outputPath('failure.png');
      await page
        .screenshot({ path: shot })
        .then(() => testInfo.attach('screenshot', { path: shot, contentType: 'image/png' }))
        .catch(() => {});
      if (fs.existsSync(logFile)) await testInfo.attach('app-log', { path: logFile, contentType: 'text/plain' });
      const consoleFile = testInfo.outputPath('page-console.txt');
      fs.writeFileSync(consoleFile, consoleLines.join('\n'));
      await testInfo.attach('page-console', { path: consoleFile, contentType: 'text/plain' });
    }
    await closeContext();
    if (main) await main.dispose();
    else fs.rmSync(userDataDir, { recursive: true, force: true });
  },
});

export { expect };
