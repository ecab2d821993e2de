/**
 * Creates the main window and locks it down: navigation stays in the app, new windows are
 * refused (https links open in the system browser), webviews cannot be attached.
 */
import { BrowserWindow, shell } from 'electron';
import type { Logger } from './services/log/logger';
import { isAllowedNavigation, isOpenableExternally, mainWindowOptions } from './window-options';

export interface MainWindowOptions {
  preloadPath: string;
  /** app://renderer/index.html in production, the dev server URL in development. */
  startUrl: string;
  origins: readonly string[];
  log: Logger;
}

/** Opens the app window. */
export function createMainWindow({ preloadPath, startUrl, origins, log }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  const contents = win.webContents;

  const guardNavigation = (event: Electron.Event, url: string) => {
    if (isAllowedNavigation(url, origins)) return;
    event.preventDefault();
    log.warn('blocked navigation away from the app', { url: url.slice(0, 200) });
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isOpenableExternally(url)) {
      void shell.openExternal(url);
    } else {
      log.warn('blocked window.open', { url: url.slice(0, 200) });
    }
    return { action: 'deny' };
  });
  contents.on('render-process-gone', (_event, details) => log.error('renderer process gone', { reason: details.reason }));

  win.once('ready-to-show', () => win.show());
  void win.loadURL(startUrl);
  return win;
}
