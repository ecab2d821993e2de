/**
 * The composition root: every service the IPC handlers need, built once in main/index.ts
 * (and once per test in the e2e bridge). Features add their services here additively:
 * a field on AppContext, an option if it needs an injected dependency, a line in
 * createAppContext.
 */
import { AppException } from '../shared/errors';
import type { EmitEvent } from '../shared/ipc-contract';
import { toIpcError } from './ipc/map-error';
import { createBrowseServices, type BrowseServices } from './services/browse/browse-services';
import type { Logger } from './services/log/logger';
import type { ClientProvider } from './services/oss/client-provider';

export interface AppContext {
  /** The app's per-user data folder (profiles file, logs). */
  readonly userDataDir: string;
  readonly log: Logger;
  /** Pushes an event to the renderer (through Electron or the test bridge). */
  readonly emit: EmitEvent;
  /** Runtime versions reported by app:info. */
  readonly versions: Record<string, string | undefined>;
  /** Opens an https URL in the system browser (shell.openExternal in Electron). */
  openExternal(url: string): Promise<void>;
  /** Signed OSS clients per profile/bucket (the profiles feature's client factory). */
  readonly clients: ClientProvider;
  /** Buckets, listings, object actions, previews, bookmarks. */
  readonly browse: BrowseServices;
}

export interface AppContextOptions {
  userDataDir: string;
  log: Logger;
  emit: EmitEvent;
  openExternal: (url: string) => Promise<void>;
  versions?: Record<string, string | undefined>;
  /** OSS clients; without one, OSS calls fail with NoProfile (nothing signed in yet). */
  clients?: ClientProvider;
}

/** Stands in until a client factory is wired: every OSS call explains that no profile is set up. */
const noClients: ClientProvider = {
  forService: () => Promise.reject(noProfile()),
  forBucket: () => Promise.reject(noProfile()),
  isolatedForBucket: () => Promise.reject(noProfile()),
};

function noProfile(): AppException {
  return new AppException({ code: 'NoProfile', message: 'No profile is available to sign OSS requests.', hint: 'Add a profile first.' });
}

/** Builds the context from the few things only the host (Electron or the test bridge) knows. */
export function createAppContext(options: AppContextOptions): AppContext {
  const clients = options.clients ?? noClients;
  const browse = createBrowseServices({
    clients,
    dataDir: options.userDataDir,
    emitSearch: (progress) => options.emit('objects:search-progress', progress),
    emitOperation: (progress) => options.emit('objects:operation-progress', progress),
    describeError: toIpcError,
  });
  return {
    clients,
    browse,
    userDataDir: options.userDataDir,
    log: options.log,
    emit: options.emit,
    versions: options.versions ?? { ...process.versions },
    openExternal: options.openExternal,
  };
}
