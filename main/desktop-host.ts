/**
 * The Electron implementation of DesktopHost: native dialogs parented to the focused
 * window, shell.openPath / showItemInFolder, Notification, powerSaveBlocker and the
 * taskbar/dock progress bar, and the OS drag of files dragged out of the list.
 */
import { BrowserWindow, Notification, app, dialog, nativeImage, powerSaveBlocker, shell } from 'electron';
import type { DesktopHost } from './services/host/desktop-host';
import { hostConfirmationText } from './services/host/host-confirmation-text';

/** A 16 px blue square under the cursor while files are dragged out (macOS refuses an empty image). */
const DRAG_ICON =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAGUlEQVR4nGOQz3/9nxLMMGrAqAGjBgwXAwCBLngfwRd2zQAAAABJRU5ErkJggg==';

function parent(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

export function createElectronDesktopHost(): DesktopHost {
  return {
    async chooseFiles(options) {
      const props: Array<'openFile' | 'multiSelections'> = ['openFile'];
      if (options.multiple !== false) props.push('multiSelections');
      const win = parent();
      const dialogOptions = {
        properties: props,
        ...(options.title ? { title: options.title } : {}),
        ...(options.filters ? { filters: options.filters } : {}),
        ...(options.defaultPath ? { defaultPath: options.defaultPath } : {}),
      };
      const result = win ? await dialog.showOpenDialog(win, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
      return result.canceled ? [] : result.filePaths;
    },
    async chooseFolder(options) {
      const win = parent();
      const dialogOptions = {
        properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
        ...(options.title ? { title: options.title } : {}),
        ...(options.defaultPath ? { defaultPath: options.defaultPath } : {}),
        ...(options.buttonLabel ? { buttonLabel: options.buttonLabel } : {}),
      };
      const result = win ? await dialog.showOpenDialog(win, dialogOptions) : await dialog.showOpenDialog(dialogOptions);
      return result.canceled ? undefined : result.filePaths[0];
    },
    async chooseSaveFile(options) {
      const win = parent();
      const dialogOptions = {
        ...(options.title ? { title: options.title } : {}),
        ...(options.defaultPath ? { defaultPath: options.defaultPath } : {}),
        ...(options.filters ? { filters: options.filters } : {}),
      };
      const result = win ? await dialog.showSaveDialog(win, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
      return result.canceled ? undefined : result.filePath;
    },
    async confirmHost(request) {
      const win = parent();
      const text = hostConfirmationText(request, app.getLocale());
      const options = {
        type: 'warning' as const,
        title: text.title,
        message: text.message,
        detail: text.detail,
        buttons: [text.cancel, text.trust],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const result = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return result.response === 1;
    },
    async openPath(path) {
      const error = await shell.openPath(path);
      if (error) throw new Error(error);
    },
    showItemInFolder(path) {
      shell.showItemInFolder(path);
    },
    notify({ title, body }) {
      if (Notification.isSupported()) new Notification({ title, body }).show();
    },
    isFocused() {
      return BrowserWindow.getFocusedWindow() !== null;
    },
    keepAwake() {
      const id = powerSaveBlocker.start('prevent-app-suspension');
      return () => {
        if (powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id);
      };
    },
    setProgress(fraction) {
      for (const win of BrowserWindow.getAllWindows()) win.setProgressBar(fraction === undefined ? -1 : fraction);
    },
    startDrag(paths) {
      const win = parent();
      if (!win || paths.length === 0) return;
      win.webContents.startDrag({ file: paths[0]!, files: paths, icon: nativeImage.createFromDataURL(DRAG_ICON) });
    },
  };
}
