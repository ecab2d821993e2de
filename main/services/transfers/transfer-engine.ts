/**
 * The transfer engine: a scheduler running `parallelFiles` items at a time, the user's
 * actions (pause, resume, retry, cancel) and the state machine (queued → running →
 * done/failed…; paused, waiting-credentials, cancelled) over the records QueueState keeps. Plain Node with injected clients and host, so the same
 * code runs in main and in a child process (engine-process.ts) for the kill tests. Walks
 * and conflict plans live in batch-intake.ts; bytes move in upload-task/download-task.
 */
import { randomUUID } from 'node:crypto';
import type { ConflictPlan, TransferNote, TransferSettings } from '../../../shared/contract/transfers';
import type { ClientProvider } from '../oss/client-provider';
import { BandwidthLimiter } from './bandwidth';
import { CrcPool } from './crc-pool';
import { runDownload } from './download-task';
import type { TransferEngineOptions } from './engine-types';
import { decideFailure } from './failure-decision';
import { cleanOrphans } from './orphan-cleanup';
import { SpeedMeter } from './progress-batcher';
import { QueueState, type Running } from './queue-state';
import { DEFAULT_TUNING, type EngineTuning, type TaskContext } from './task-context';
import { StoppedError, describeFailure, retryReason } from './transfer-errors';
import { ACTIVE_STATES, DEFAULT_SETTINGS, FINISHED_STATES, newRecord, type BatchRecord, type NewRecordFields, type ResolvedPolicy, type TransferRecord } from './transfer-record';
import { runUpload } from './upload-task';

export type { EngineEvents, EngineHost, TransferEngineOptions } from './engine-types';

/**
 * Small files are latency-bound, not bandwidth-bound: they get extra slots (up to 8× the
 * parallel-files setting) so a folder of 4 KB files is not paced by round trips; large
 * files stay at the setting.
 */
const SMALL_FILE = 1024 * 1024;
const SMALL_FACTOR = 8;
const CREDENTIAL_RECHECK_MS = 60_000;

export class TransferEngine extends QueueState {
  readonly crc = new CrcPool();
  readonly tuning: EngineTuning;
  private settings: TransferSettings;
  private readonly up = new BandwidthLimiter();
  private readonly down = new BandwidthLimiter();
  private readonly queued = new Set<string>();
  private started = false;
  private closed = false;
  private credentialTimer: NodeJS.Timeout | undefined;

  constructor(options: TransferEngineOptions) {
    super(options);
    this.tuning = { ...DEFAULT_TUNING, ...options.tuning };
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.configure(this.settings);
  }

  get clients(): ClientProvider {
    return this.options.clients;
  }

  get currentSettings(): TransferSettings {
    return this.settings;
  }

  configure(settings: TransferSettings): void {
    this.settings = settings;
    this.up.setRate(settings.bandwidthUp);
    this.down.setRate(settings.bandwidthDown);
    this.pump();
  }

  /**
   * Loads the queue; items that were running resume (their checkpoints say where), and
   * multipart uploads of ours whose item is gone are aborted, temp files removed.
   */
  async start(): Promise<void> {
    await this.store.load();
    for (const r of this.store.items.values()) {
      if (ACTIVE_STATES.has(r.state) || r.state === 'waiting-credentials') {
        r.state = 'queued';
        r.transferred = 0;
        this.store.touchItem(r.id);
      }
      this.counts.add(r.batchId, r.state, +1);
      this.tally.touch(r.id);
    }
    await this.cleanOrphans();
    for (const r of this.store.items.values()) if (r.state === 'queued' && this.runnable(r.batchId)) this.queued.add(r.id);
    await this.store.flush();
    this.credentialTimer = setInterval(() => this.recheckCredentials(), CREDENTIAL_RECHECK_MS);
    this.credentialTimer.unref();
    this.started = true;
    this.pump();
  }

  /** Aborts multipart uploads and deletes temp files whose item no longer wants them. */
  cleanOrphans(): Promise<number> {
    // Queued, paused, running or failed items keep their parts for a resume or a retry.
    return cleanOrphans(this.checkpoints, this.clients, (id) => {
      const r = this.store.items.get(id);
      return r !== undefined && !FINISHED_STATES.has(r.state);
    });
  }

  // ---- intake (used by batch-intake.ts) ----

  addBatch(batch: BatchRecord): void {
    this.store.putBatch(batch);
    this.counts.open(batch.id);
  }

