/**
 * The shapes of a background job: what its work reports through (JobContext) and what the
 * runner reports about it (JobProgress). Feature-neutral: browse's delete/copy/move and the
 * transfer engine are both "jobs" that count keys and bytes and fail per key.
 */
import type { AppError } from '../../../shared/errors';
import type { FailedKey } from '../../../shared/object-types';

/** queued: waiting for a slot; running; paused: stopped, resumable; finished: done, cancelled or failed. */
export type JobState = 'queued' | 'running' | 'paused' | 'finished';

/** What a job's work function reports through. `C` is the job's checkpoint type. */
export interface JobContext<C = unknown> {
  /** Aborted when the job is cancelled or paused: stop between requests and return. */
  readonly signal: AbortSignal;
  /** Why `signal` aborted, once it has. */
  stopReason(): 'cancel' | 'pause' | null;
  /** The last checkpoint of an earlier attempt (resume after pause, or after a restart). */
  readonly resumeFrom: C | undefined;
  /** More keys were found (total grows while folders are being listed). */
  addTotal(count: number): void;
  /** Keys finished successfully. */
  succeeded(count: number): void;
  /** Keys that failed, with why (each counts as done). */
  failed(failures: FailedKey[]): void;
  /** Keys left alone on purpose (e.g. already at the target and not to be replaced); each counts as done. */
  skipped(count: number): void;
  /** Listing is complete: `total` is final from now on. */
  scanDone(): void;
  /** Bytes found. */
  addBytesTotal(bytes: number): void;
  /** Bytes moved. */
  bytesCopied(bytes: number): void;
  /**
   * Records how far the job got. Resolves once the job's checkpoint hook has stored it, so
   * the work can rely on it (e.g. before deleting a temp file the checkpoint replaces).
   */
  checkpoint(state: C): Promise<void>;
}

export interface JobProgress<K extends string = string> {
  jobId: string;
  kind: K;
  state: JobState;
  /** Keys processed so far (succeeded + failed). */
  done: number;
  /** Keys found so far; final once `scanning` is false. */
  total: number;
  scanning: boolean;
  bytesDone: number;
  bytesTotal: number;
  /** New failures since the previous event; on the final event the complete list. */
  failed: FailedKey[];
  failedCount: number;
  /** Keys left alone on purpose (counted in `done`); absent when none. */
  skipped?: number;
  /** True on the last event of the job. */
  finished: boolean;
  cancelled: boolean;
  /** Set when the job stopped as a whole (e.g. listing denied). */
  error?: AppError;
}

/** A job's work: called once per attempt (again after each resume). */
export type JobWork<C> = (ctx: JobContext<C>) => Promise<void>;

export interface JobOptions<C> {
  /** Where an earlier run stopped (e.g. a checkpoint loaded from disk after a restart). */
  resumeFrom?: C;
  /** Stores a checkpoint (the transfer engine writes it atomically); awaited by ctx.checkpoint. */
  onCheckpoint?: (state: C) => Promise<void> | void;
}
