/**
 * Runs long jobs in the background: hands out an id at once, runs at most `maxRunning` at
 * a time (the rest wait in order), reports progress in batches (one emit per interval for
 * every job that changed, so a hundred transfers cost a few events a second), cancels,
 * pauses and resumes, records exactly which keys failed, and passes checkpoints to a hook
 * so a resumed job continues where it stopped. The work itself is a function of a
 * JobContext, so each job stays a plain loop over its pages, parts or files.
 */
import { randomUUID } from 'node:crypto';
import type { AppError } from '../../../shared/errors';
import type { FailedKey } from '../../../shared/object-types';
import type { JobContext, JobOptions, JobProgress, JobState, JobWork } from './job-types';

export interface JobRunnerOptions<K extends string> {
  /** Receives the progress of every job that changed since the previous call. */
  emit: (batch: Array<JobProgress<K>>) => void;
  /** Turns a thrown value into the serialisable error the renderer shows. */
  describeError: (error: unknown) => AppError;
  /** Minimum time between intermediate progress batches (default 250 ms: ≤ 4 per second). */
  intervalMs?: number;
  /** Jobs running at once (default: no limit). */
  maxRunning?: number;
}

interface Job<K extends string> {
  id: string;
  kind: K;
  state: JobState;
  work: JobWork<unknown>;
  options: JobOptions<unknown>;
  checkpoint: unknown;
  controller: AbortController | null;
  stop: 'cancel' | 'pause' | null;
  counts: { done: number; total: number; scanning: boolean; bytesDone: number; bytesTotal: number };
  allFailed: FailedKey[];
  skipped: number;
  pendingFailed: FailedKey[];
  error?: AppError;
  finished: Promise<JobProgress<K>>;
  finish: (final: JobProgress<K>) => void;
}