  /** Adds a new queued item (or, with `error`, one that failed before it started: it is shown, never run). */
  addItem(fields: NewRecordFields, error?: unknown): TransferRecord {
    const r = newRecord(fields, randomUUID(), new Date().toISOString());
    if (error !== undefined) {
      r.state = 'failed';
      r.error = describeFailure(error, this.options.describeError);
      r.finishedAt = r.createdAt;
    }
    this.store.putItem(r);
    this.counts.add(r.batchId, r.state, +1);
    if (error !== undefined) {
      this.mark(r.id);
      return r;
    }
    if (this.runnable(r.batchId)) this.queued.add(r.id);
    this.mark(r.id);
    this.pump();
    return r;
  }

  /** Holds a batch's items until the conflict plan is answered. */
  hold(plan: ConflictPlan): void {
    this.held.set(plan.batchId, plan);
    this.options.events.conflictPlan(plan);
  }

  /** Applies an answer: the policy for every item of the batch, or cancel them all. */
  async answer(batchId: string, policy: ResolvedPolicy | 'cancel'): Promise<void> {
    const batch = this.store.batches.get(batchId);
    if (!batch) return;
    this.held.delete(batchId);
    if (policy === 'cancel') {
      await this.cancel(this.itemsOf(batchId).map((r) => r.id));
      return;
    }
    batch.policy = policy;
    batch.planned = true;
    this.store.putBatch(batch);
    for (const r of this.itemsOf(batchId)) if (r.state === 'queued') this.queued.add(r.id);
    this.pump();
  }

  /** Items of a batch may start unless it waits for a conflict answer. */
  runnable(batchId: string): boolean {
    const batch = this.store.batches.get(batchId);
    return !this.held.has(batchId) && !(batch?.policy === 'ask' && !batch.planned);
  }

  // ---- user actions ----

