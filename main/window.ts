/**
 * Creates the main window. Its navigation, window-open and webview guards are applied by
 * index.ts to every web contents (guardWebContents), this window's included.
 */
import { BrowserWindow } from 'electron';
import type { WindowStateTracker } from './desktop-shell';
import type { Logger } from './services/log/logger';
import { mainWindowOptions } from './window-options';

export interface MainWindowOptions {
  preloadPath: string;
  /** app://renderer/index.html in production, the dev server URL in development. */
  startUrl: string;
  log: Logger;
  /** Reopens the window where it was (size, place, maximised), on a visible screen. */
  windowState?: WindowStateTracker;
}

/** Opens the app window. */
export function createMainWindow({ preloadPath, startUrl, log, windowState }: MainWindowOptions): BrowserWindow {
  const options = mainWindowOptions(preloadPath);
  const limits = { width: options.width ?? 1200, height: options.height ?? 780, minWidth: options.minWidth ?? 760, minHeight: options.minHeight ?? 480 };
  const win = new BrowserWindow({ ...options, ...windowState?.initialBounds(limits) });
  windowState?.track(win);
  win.webContents.on('render-process-gone', (_event, details) => log.error('renderer process gone', { reason: details.reason }));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(startUrl);
  return win;
}
