/** The engine's seams: the desktop pieces it uses, the events it emits, how it is built. */
import type { AppError } from '../../../shared/errors';
import type { ConflictPlan, TransferItem, TransferSettings, TransferTotals } from '../../../shared/contract/transfers';
import type { ClientProvider } from '../oss/client-provider';
import type { NoticeLanguage } from './batch-notice';
import type { EngineTuning } from './task-context';

/** The desktop pieces the engine uses (a subset of DesktopHost; a no-op host in a child process). */
export interface EngineHost {
  keepAwake(reason: string): () => void;
  setProgress(fraction: number | undefined): void;
  notify(n: { title: string; body: string }): void;
  isFocused(): boolean;
  /** Opens a finished download with the OS's app ("Open with default app"). */
  openPath?(path: string): Promise<void>;
}

export interface EngineEvents {
  progress(e: { items: TransferItem[]; removed: string[]; totals: TransferTotals }): void;
  conflictPlan(plan: ConflictPlan): void;
  batchFinished(e: { batchId: string; done: number; failed: number; skipped: number }): void;
}

export interface TransferEngineOptions {
  /** Folder for the queue log and checkpoints (`<userData>/transfers`). */
  dataDir: string;
  clients: ClientProvider;
  events: EngineEvents;
  host?: EngineHost;
  describeError(e: unknown): AppError;
  log?: { warn(message: string, fields?: Record<string, unknown>): void };
  tuning?: Partial<EngineTuning>;
  settings?: TransferSettings;
  /** The page's language, for system notifications ('en' when not given). */
  language?: () => NoticeLanguage;
  /** Progress event interval (ms); 250 = at most 4 a second. */
  progressIntervalMs?: number;
}