/** Starts, queues, pauses, resumes and cancels jobs. */
export class JobRunner<K extends string = string> {
  private readonly jobs = new Map<string, Job<K>>();
  private readonly queue: Array<Job<K>> = [];
  private readonly dirty = new Set<Job<K>>();
  private readonly intervalMs: number;
  private readonly maxRunning: number;
  private running = 0;
  private lastEmit = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: JobRunnerOptions<K>) {
    this.intervalMs = options.intervalMs ?? 250;
    this.maxRunning = options.maxRunning ?? Infinity;
  }

  /** Queues `work` and returns its id at once; it starts as soon as a slot is free. */
  start<C>(kind: K, work: JobWork<C>, options: JobOptions<C> = {}): string {
    let finish!: (final: JobProgress<K>) => void;
    const finished = new Promise<JobProgress<K>>((resolve) => (finish = resolve));
    const job: Job<K> = {
      id: randomUUID(),
      kind,
      state: 'queued',
      work: work as JobWork<unknown>,
      options: options as JobOptions<unknown>,
      checkpoint: options.resumeFrom,
      controller: null,
      stop: null,
      counts: { done: 0, total: 0, scanning: true, bytesDone: 0, bytesTotal: 0 },
      allFailed: [],
      skipped: 0,
      pendingFailed: [],
      finished,
      finish,
    };
    this.jobs.set(job.id, job);
    this.queue.push(job);
    this.pump();
    // A job that has to wait says so (a transfer list shows it as queued).
    if (job.state === 'queued') this.changed(job);
    return job.id;
  }

  /** Stops a job for good (between requests); unknown or finished ids are ignored. */
  cancel(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    if (job.state === 'running') this.stopAttempt(job, 'cancel');
    else this.end(job, true);
  }

  /** Stops a running or queued job so it can be resumed later; its checkpoint is kept. */
  pause(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (!job) return;
    if (job.state === 'running') this.stopAttempt(job, 'pause');
    else if (job.state === 'queued') {
      this.unqueue(job);
      this.setState(job, 'paused');
    }
  }

  /** Puts a paused job back in the queue; its work is called again with the last checkpoint. */
  resume(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (job?.state !== 'paused') return;
    this.queue.push(job);
    this.setState(job, 'queued');
    this.pump();
  }

  /** The state of a job that has not finished yet. */
  stateOf(jobId: string): JobState | undefined {
    return this.jobs.get(jobId)?.state;
  }

  /** The final progress of a job (tests and shutdown wait on it); undefined once forgotten. */
  async wait(jobId: string): Promise<JobProgress<K> | undefined> {
    return this.jobs.get(jobId)?.finished;
  }

  /** Cancels everything (app shutdown). */
  cancelAll(): void {
    for (const id of [...this.jobs.keys()]) this.cancel(id);
  }

  private pump(): void {
    while (this.running < this.maxRunning && this.queue.length > 0) {
      const job = this.queue.shift()!;
      this.running++;
      void this.attempt(job).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private unqueue(job: Job<K>): void {
    const at = this.queue.indexOf(job);
    if (at >= 0) this.queue.splice(at, 1);
  }

  private stopAttempt(job: Job<K>, reason: 'cancel' | 'pause'): void {
    // A cancel overrides a pause still in progress; a pause never downgrades a cancel.
    if (job.stop !== 'cancel') job.stop = reason;
    job.controller?.abort();
  }

  private async attempt(job: Job<K>): Promise<void> {
    const controller = new AbortController();
    job.controller = controller;
    job.stop = null;
    this.setState(job, 'running');
    let error: AppError | undefined;
    try {
      await job.work(this.contextFor(job, controller));
    } catch (thrown) {
      if (!controller.signal.aborted) error = this.options.describeError(thrown);
    }
    job.controller = null;
    if (job.stop === 'pause' && !error) {
      this.setState(job, 'paused');
      return;
    }
    job.error = error;
    this.end(job, job.stop === 'cancel');
  }

  private contextFor(job: Job<K>, controller: AbortController): JobContext<unknown> {
    const c = job.counts;
    const changed = (): void => this.changed(job);
    return {
      signal: controller.signal,
      stopReason: () => (controller.signal.aborted ? job.stop : null),
      resumeFrom: job.checkpoint,
      addTotal: (count) => {
        c.total += count;
        changed();
      },
      succeeded: (count) => {
        c.done += count;
        changed();
      },
      skipped: (count) => {
        c.done += count;
        job.skipped += count;
        changed();
      },
      failed: (failures) => {
        if (failures.length === 0) return;
        c.done += failures.length;
        job.allFailed.push(...failures);
        job.pendingFailed.push(...failures);
        changed();
      },
      scanDone: () => {
        c.scanning = false;
        changed();
      },
      addBytesTotal: (bytes) => {
        c.bytesTotal += bytes;
        changed();
      },
      bytesCopied: (bytes) => {
        c.bytesDone += bytes;
        changed();
      },
      checkpoint: async (state) => {
        job.checkpoint = state;
        await job.options.onCheckpoint?.(state);
      },
    };
  }

  private end(job: Job<K>, cancelled: boolean): void {
    if (job.state === 'finished') return;
    this.unqueue(job);
    job.state = 'finished';
    if (cancelled) job.stop = 'cancel';
    job.counts.scanning = false;
    this.jobs.delete(job.id);
    this.dirty.delete(job);
    const final = this.snapshot(job, true);
    // Whatever else changed goes out first, then this job's last word.
    this.flush([final]);
    job.finish(final);
  }

  private setState(job: Job<K>, state: JobState): void {
    job.state = state;
    // State changes are reported at once: a paused or resumed job must not look running.
    this.dirty.add(job);
    this.flush([]);
  }

  private changed(job: Job<K>): void {
    this.dirty.add(job);
    if (this.timer) return;
    const wait = this.intervalMs - (Date.now() - this.lastEmit);
    if (wait <= 0) this.flush([]);
    else this.timer = setTimeout(() => this.flush([]), wait);
  }

  private flush(extra: Array<JobProgress<K>>): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.lastEmit = Date.now();
    const batch = [...this.dirty].map((job) => this.snapshot(job, false));
    this.dirty.clear();
    batch.push(...extra);
    if (batch.length > 0) this.options.emit(batch);
  }

  private snapshot(job: Job<K>, finished: boolean): JobProgress<K> {
    const progress: JobProgress<K> = {
      jobId: job.id,
      kind: job.kind,
      state: job.state,
      ...job.counts,
      failed: finished ? job.allFailed.slice() : job.pendingFailed,
      failedCount: job.allFailed.length,
      finished,
      cancelled: job.stop === 'cancel',
    };
    if (job.skipped > 0) progress.skipped = job.skipped;
    if (!finished) job.pendingFailed = [];
    if (finished && job.error) progress.error = job.error;
    return progress;
  }
}
