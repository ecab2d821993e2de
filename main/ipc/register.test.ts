/**
 * registerIpc: the one place main decides who may call IPC and who hears events. No Electron
 * binary runs here, so `electron` is replaced by a recorder of ipcMain.handle and a window
 * list; the sender check, dispatch and the event hub are the real ones.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { requestChannelNames } from '../../shared/ipc-contract';
import type { IpcResult } from '../../shared/errors';
import { createMemoryLogger } from '../services/log/logger';
import { createEventHub } from './event-hub';
import type { HandlerTable } from './handler-types';
import { registerIpc } from './register';
import { APP_ORIGIN } from './trusted-sender';

type Listener = (event: unknown, input: unknown) => Promise<IpcResult<unknown>>;

interface FakeWindow {
  destroyed: boolean;
  url: string;
  sent: Array<[string, unknown]>;
}

const electron = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  windows: [] as FakeWindow[],
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: (event: unknown, input: unknown) => Promise<unknown>) => {
      if (electron.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      electron.handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
  BrowserWindow: {
    getAllWindows: () =>
      electron.windows.map((w) => ({
        isDestroyed: () => w.destroyed,
        webContents: {
          mainFrame: { url: w.url },
          send: (event: string, payload: unknown) => {
            if (w.destroyed) throw new Error('Object has been destroyed');
            w.sent.push([event, payload]);
          },
        },
      })),
  },
}));

const APP_PAGE = `${APP_ORIGIN}/index.html`;
const calls: Array<{ channel: string; input: unknown }> = [];
/** Every channel answers with its own name, so a test sees which handler ran. */
const table = new Proxy({} as HandlerTable, {
  get: (_t, channel: string) => (input: unknown) => {
    calls.push({ channel, input });
    return { answeredBy: channel };
  },
});

function handler(channel: string): Listener {
  const h = electron.handlers.get(channel);
  if (!h) throw new Error(`${channel} is not registered`);
  return h as Listener;
}

/** An invoke event as Electron builds it: the frame that sent it, with its parent for subframes. */
function from(url: string | undefined, parent: object | null = null): unknown {
  return { senderFrame: url === undefined ? null : { url, parent } };
}

describe('registerIpc', () => {
  const log = createMemoryLogger();
  const hub = createEventHub();
  let unregister: () => void;

  beforeEach(() => {
    unregister?.();
    electron.handlers.clear();
    electron.windows.length = 0;
    calls.length = 0;
    log.lines.length = 0;
    unregister = registerIpc({ table, hub, allowedOrigins: [APP_ORIGIN], log });
  });

  it('registers exactly the contract channels, once each', () => {
    expect([...electron.handlers.keys()].sort()).toEqual([...requestChannelNames].sort());
  });

  it('dispatches a call from the app page to its handler with validated input', async () => {
    expect(await handler('app:info')(from(APP_PAGE), undefined)).toEqual({ ok: true, value: { answeredBy: 'app:info' } });
    expect(calls).toEqual([{ channel: 'app:info', input: undefined }]);
    const bad = await handler('app:info')(from(APP_PAGE), { unexpected: true });
    expect(bad).toMatchObject({ ok: false, error: { code: 'InvalidArgument' } });
    expect(calls).toHaveLength(1);
    // dispatch gets main's logger: the refused argument is on record.
    expect(log.lines.some((l) => l.includes('Invalid argument for app:info'))).toBe(true);
  });

  it('refuses a subframe of the app page, even though its URL is the app origin', async () => {
    const reply = await handler('app:info')(from(APP_PAGE, { url: APP_PAGE }), undefined);
    expect(reply).toEqual({ ok: false, error: { code: 'UntrustedSender', message: 'This page may not use the app.' } });
    expect(calls).toEqual([]);
  });

  it('refuses other origins, a missing frame and a frame without URL, and logs the channel', async () => {
    for (const event of [from('https://evil.example/'), from('app://renderer.evil/'), from(undefined), { senderFrame: { url: '', parent: null } }, {}]) {
      expect(await handler('app:info')(event, undefined)).toMatchObject({ ok: false, error: { code: 'UntrustedSender' } });
    }
    expect(calls).toEqual([]);
    expect(log.lines.filter((l) => l.includes('refused IPC from an untrusted frame') && l.includes('app:info'))).toHaveLength(5);
  });

  it('logs at most 200 characters of a refused URL', async () => {
    const long = `https://evil.example/${'x'.repeat(500)}`;
    await handler('app:info')(from(long), undefined);
    const line = log.lines.find((l) => l.includes('refused IPC'))!;
    expect(line).toContain(long.slice(0, 200));
    expect(line).not.toContain(long.slice(0, 201));
  });

  it('delivers events only to live windows that show the app page', () => {
    const app = { destroyed: false, url: APP_PAGE, sent: [] as Array<[string, unknown]> };
    const other = { destroyed: false, url: 'https://evil.example/', sent: [] as Array<[string, unknown]> };
    const closed = { destroyed: true, url: APP_PAGE, sent: [] as Array<[string, unknown]> };
    electron.windows.push(app, other, closed);
    hub.emit('app:notice', { level: 'info', message: 'hello' });
    expect(app.sent).toEqual([['app:notice', { level: 'info', message: 'hello' }]]);
    expect(other.sent).toEqual([]);
    expect(closed.sent).toEqual([]);
  });

  it('removes every handler and stops delivering events when unregistered', () => {
    const app = { destroyed: false, url: APP_PAGE, sent: [] as Array<[string, unknown]> };
    electron.windows.push(app);
    unregister();
    unregister = () => undefined;
    expect(electron.handlers.size).toBe(0);
    hub.emit('app:notice', { level: 'info', message: 'after' });
    expect(app.sent).toEqual([]);
    // Registering again works (a reload): nothing was left behind.
    unregister = registerIpc({ table, hub, allowedOrigins: [APP_ORIGIN], log });
    expect(electron.handlers.size).toBe(requestChannelNames.length);
  });
});
