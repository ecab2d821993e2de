/**
 * The queue's bookkeeping, apart from scheduling: item and batch records (persisted by
 * QueueStore), state changes with per-batch tallies, "batch finished" reports, the paged
 * list and totals the panel reads, and batched progress events. TransferEngine extends it
 * with the scheduler and the user's actions.
 */
import { join } from 'node:path';
import type { ConflictPlan, TransferListPage, TransferState, TransferTotals } from '../../../shared/contract/transfers';
import { BatchCounts } from './batch-counts';
import { CheckpointStore } from './checkpoint-store';
import { HostBridge, TotalsTally } from './engine-reporting';
import type { TransferEngineOptions } from './engine-types';
import { ProgressBatcher, SpeedMeter } from './progress-batcher';
import { QueueStore } from './queue-store';
import { FINISHED_STATES, toItem, type TransferRecord } from './transfer-record';

/** An item being transferred now. */
export interface Running {
  abort: AbortController;
  speed: SpeedMeter;
  done: Promise<void>;
}

export abstract class QueueState {
  readonly store: QueueStore;
  readonly checkpoints: CheckpointStore;
  /** Batches waiting for a conflict answer: their items do not start. */
  readonly held = new Map<string, ConflictPlan>();
  protected readonly running = new Map<string, Running>();
  protected readonly counts = new BatchCounts();
  /** Runs so far of items that failed and wait for another try. */
  protected readonly attempts = new Map<string, number>();
  protected readonly batcher: ProgressBatcher;
  protected readonly totalSpeed = new SpeedMeter();
  protected readonly hostBridge: HostBridge;
  protected readonly tally: TotalsTally;

  constructor(protected readonly options: TransferEngineOptions) {
    this.store = new QueueStore(options.dataDir);
    this.checkpoints = new CheckpointStore(join(options.dataDir, 'checkpoints'));
    this.hostBridge = new HostBridge(options.host, options.language);
    this.tally = new TotalsTally((id) => this.store.items.get(id));
    this.batcher = new ProgressBatcher({ intervalMs: options.progressIntervalMs ?? 250, flush: (c, r) => this.sendProgress(c, r) });
  }

  /** Walking finished for a batch (it may now be complete). */
  walked(batchId: string): void {
    const batch = this.store.batches.get(batchId);
    if (!batch) return;
    batch.walking = false;
    this.store.putBatch(batch);
    this.checkBatchFinished(batchId);
  }

  itemsOf(batchId: string): TransferRecord[] {
    return [...this.store.itemsOf(batchId)];
  }

  /** Items per state and bytes moved, counted incrementally (the engine-process harness reports them). */
  byState(): { states: Record<string, number>; transferred: number } {
    return this.tally.byState();
  }

  /** The item changed (state, bytes, note…): recounted in the totals and sent with the next progress event. */
  protected mark(id: string): void {
    this.tally.touch(id);
    this.batcher.mark(id);
  }

  list(offset: number, limit: number): TransferListPage {
    const items = [];
    let i = 0;
    for (const r of this.store.items.values()) {
      if (i++ < offset) continue;
      if (items.length >= limit) break;
      items.push(toItem(r, this.running.get(r.id)?.speed.rate() ?? 0));
    }
    return { items, total: this.store.items.size, totals: this.totals() };
  }

  ids(target: { all: true } | { ids: string[] }): string[] {
    return 'all' in target ? [...this.store.items.keys()] : target.ids.filter((id) => this.store.items.has(id));
  }

  /** The records of `ids` once each is done, skipped, cancelled or failed; undefined after `timeoutMs`. */
  async settled(ids: string[], timeoutMs: number): Promise<TransferRecord[] | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const records = ids.map((id) => this.store.items.get(id));
      if (records.every((r) => !r || FINISHED_STATES.has(r.state) || r.state === 'failed')) return records.filter((r): r is TransferRecord => r !== undefined);
      if (Date.now() > deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Removes done, skipped and cancelled items (and batches left empty). */
  async clearFinished(): Promise<number> {
    let removed = 0;
    for (const r of [...this.store.items.values()]) {
      if (!FINISHED_STATES.has(r.state)) continue;
      this.counts.add(r.batchId, r.state, -1);
      this.store.removeItem(r.id);
      this.tally.touch(r.id);
      this.batcher.markRemoved(r.id);
      removed++;
    }
    for (const [id, b] of this.store.batches) {
      if (!b.walking && this.counts.empty(id)) {
        this.store.removeBatch(id);
        this.counts.delete(id);
      }
    }
    await this.store.flush();
    return removed;
  }

  protected finish(r: TransferRecord, state: TransferState): void {
    r.finishedAt = new Date().toISOString();
    this.setState(r, state);
    this.attempts.delete(r.id);
    if (r.openWhenDone && state === 'done') void this.options.host?.openPath?.(r.localPath).catch(() => undefined);
    this.checkBatchFinished(r.batchId);
  }

  protected setState(r: TransferRecord, state: TransferState): void {
    if (r.state === state) return;
    this.counts.add(r.batchId, r.state, -1);
    this.counts.add(r.batchId, state, +1);
    r.state = state;
    this.store.touchItem(r.id);
    this.mark(r.id);
  }

  protected checkBatchFinished(batchId: string): void {
    const batch = this.store.batches.get(batchId);
    const c = this.counts.get(batchId);
    if (!batch || !c || batch.walking || c.pending > 0 || batch.notified) return;
    batch.notified = true;
    this.store.putBatch(batch);
    this.options.events.batchFinished({ batchId, done: c.done, failed: c.failed, skipped: c.skipped });
    this.hostBridge.batchFinished(batch, c);
  }

  // ---- progress ----

  totals(): TransferTotals {
    let walking = 0;
    for (const b of this.store.batches.values()) if (b.walking) walking++;
    return this.tally.totals(walking, this.totalSpeed.rate());
  }

  protected sendProgress(changed: string[], removed: string[]): void {
    const items = [];
    for (const id of changed) {
      const r = this.store.items.get(id);
      if (r) items.push(toItem(r, this.running.get(id)?.speed.rate() ?? 0));
    }
    this.options.events.progress({ items, removed, totals: this.totals() });
    this.updateHost();
  }

  protected updateHost(): void {
    const running = [...this.running.keys()].map((id) => this.store.items.get(id)).filter((r): r is TransferRecord => r !== undefined);
    this.hostBridge.update(running);
  }
}
