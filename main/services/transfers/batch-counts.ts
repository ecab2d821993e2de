/**
 * Per-batch tallies (still pending, done, failed, skipped), kept in step with every state
 * change so "is this batch finished?" costs nothing for a 100,000-item queue.
 */
import type { TransferState } from '../../../shared/contract/transfers';

export interface BatchCount {
  pending: number;
  done: number;
  failed: number;
  skipped: number;
}

export class BatchCounts {
  private readonly counts = new Map<string, BatchCount>();

  /** Starts a batch at zero. */
  open(batchId: string): void {
    this.counts.set(batchId, { pending: 0, done: 0, failed: 0, skipped: 0 });
  }

  get(batchId: string): BatchCount | undefined {
    return this.counts.get(batchId);
  }

  /** Counts an item in (`delta` +1) or out (-1) of `state`; cancelled items count nowhere. */
  add(batchId: string, state: TransferState, delta: number): void {
    let c = this.counts.get(batchId);
    if (!c) this.counts.set(batchId, (c = { pending: 0, done: 0, failed: 0, skipped: 0 }));
    if (state === 'done') c.done += delta;
    else if (state === 'failed') c.failed += delta;
    else if (state === 'skipped') c.skipped += delta;
    else if (state !== 'cancelled') c.pending += delta;
  }

  /** True when no item of the batch is counted any more (it may be dropped). */
  empty(batchId: string): boolean {
    const c = this.counts.get(batchId);
    return !c || c.pending + c.done + c.failed + c.skipped === 0;
  }

  delete(batchId: string): void {
    this.counts.delete(batchId);
  }
}
