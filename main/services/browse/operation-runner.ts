/**
 * Runs long object operations (delete, copy, move) in the background: hands out an id at
 * once, reports throttled progress, supports cancel, and records exactly which keys failed.
 * The work itself is a function of an OperationContext, so each operation stays a plain
 * loop over pages of keys.
 */
import { randomUUID } from 'node:crypto';
import type { AppError } from '../../../shared/errors';
import type { FailedKey, OperationKind, OperationProgress } from '../../../shared/object-types';

/** What an operation's work function reports through. */
export interface OperationContext {
  readonly signal: AbortSignal;
  /** More keys were found (total grows while folders are being listed). */
  addTotal(count: number): void;
  /** Keys finished successfully. */
  succeeded(count: number): void;
  /** Keys that failed, with why. */
  failed(failures: FailedKey[]): void;
  /** Listing is complete: `total` is final from now on. */
  scanDone(): void;
  /** Bytes found (copy/move). */
  addBytesTotal(bytes: number): void;
  /** Bytes copied (copy/move). */
  bytesCopied(bytes: number): void;
}

export interface OperationRunnerOptions {
  emit: (progress: OperationProgress) => void;
  /** Turns a thrown value into the serialisable error the renderer shows. */
  describeError: (error: unknown) => AppError;
  /** Minimum time between intermediate progress events. */
  intervalMs?: number;
}

interface Running {
  controller: AbortController;
  finished: Promise<OperationProgress>;
}

/** Starts, tracks and cancels long operations. */
export class OperationRunner {
  private readonly running = new Map<string, Running>();
  private readonly intervalMs: number;

  constructor(private readonly options: OperationRunnerOptions) {
    this.intervalMs = options.intervalMs ?? 150;
  }

  /** Starts `work` in the background and returns its id at once. */
  start(kind: OperationKind, work: (ctx: OperationContext) => Promise<void>): string {
    const operationId = randomUUID();
    const controller = new AbortController();
    const finished = this.run(operationId, kind, controller, work).finally(() => this.running.delete(operationId));
    this.running.set(operationId, { controller, finished });
    return operationId;
  }

  /** Stops an operation between requests; unknown ids (already finished) are ignored. */
  cancel(operationId: string): void {
    this.running.get(operationId)?.controller.abort();
  }

  /** The final progress of a running operation (tests and shutdown wait on it). */
  async wait(operationId: string): Promise<OperationProgress | undefined> {
    return this.running.get(operationId)?.finished;
  }

  /** Cancels everything (app shutdown). */
  cancelAll(): void {
    for (const op of this.running.values()) op.controller.abort();
  }

  private async run(
    operationId: string,
    kind: OperationKind,
    controller: AbortController,
    work: (ctx: OperationContext) => Promise<void>,
  ): Promise<OperationProgress> {
    const allFailed: FailedKey[] = [];
    let pendingFailed: FailedKey[] = [];
    let done = 0;
    let total = 0;
    let scanning = true;
    let bytesDone = 0;
    let bytesTotal = 0;
    let lastEmit = 0;
    let timer: NodeJS.Timeout | undefined;

    const snapshot = (finished: boolean): OperationProgress => {
      const progress: OperationProgress = {
        operationId,
        kind,
        done,
        total,
        scanning,
        failed: finished ? allFailed.slice() : pendingFailed,
        failedCount: allFailed.length,
        finished,
        cancelled: controller.signal.aborted,
      };
      if (kind !== 'delete') {
        progress.bytesDone = bytesDone;
        progress.bytesTotal = bytesTotal;
      }
      return progress;
    };
    const flush = (): void => {
      timer = undefined;
      lastEmit = Date.now();
      const progress = snapshot(false);
      pendingFailed = [];
      this.options.emit(progress);
    };
    const changed = (): void => {
      if (timer) return;
      const wait = this.intervalMs - (Date.now() - lastEmit);
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    };
    const ctx: OperationContext = {
      signal: controller.signal,
      addTotal: (count) => {
        total += count;
        changed();
      },
      succeeded: (count) => {
        done += count;
        changed();
      },
      failed: (failures) => {
        if (failures.length === 0) return;
        done += failures.length;
        allFailed.push(...failures);
        pendingFailed.push(...failures);
        changed();
      },
      scanDone: () => {
        scanning = false;
        changed();
      },
      addBytesTotal: (bytes) => {
        bytesTotal += bytes;
        changed();
      },
      bytesCopied: (bytes) => {
        bytesDone += bytes;
        changed();
      },
    };

    let error: AppError | undefined;
    try {
      await work(ctx);
    } catch (thrown) {
      if (!controller.signal.aborted) error = this.options.describeError(thrown);
    }
    if (timer) clearTimeout(timer);
    scanning = false;
    const final = snapshot(true);
    if (error) final.error = error;
    this.options.emit(final);
    return final;
  }
}
