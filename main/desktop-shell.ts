/**
 * The Electron side of feeling like a desktop app: the application menu (built by
 * main/desktop/menu.ts), `oss://` links from the OS (protocol registration, macOS
 * 'open-url', the command line of a second launch), window size and place across runs,
 * and "Copy Diagnostics". Every decision lives in main/desktop/ as a pure, tested function;
 * this file only connects them to Electron.
 */
import os from 'node:os';
import path from 'node:path';
import { app, clipboard, Menu, screen, shell, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { AppContext } from './app-context';
import { APP_ID } from './desktop/app-identity';
import { linkFromArgv } from './desktop/deep-link';
import { buildDiagnostics } from './desktop/diagnostics';
import { buildMenuTemplate, type MenuCommand, type MenuSpec } from './desktop/menu';
import { menuLanguageFor, menuText, type MenuLanguage } from './desktop/menu-strings';
import { displayArrangementKey, restoreWindowState, type DisplayInfo, type Rect, type SizeLimits } from './desktop/window-state';
import { WindowStateStore } from './desktop/window-state-store';
import type { RecentErrors } from './services/log/recent-errors';

export const LINK_SCHEME = 'oss';

export interface LinkHandoff {
  /** Starts delivering links (those that came early first). */
  attach(receive: (link: string) => void): void;
}

/**
 * Registers the app for oss:// links and listens where they arrive. Call before 'ready':
 * macOS sends 'open-url' for the link that launched the app before the app is ready.
 */
export function registerLinkHandoff(): LinkHandoff {
  // Windows notifications and taskbar grouping need the installer's AppUserModelID.
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  const early: string[] = [];
  let deliver: ((link: string) => void) | undefined;
  const receive = (link: string | undefined) => {
    if (!link) return;
    if (deliver) deliver(link);
    else if (early.length < 8) early.push(link);
  };
  // A development run takes over oss:// only when asked (OSS_BROWSER_DEV_LINKS=1): it would
  // otherwise replace the installed app as the handler. Unpackaged, the OS must start
  // Electron with the app's path as well.
  const entry = process.argv[1];
  if (app.isPackaged) app.setAsDefaultProtocolClient(LINK_SCHEME);
  else if (process.env.OSS_BROWSER_DEV_LINKS === '1' && entry) app.setAsDefaultProtocolClient(LINK_SCHEME, process.execPath, [path.resolve(entry)]);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receive(url);
  });
  // Windows and Linux start a second process with the link; the single-instance lock hands its command line here.
  app.on('second-instance', (_event, argv) => receive(linkFromArgv(argv)));
  receive(linkFromArgv(process.argv));
  return {
    attach(next) {
      deliver = next;
      for (const link of early.splice(0)) next(link);
    },
  };
}

function bindCommands(items: readonly MenuSpec[], commands: Record<MenuCommand, () => void>): MenuItemConstructorOptions[] {
  return items.map(({ submenu, ...item }) => ({
    ...item,
    ...(item.id ? { click: commands[item.id] } : {}),
    ...(submenu ? { submenu: bindCommands(submenu, commands) } : {}),
  }));
}

export interface DesktopShellOptions {
  ctx: AppContext;
  recent: RecentErrors;
  logsFolder: string;
  development: boolean;
}

/** The diagnostics text for the clipboard. */
export async function collectDiagnostics(ctx: AppContext, recent: RecentErrors): Promise<string> {
  const [profiles, transferSettings] = await Promise.all([
    ctx.profiles.list().then((l) => l.profiles, () => []),
    ctx.transfers.getSettings().catch(() => undefined),
  ]);
  return buildDiagnostics({
    app: { name: app.getName(), version: app.getVersion(), packaged: app.isPackaged },
    versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node },
    os: { platform: process.platform, release: os.release(), arch: process.arch, locale: app.getLocale() },
    profiles,
    ...(transferSettings ? { transferSettings } : {}),
    recentErrors: recent.list(),
    generatedAt: new Date(),
  });
}

/** Installs the application menu in the page's language (the OS locale until the page says). */
export function installApplicationMenu({ ctx, recent, logsFolder, development }: DesktopShellOptions): void {
  let language: MenuLanguage = ctx.desktop.language ?? menuLanguageFor(app.getLocale());
  const notice = (level: 'info' | 'error', message: string) => ctx.emit('app:notice', { level, message });
  const commands: Record<MenuCommand, () => void> = {
    copyDiagnostics: () => {
      collectDiagnostics(ctx, recent).then(
        (text) => {
          clipboard.writeText(text);
          notice('info', menuText(language, 'diagnosticsCopied'));
        },
        (error: unknown) => ctx.log.warn('diagnostics failed', { error }),
      );
    },
    openLogs: () => {
      void shell.openPath(logsFolder).then((reason) => {
        if (reason) notice('error', menuText(language, 'logsFailed', { reason }));
      });
    },
  };
  const install = () => {
    const template = buildMenuTemplate({ platform: process.platform, language, appName: app.getName(), development });
    Menu.setApplicationMenu(Menu.buildFromTemplate(bindCommands(template, commands)));
  };
  install();
  ctx.desktop.onLanguage((next) => {
    language = next;
    install();
  });
}

function currentDisplays(): DisplayInfo[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((d) => d.id !== primary.id)].map((d) => ({ workArea: d.workArea }));
}

/** Names the screens attached now; window state and the page's layout are kept under it. Call after 'ready'. */
export function currentArrangement(): string {
  return displayArrangementKey(currentDisplays());
}

export interface WindowStateTracker {
  /** Bounds to create the window with: the remembered ones for these screens, made visible. */
  initialBounds(limits: SizeLimits): Rect;
  /** Maximises a window that was maximised, and remembers the state when it closes. */
  track(win: BrowserWindow): void;
}

/** Remembers the main window's size, place and maximised state per display arrangement (the page's layout is kept beside it by DesktopFeature). */
export function createWindowStateTracker(userDataDir: string, warn: (message: string, meta: Record<string, unknown>) => void): WindowStateTracker {
  const store = new WindowStateStore(userDataDir);
  let maximized = false;
  return {
    initialBounds(limits) {
      const displays = currentDisplays();
      const restored = restoreWindowState(store.load()[displayArrangementKey(displays)], displays, limits);
      maximized = restored.maximized;
      return restored.bounds;
    },
    track(win) {
      win.once('ready-to-show', () => {
        if (maximized) win.maximize();
      });
      win.on('close', () => {
        const error = store.save(currentArrangement(), { bounds: win.getNormalBounds(), maximized: win.isMaximized() });
        if (error) warn('window state not saved', { error });
      });
    },
  };
}
