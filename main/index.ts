/**
 * App lifecycle: single instance, the app:// protocol serving the built renderer with its
 * CSP, deny-by-default permissions, IPC registration and the main window.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, net, protocol, session, shell } from 'electron';
import { pathToFileURL } from 'node:url';
import { createAppContext } from './app-context';
import { createElectronDesktopHost } from './desktop-host';
import { contentTypeFor, resolveAppUrl } from './app-protocol-path';
import { createEventHub } from './ipc/event-hub';
import { createHandlerTable } from './ipc/handlers';
import { registerIpc } from './ipc/register';
import { APP_ORIGIN, APP_SCHEME } from './ipc/trusted-sender';
import { createFileLogger, type Logger } from './services/log/logger';
import { createMainWindow } from './window';
import { createWindowStateTracker, currentArrangement, installApplicationMenu, registerLinkHandoff } from './desktop-shell';
import { menuLanguageFor, menuText } from './desktop/menu-strings';
import { RecentErrors } from './services/log/recent-errors';
import {
  CONTENT_SECURITY_POLICY,
  allowedOrigins,
  developmentContentSecurityPolicy,
  guardWebContents,
  isLoopbackAllowed,
  isOpenableExternally,
  isPermissionAllowed,
} from './window-options';

// e2e runs through _electron.launch with a throwaway profile folder.
if (process.env.OSS_BROWSER_USER_DATA) app.setPath('userData', process.env.OSS_BROWSER_USER_DATA);

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);

const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const rendererDir = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, '../preload/index.js');
const origins = allowedOrigins(devServerUrl);
let log: Logger | undefined;

function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppUrl(request.url, rendererDir);
    if (!file || !fs.existsSync(file)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    return new Response(response.body, {
      status: 200,
      headers: { 'content-type': contentTypeFor(file), 'content-security-policy': CONTENT_SECURITY_POLICY },
    });
  });
}

function lockDownSession(origins: readonly string[]): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission) || isLoopbackAllowed(permission, details.requestingUrl, origins)),
  );
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission) || isLoopbackAllowed(permission, requestingOrigin, origins));
  if (devServerUrl) {
    const csp = developmentContentSecurityPolicy(devServerUrl);
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
    });
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // oss:// links: registered with the OS; those that arrive before the page is up wait.
  const links = registerLinkHandoff();
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  // Every web contents (the main window, the PDF viewer, anything a page opens) gets the same guards.
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, {
      origins,
      openExternal: (url) => void shell.openExternal(url),
      warn: (message, meta) => log?.warn(message, meta),
    });
  });

  void app.whenReady().then(() => {
    const userDataDir = app.getPath('userData');
    // The platform's log folder (Linux/Windows: <userData>/logs, macOS: ~/Library/Logs/<app>).
    const recent = new RecentErrors();
    const logsFolder = app.getPath('logs');
    const ready = createFileLogger({ dir: logsFolder, echo: !app.isPackaged, level: app.isPackaged ? 'info' : 'debug', recent });
    log = ready;
    ready.info('starting', { version: app.getVersion(), electron: process.versions.electron, platform: process.platform });
    process.on('uncaughtException', (error) => ready.error('uncaught exception', { error }));
    process.on('unhandledRejection', (reason) => ready.error('unhandled rejection', { reason: String(reason) }));

    const hub = createEventHub((error) => ready.warn('event delivery failed', { error }));
    const ctx = createAppContext({
      userDataDir,
      log: ready,
      emit: hub.emit,
      host: createElectronDesktopHost(),
      displayArrangement: currentArrangement,
      openExternal: async (url) => {
        if (!isOpenableExternally(url)) throw new Error('Only https links can be opened.');
        await shell.openExternal(url);
      },
    });
    serveRenderer();
    lockDownSession(origins);
    registerIpc({ table: createHandlerTable(ctx), hub, allowedOrigins: origins, log: ready });
    // Transfers that were running when the app closed resume now (their checkpoints say where).
    ctx.transfers.start().catch((error: unknown) => ready.warn('transfer queue could not be loaded', { error }));

    installApplicationMenu({ ctx, recent, logsFolder, development: !app.isPackaged });
    const windowState = createWindowStateTracker(userDataDir, ready.warn);
    const open = () =>
      createMainWindow({ preloadPath, startUrl: devServerUrl ?? `${APP_ORIGIN}/index.html`, log: ready, windowState });
    open();
    links.attach((link) => {
      const arrival = ctx.desktop.links.receive(link);
      if (!arrival.accepted) {
        ready.warn('oss:// link refused', { reason: arrival.reason });
        ctx.emit('app:notice', { level: 'warn', message: menuText(ctx.desktop.language ?? menuLanguageFor(app.getLocale()), 'linkRefused') });
      }
      const [win] = BrowserWindow.getAllWindows();
      if (!win) open();
      else if (!win.isFocused()) win.focus();
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) open();
    });
    app.on('will-quit', () => {
      ctx.browse.dispose();
      void ctx.previewServer.close();
      void ctx.transfers.close();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
