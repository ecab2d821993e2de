/**
 * The composition root: every service the IPC handlers need, built once in main/index.ts
 * (and once per test in the e2e bridge). Features add their services here additively:
 * a field on AppContext, an option if it needs an injected dependency, a line in
 * createAppContext.
 */
import type { EmitEvent } from '../shared/ipc-contract';
import type { Logger } from './services/log/logger';

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
}

export interface AppContextOptions {
  userDataDir: string;
  log: Logger;
  emit: EmitEvent;
  openExternal: (url: string) => Promise<void>;
  versions?: Record<string, string | undefined>;
}

/** Builds the context from the few things only the host (Electron or the test bridge) knows. */
export function createAppContext(options: AppContextOptions): AppContext {
  return {
    userDataDir: options.userDataDir,
    log: options.log,
    emit: options.emit,
    versions: options.versions ?? { ...process.versions },
    openExternal: options.openExternal,
  };
}
