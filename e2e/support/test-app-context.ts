/**
 * The AppContext e2e tests run main's handlers with: a throwaway user-data folder, a real
 * file logger inside it, an event hub the bridge forwards to the page, and a recording
 * openExternal instead of launching a browser. Features pass extra options through
 * `overrides` (e.g. an in-memory secret store).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAppContext, type AppContext, type AppContextOptions } from '../../main/app-context';
import { createEventHub, type EventHub } from '../../main/ipc/event-hub';
import { ScriptedDesktopHost } from '../../main/services/host/desktop-host';
import { createFileLogger } from '../../main/services/log/logger';

export interface TestAppContext {
  ctx: AppContext;
  hub: EventHub;
  userDataDir: string;
  /** URLs the app asked to open in the system browser. */
  openedExternally: string[];
  /** Native dialogs answer from `host.answers`; every dialog, notification and shell call is in `host.calls`. */
  host: ScriptedDesktopHost;
  /** Closes the services (the transfer queue flushes) and removes the user-data folder. */
  dispose(): Promise<void>;
}

/** Builds a fresh context in a new temp folder. */
export function createTestAppContext(overrides: Partial<AppContextOptions> = {}): TestAppContext {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oss-browser-e2e-'));
  const log = createFileLogger({ dir: path.join(userDataDir, 'logs') });
  const hub = createEventHub((error) => log.warn('event delivery failed', { error }));
  log.info('e2e app context ready', { userDataDir });
  const openedExternally: string[] = [];
  const host = overrides.host instanceof ScriptedDesktopHost ? overrides.host : new ScriptedDesktopHost();
  // Every e2e emulator listens on loopback: main's endpoint dialog (purpose 'oss-endpoint') answers
  // "Trust" for those hosts, so specs that add emulator profiles need no answers of their own.
  // Sign-in and access-code hosts still answer from host.answers.hosts.
  host.trustsEndpoint = (h) => /^(127\.0\.0\.1|localhost):\d+$/.test(h);
  const ctx = createAppContext({
    host,
    userDataDir,
    log,
    emit: hub.emit,
    openExternal: async (url) => {
      openedExternally.push(url);
    },
    downloadFolder: path.join(userDataDir, 'Downloads'),
    ...overrides,
  });
  return {
    ctx,
    hub,
    userDataDir,
    openedExternally,
    host,
    dispose: async () => {
      ctx.browse.dispose();
      void ctx.previewServer.close();
      // The transfer queue writes its last state on close: remove its folder only after that.
      await ctx.transfers.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
