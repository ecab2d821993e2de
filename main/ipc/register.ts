/**
 * Connects the handler table to Electron: one ipcMain.handle per contract channel, each
 * checking that the call comes from the app's own page before dispatching, and events
 * delivered to every window showing the app.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { ErrorCode, type IpcResult } from '../../shared/errors';
import { requestChannelNames } from '../../shared/ipc-contract';
import type { Logger } from '../services/log/logger';
import { dispatch } from './dispatch';
import type { EventHub } from './event-hub';
import type { HandlerTable } from './handler-types';
import { isTrustedSender } from './trusted-sender';

export interface RegisterOptions {
  table: HandlerTable;
  hub: EventHub;
  allowedOrigins: readonly string[];
  log: Logger;
}

/** Registers every channel; returns a function that removes them (for tests and reloads). */
export function registerIpc({ table, hub, allowedOrigins, log }: RegisterOptions): () => void {
  for (const channel of requestChannelNames) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<IpcResult<unknown>> => {
      const url = event.senderFrame?.url;
      if (!isTrustedSender(url, allowedOrigins) || event.senderFrame?.parent) {
        log.warn('refused IPC from an untrusted frame', { channel, url: url?.slice(0, 200) });
        return { ok: false, error: { code: ErrorCode.UntrustedSender, message: 'This page may not use the app.' } };
      }
      return dispatch(table, channel, input, { log });
    });
  }
  const disconnect = hub.connect((event, payload) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const frameUrl = win.webContents.mainFrame.url;
      if (!win.isDestroyed() && isTrustedSender(frameUrl, allowedOrigins)) win.webContents.send(event, payload);
    }
  });
  return () => {
    disconnect();
    for (const channel of requestChannelNames) ipcMain.removeHandler(channel);
  };
}
