/**
 * What the engine tells the outside: queue totals for the panel, and the desktop — keep the
 * computer awake while items run, taskbar progress, a notification when a batch ends while
 * the window is unfocused.
 */
import type { TransferState, TransferTotals } from '../../../shared/contract/transfers';
import { batchNotice, type NoticeLanguage } from './batch-notice';
import type { EngineHost } from './engine-types';
import type { BatchRecord, TransferRecord } from './transfer-record';

/** What one item adds to the totals (kept per item, so a change is applied as a difference). */
interface Share {
  state: TransferState;
  bytesTotal: number;
  bytesDone: number;
  transferred: number;
}

function shareOf(r: TransferRecord): Share {
  const counted = r.state !== 'cancelled' && r.state !== 'skipped';
  return {
    state: r.state,
    bytesTotal: counted ? (r.size ?? 0) : 0,
    bytesDone: counted ? (r.state === 'done' ? (r.size ?? 0) : r.transferred) : 0,
    transferred: r.transferred,
  };
}

/**
 * Queue totals kept incrementally: an item that changed is only marked (`touch`), and its
 * difference is applied when totals are read — so reading them costs the items changed
 * since the last read, not the whole queue (a 100,000-file queue is counted once, not on
 * every progress event).
 */
export class TotalsTally {
  private readonly shares = new Map<string, Share>();
  private readonly dirty = new Set<string>();
  private readonly states = new Map<TransferState, number>();
  private bytesTotal = 0;
  private bytesDone = 0;
  private transferred = 0;

  constructor(private readonly lookup: (id: string) => TransferRecord | undefined) {}

  /** The item was added, changed or removed: it is recounted at the next read. */
  touch(id: string): void {
    this.dirty.add(id);
  }

  /** Totals for the panel; `walking` = batches still being walked, `speed` = bytes/s now. */
  totals(walking: number, speed: number): TransferTotals {
    this.settle();
    const n = (s: TransferState): number => this.states.get(s) ?? 0;
    return {
      items: this.shares.size,
      active: n('preparing') + n('running') + n('verifying'),
      queued: n('queued'),
      paused: n('paused') + n('waiting-credentials'),
      failed: n('failed'),
      done: n('done') + n('skipped'),
      bytesTotal: this.bytesTotal,
      bytesDone: this.bytesDone,
      speed: Math.round(speed),
      walking,
    };
  }

  /** Items per state and the bytes moved by all items (the engine-process harness reports these). */
  byState(): { states: Record<string, number>; transferred: number } {
    this.settle();
    const states: Record<string, number> = {};
    for (const [s, count] of this.states) if (count > 0) states[s] = count;
    return { states, transferred: this.transferred };
  }

  private settle(): void {
    for (const id of this.dirty) {
      const old = this.shares.get(id);
      if (old) this.apply(old, -1);
      const r = this.lookup(id);
      if (r) {
        const share = shareOf(r);
        this.shares.set(id, share);
        this.apply(share, +1);
      } else this.shares.delete(id);
    }
    this.dirty.clear();
  }

  private apply(s: Share, sign: 1 | -1): void {
    this.states.set(s.state, (this.states.get(s.state) ?? 0) + sign);
    this.bytesTotal += sign * s.bytesTotal;
    this.bytesDone += sign * s.bytesDone;
    this.transferred += sign * s.transferred;
  }
}

export class HostBridge {
  private releaseAwake: (() => void) | undefined;

  constructor(
    private readonly host: EngineHost | undefined,
    /** The page's language now (it can change while transfers run). */
    private readonly language: () => NoticeLanguage = () => 'en',
  ) {}

  /** True while items run (the computer is kept awake). */
  get busy(): boolean {
    return this.releaseAwake !== undefined;
  }

  /** Called with the items running now (none = idle: release keep-awake, clear the taskbar). */
  update(running: TransferRecord[]): void {
    const host = this.host;
    if (!host) return;
    const busy = running.length > 0;
    if (busy && !this.releaseAwake) this.releaseAwake = host.keepAwake('Transferring files');
    if (!busy && this.releaseAwake) {
      this.releaseAwake();
      this.releaseAwake = undefined;
    }
    if (!busy) {
      host.setProgress(undefined);
      return;
    }
    let total = 0;
    let done = 0;
    for (const r of running) {
      total += r.size ?? 0;
      done += r.transferred;
    }
    host.setProgress(total > 0 ? Math.min(1, done / total) : undefined);
  }

  batchFinished(batch: BatchRecord, c: { done: number; failed: number }): void {
    const host = this.host;
    if (!host || host.isFocused() || c.done + c.failed === 0) return;
    host.notify(batchNotice(batch.direction, c, this.language()));
  }
}
