/**
 * Creates the main window. Its navigation, window-open and webview guards are applied by
 * index.ts to every web contents (guardWebContents), this window's included.
 */
import { BrowserWindow } from 'electron';
import type { Logger } from './services/log/logger';
import { mainWindowOptions } from './window-options';

export interface MainWindowOptions {
  preloadPath: string;
  /** app://renderer/index.html in production, the dev server URL in development. */
  startUrl: string;
  log: Logger;
}

/** Opens the app window. */
export function createMainWindow({ preloadPath, startUrl, log }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  win.webContents.on('render-process-gone', (_event, details) => log.error('renderer process gone', { reason: details.reason }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(startUrl);
  return win;
}