  async pause(ids: string[]): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const id of ids) {
      const r = this.store.items.get(id)!;
      if (r.state === 'queued' || r.state === 'waiting-credentials') this.setState(r, 'paused');
      const run = this.running.get(id);
      if (run) {
        run.abort.abort(new StoppedError('paused'));
        waits.push(run.done);
      }
    }
    await Promise.all(waits);
    await this.store.flush();
  }

  async resume(ids: string[]): Promise<void> {
    for (const id of ids) {
      const r = this.store.items.get(id)!;
      if (r.state === 'paused' || r.state === 'waiting-credentials') this.requeue(r);
    }
    await this.store.flush();
    this.pump();
  }

  async retry(ids: string[]): Promise<void> {
    for (const id of ids) {
      const r = this.store.items.get(id)!;
      if (r.state === 'failed' || r.state === 'cancelled') {
        this.attempts.delete(id);
        delete r.error;
        this.requeue(r);
      }
    }
    await this.store.flush();
    this.pump();
  }

  /** Stops items and removes what they left: multipart uploads aborted, temp files deleted. */
  async cancel(ids: string[]): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const id of ids) {
      const r = this.store.items.get(id)!;
      const run = this.running.get(id);
      if (run) {
        run.abort.abort(new StoppedError('cancelled'));
        waits.push(run.done);
      } else if (!FINISHED_STATES.has(r.state)) {
        this.setState(r, 'cancelled');
      }
    }
    await Promise.all(waits);
    await this.cleanOrphans();
    await this.store.flush();
  }

  /** Credentials of a profile were refreshed: items waiting for them continue (same upload ID). */
  credentialsRefreshed(profileId: string): void {
    for (const r of this.store.items.values()) if (r.state === 'waiting-credentials' && r.profileId === profileId) this.requeue(r);
    this.pump();
  }

  /** Stops running items so they resume at the next start; writes the queue. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.credentialTimer) clearInterval(this.credentialTimer);
    const waits = [...this.running.values()].map((run) => {
      run.abort.abort(new StoppedError('paused'));
      return run.done;
    });
    await Promise.all(waits);
    this.batcher.flushNow();
    this.batcher.stop();
    await this.store.flush();
    await this.crc.close();
    this.hostBridge.update([]);
  }

  // ---- scheduling ----

  private requeue(r: TransferRecord): void {
    this.setState(r, 'queued');
    r.transferred = 0;
    if (this.runnable(r.batchId)) this.queued.add(r.id);
  }

  private pump(): void {
    if (this.closed || !this.started) return;
    const limit = this.settings.parallelFiles;
    for (const id of this.queued) {
      if (this.running.size >= limit * SMALL_FACTOR) break;
      const r = this.store.items.get(id);
      if (!r || r.state !== 'queued') {
        this.queued.delete(id);
        continue;
      }
      const large = r.size === null || r.size > SMALL_FILE;
      // Keep order: a large file waiting for a slot holds back the ones queued after it.
      if (large ? this.largeRunning() >= limit : this.running.size >= limit * SMALL_FACTOR) break;
      this.queued.delete(id);
      if (!this.runnable(r.batchId)) continue;
      this.launch(r, this.store.batches.get(r.batchId));
    }
    // Taskbar progress follows the progress events (≤ 4 a second); here only the start and the end of work.
    if (this.running.size > 0 !== this.hostBridge.busy) this.updateHost();
  }

  private largeRunning(): number {
    let n = 0;
    for (const id of this.running.keys()) {
      const size = this.store.items.get(id)?.size;
      if (size === null || size === undefined || size > SMALL_FILE) n++;
    }
    return n;
  }

  private launch(r: TransferRecord, batch: BatchRecord | undefined): void {
    const abort = new AbortController();
    const speed = new SpeedMeter();
    const run: Running = { abort, speed, done: Promise.resolve() };
    this.running.set(r.id, run);
    r.transferred = 0;
    delete r.error;
    this.setState(r, 'running');
    run.done = this.execute(r, batch, run).finally(() => {
      this.running.delete(r.id);
      this.mark(r.id);
      this.pump();
    });
  }

  private async execute(r: TransferRecord, batch: BatchRecord | undefined, run: Running): Promise<void> {
    const policy: ResolvedPolicy = !batch || batch.policy === 'ask' ? 'skip' : batch.policy;
    const ctx: TaskContext = {
      record: r,
      policy,
      clients: this.clients,
      crc: this.crc,
      checkpoints: this.checkpoints,
      limiter: r.direction === 'upload' ? this.up : this.down,
      tuning: this.tuning,
      parallelParts: this.settings.parallelParts,
      partSize: this.settings.partSize,
      signal: run.abort.signal,
      onBytes: (n) => {
        r.transferred = Math.max(0, r.transferred + n);
        run.speed.add(n);
        this.totalSpeed.add(n);
        this.mark(r.id);
      },
      note: (note: TransferNote) => {
        r.note = note;
        this.mark(r.id);
      },
      onRetry: (err, attempt) => {
        r.note = { kind: 'retrying', attempt, reason: retryReason(err) };
        this.mark(r.id);
      },
    };
    try {
      const outcome = r.direction === 'upload' ? await runUpload(ctx) : await runDownload(ctx, batch?.localRoot ?? '');
      if (outcome.kind === 'skipped') {
        r.note = { kind: 'skipped', reason: 'reason' in outcome ? outcome.reason : 'exists' };
        this.finish(r, 'skipped');
      } else {
        r.transferred = r.size ?? r.transferred;
        r.verified = outcome.crc !== null;
        if (r.note?.kind === 'retrying') delete r.note;
        this.finish(r, 'done');
      }
    } catch (err) {
      this.failed(r, err);
    }
  }

  private failed(r: TransferRecord, err: unknown): void {
    const decision = decideFailure(err, (this.attempts.get(r.id) ?? 0) + 1, this.closed, this.tuning.retryBaseMs);
    switch (decision.kind) {
      case 'state':
        this.setState(r, decision.state);
        if (decision.state === 'cancelled') r.finishedAt = new Date().toISOString();
        return;
      case 'wait-credentials':
        r.error = describeFailure(err, this.options.describeError);
        this.setState(r, 'waiting-credentials');
        return;
      case 'skipped':
        r.note = { kind: 'skipped', reason: 'exists' };
        this.finish(r, 'skipped');
        return;
      case 'retry':
        this.attempts.set(r.id, decision.attempt);
        r.note = { kind: 'retrying', attempt: decision.attempt, reason: decision.reason };
        this.setState(r, 'queued');
        // The slot is free during the wait; a pause or cancel meanwhile wins (state is no longer queued).
        setTimeout(() => {
          if (r.state === 'queued') {
            this.queued.add(r.id);
            this.pump();
          }
        }, decision.delayMs).unref();
        return;
      case 'failed':
        this.attempts.delete(r.id);
        r.error = describeFailure(err, this.options.describeError);
        this.options.log?.warn('A transfer failed', { direction: r.direction, code: r.error.code });
        this.finish(r, 'failed');
    }
  }

  private recheckCredentials(): void {
    const profiles = new Set<string>();
    for (const r of this.store.items.values()) if (r.state === 'waiting-credentials') profiles.add(r.profileId);
    for (const p of profiles) this.credentialsRefreshed(p);
  }


}
