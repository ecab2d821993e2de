/**
 * The only bridge between the sandboxed page and main: `window.oss`, one method per
 * contract channel (built by shared/bridge-shape.ts, the same code the e2e bridge uses),
 * event subscriptions that return an unsubscribe, and the path of a dropped file.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildBridge } from '../shared/bridge-shape';
import { eventChannelNames, requestChannelNames } from '../shared/ipc-contract';

const oss = buildBridge(requestChannelNames, eventChannelNames, {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe(event, listener) {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  getPathForFile: (file) => webUtils.getPathForFile(file as File),
});

contextBridge.exposeInMainWorld('oss', oss);
