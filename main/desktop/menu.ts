/**
 * The application menu as plain data, built by a pure function so it is tested without
 * Electron: the platform's standard roles (so text fields get cut/copy/paste/select-all
 * and macOS gets its app menu), reload and developer tools in development only, and the
 * Help commands. main/desktop-shell.ts turns it into an Electron Menu and binds the
 * commands by id.
 *
 * Accelerators are written out (not left to the roles' defaults) so the test can check
 * them against the shortcuts the page handles itself: Ctrl/Cmd+R refreshes the listing
 * and Ctrl/Cmd+F focuses the filter, so no menu item may take those keys.
 *
 * The Edit shortcuts are shared: in a text field they edit text, in the object list they
 * select, copy, cut and paste objects. On Windows and Linux a registered menu accelerator
 * is consumed before the page sees the key, and Chromium already edits text fields on
 * those keys itself, so there the Edit items only show their shortcut
 * (registerAccelerator: false). macOS needs them registered: text fields get Cmd+C/V/X/A
 * through the Edit menu.
 */
import { menuText, type MenuLanguage, type MenuStringKey } from './menu-strings';

export type MenuRole =
  | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit'
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'delete' | 'selectAll'
  | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'zoom' | 'close' | 'front' | 'window' | 'help';

/** The commands main implements (click handlers bound by id). */
export type MenuCommand = 'copyDiagnostics' | 'openLogs';

/** A subset of Electron's MenuItemConstructorOptions, so the template passes to Menu.buildFromTemplate. */
export interface MenuSpec {
  label?: string;
  role?: MenuRole;
  id?: MenuCommand;
  accelerator?: string;
  /** false: the accelerator is shown but the key press still goes to the page. */
  registerAccelerator?: boolean;
  type?: 'separator';
  submenu?: MenuSpec[];
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  language: MenuLanguage;
  appName: string;
  /** Development build: adds reload and developer tools. */
  development: boolean;
}

/** Shortcuts only the page handles (renderer/features/browse keyboard commands); no menu item may show them. */
export const PAGE_SHORTCUTS = ['CmdOrCtrl+R', 'CmdOrCtrl+F', 'Alt+Left', 'Alt+Right', 'Alt+Up'] as const;

const separator: MenuSpec = { type: 'separator' };

/** Builds the menu template for a platform and language. */
export function buildMenuTemplate({ platform, language, appName, development }: MenuOptions): MenuSpec[] {
  const mac = platform === 'darwin';
  const t = (key: MenuStringKey) => menuText(language, key, { app: appName });
  const item = (role: MenuRole, key: MenuStringKey, accelerator?: string): MenuSpec => ({ role, label: t(key), ...(accelerator ? { accelerator } : {}) });
  const editItem = (role: MenuRole, key: MenuStringKey, accelerator: string): MenuSpec => ({ ...item(role, key, accelerator), ...(mac ? {} : { registerAccelerator: false }) });

  const appMenu: MenuSpec = {
    label: appName,
    submenu: [
      item('about', 'about'),
      separator,
      item('services', 'services'),
      separator,
      item('hide', 'hide', 'Command+H'),
      item('hideOthers', 'hideOthers', 'Command+Alt+H'),
      item('unhide', 'showAll'),
      separator,
      item('quit', 'quit', 'Command+Q'),
    ],
  };
  // Windows and Linux have no app menu: quitting lives in File.
  const fileMenu: MenuSpec = { label: t('file'), submenu: [item('quit', 'exit', platform === 'win32' ? 'Alt+F4' : 'Ctrl+Q')] };
  const editMenu: MenuSpec = {
    label: t('edit'),
    submenu: [
      editItem('undo', 'undo', 'CmdOrCtrl+Z'),
      editItem('redo', 'redo', mac ? 'Shift+Command+Z' : 'Ctrl+Y'),
      separator,
      editItem('cut', 'cut', 'CmdOrCtrl+X'),
      editItem('copy', 'copy', 'CmdOrCtrl+C'),
      editItem('paste', 'paste', 'CmdOrCtrl+V'),
      item('delete', 'delete'),
      separator,
      editItem('selectAll', 'selectAll', 'CmdOrCtrl+A'),
    ],
  };
  const viewMenu: MenuSpec = {
    label: t('view'),
    submenu: [
      // Ctrl/Cmd+R belongs to the page (refresh the listing): the development reload takes Shift too.
      ...(development ? [item('forceReload', 'reload', 'CmdOrCtrl+Shift+R'), item('toggleDevTools', 'devTools', mac ? 'Alt+Command+I' : 'Ctrl+Shift+I'), separator] : []),
      item('resetZoom', 'actualSize', 'CmdOrCtrl+0'),
      item('zoomIn', 'zoomIn', 'CmdOrCtrl+Plus'),
      item('zoomOut', 'zoomOut', 'CmdOrCtrl+-'),
      separator,
      item('togglefullscreen', 'fullScreen', mac ? 'Ctrl+Command+F' : 'F11'),
    ],
  };
  const windowMenu: MenuSpec = {
    label: t('window'),
    role: 'window',
    submenu: [
      item('minimize', 'minimize', 'CmdOrCtrl+M'),
      ...(mac ? [item('zoom', 'zoom')] : []),
      item('close', 'close', 'CmdOrCtrl+W'),
      ...(mac ? [separator, item('front', 'front')] : []),
    ],
  };
  const helpMenu: MenuSpec = {
    label: t('help'),
    role: 'help',
    submenu: [
      { id: 'copyDiagnostics', label: t('copyDiagnostics') },
      { id: 'openLogs', label: t('openLogs') },
      // macOS shows About in the app menu.
      ...(mac ? [] : [separator, item('about', 'about')]),
    ],
  };
  return mac ? [appMenu, editMenu, viewMenu, windowMenu, helpMenu] : [fileMenu, editMenu, viewMenu, windowMenu, helpMenu];
}

/** Every item of a template, submenus flattened (tests and the command binder). */
export function flattenMenu(items: readonly MenuSpec[]): MenuSpec[] {
  return items.flatMap((i) => [i, ...flattenMenu(i.submenu ?? [])]);
}

/** Accelerators normalised for comparison on one platform (CmdOrCtrl → Command or Ctrl). */
export function normaliseAccelerator(accelerator: string, platform: NodeJS.Platform): string {
  const mod = platform === 'darwin' ? 'Command' : 'Ctrl';
  return accelerator
    .split('+')
    .map((part) => (part === 'CmdOrCtrl' || part === 'CommandOrControl' ? mod : part === 'Cmd' ? 'Command' : part === 'Control' ? 'Ctrl' : part === 'Option' ? 'Alt' : part))
    .sort()
    .join('+');
}
