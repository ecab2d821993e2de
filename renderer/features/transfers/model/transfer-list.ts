/**
 * The renderer's copy of main's transfer queue: items in queue order (oldest first) with
 * an id index, patched by batched progress events. 100,000 items stay cheap: an event
 * touches only the items it names (a Map lookup each), and the panel reads rows by index
 * for its virtual list. Removals rebuild the order once per event, not once per id.
 */
import type { TransferItem, TransferProgressEvent, TransferState, TransferTotals } from '../../../../shared/contract/transfers';

export const EMPTY_TOTALS: TransferTotals = { items: 0, active: 0, queued: 0, paused: 0, failed: 0, done: 0, bytesTotal: 0, bytesDone: 0, speed: 0, walking: 0 };

/** States in which an item still moves (or will): pause and cancel apply to these. */
export const ACTIVE_STATES: ReadonlySet<TransferState> = new Set(['queued', 'preparing', 'running', 'verifying', 'waiting-credentials']);
/** States an item ends in; "Clear finished" removes the successful and cancelled ones. */
export const FINISHED_STATES: ReadonlySet<TransferState> = new Set(['done', 'skipped', 'failed', 'cancelled']);

/** What a row can offer, from its state alone. */
export function actionsFor(item: Pick<TransferItem, 'state' | 'direction'>): { pause: boolean; resume: boolean; cancel: boolean; retry: boolean; reveal: boolean; open: boolean } {
  const s = item.state;
  return {
    pause: ACTIVE_STATES.has(s),
    resume: s === 'paused',
    cancel: ACTIVE_STATES.has(s) || s === 'paused',
    retry: s === 'failed' || s === 'cancelled',
    // Uploads always have their local file; a download has one only once it arrived.
    reveal: item.direction === 'upload' || s === 'done',
    open: item.direction === 'download' && s === 'done',
  };
}

export class TransferList {
  private order: string[] = [];
  private readonly byId = new Map<string, TransferItem>();
  totals: TransferTotals = EMPTY_TOTALS;
  /** Bumped on every change, for React to notice a mutated list. */
  version = 0;

  get size(): number {
    return this.order.length;
  }

  /** The item at a position in queue order. */
  at(index: number): TransferItem | undefined {
    const id = this.order[index];
    return id === undefined ? undefined : this.byId.get(id);
  }

  get(id: string): TransferItem | undefined {
    return this.byId.get(id);
  }

  /** Position of an item (O(n); used for keyboard focus after a change, not per row). */
  indexOf(id: string): number {
    return this.order.indexOf(id);
  }

  /** Appends a page read with transfers:list; items already known are updated in place. */
  addPage(items: readonly TransferItem[], totals?: TransferTotals): void {
    for (const it of items) this.put(it);
    if (totals) this.totals = totals;
    this.version++;
  }

  /** Applies one batched progress event. */
  apply(event: TransferProgressEvent): void {
    if (event.removed.length > 0) {
      const gone = new Set(event.removed);
      for (const id of gone) this.byId.delete(id);
      this.order = this.order.filter((id) => !gone.has(id));
    }
    for (const it of event.items) this.put(it);
    this.totals = event.totals;
    this.version++;
  }

  /** Forgets everything (the queue is read again from main). */
  reset(): void {
    this.order = [];
    this.byId.clear();
    this.totals = EMPTY_TOTALS;
    this.version++;
  }

  /** Ids of the items matching a predicate, in queue order (for "retry failed" and the like). */
  idsWhere(test: (item: TransferItem) => boolean, limit = Infinity): string[] {
    const out: string[] = [];
    for (const id of this.order) {
      const it = this.byId.get(id)!;
      if (test(it)) out.push(id);
      if (out.length >= limit) break;
    }
    return out;
  }

  private put(it: TransferItem): void {
    if (!this.byId.has(it.id)) this.order.push(it.id);
    this.byId.set(it.id, it);
  }
}
