/**
 * What the engine tells the outside: queue totals for the panel, and the desktop — keep the
 * computer awake while items run, taskbar progress, a notification when a batch ends while
 * the window is unfocused.
 */
import type { TransferTotals } from '../../../shared/contract/transfers';
import type { EngineHost } from './engine-types';
import { ACTIVE_STATES, type BatchRecord, type TransferRecord } from './transfer-record';

export function computeTotals(items: Iterable<TransferRecord>, batches: Iterable<BatchRecord>, speed: number): TransferTotals {
  const t: TransferTotals = { items: 0, active: 0, queued: 0, paused: 0, failed: 0, done: 0, bytesTotal: 0, bytesDone: 0, speed: 0, walking: 0 };
  for (const r of items) {
    t.items++;
    if (ACTIVE_STATES.has(r.state)) t.active++;
    else if (r.state === 'queued') t.queued++;
    else if (r.state === 'paused' || r.state === 'waiting-credentials') t.paused++;
    else if (r.state === 'failed') t.failed++;
    else if (r.state === 'done' || r.state === 'skipped') t.done++;
    if (r.state !== 'cancelled' && r.state !== 'skipped') {
      t.bytesTotal += r.size ?? 0;
      t.bytesDone += r.state === 'done' ? (r.size ?? 0) : r.transferred;
    }
  }
  for (const b of batches) if (b.walking) t.walking++;
  t.speed = Math.round(speed);
  return t;
}

export class HostBridge {
  private releaseAwake: (() => void) | undefined;

  constructor(private readonly host: EngineHost | undefined) {}

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
    const what = batch.direction === 'upload' ? 'Upload' : 'Download';
    host.notify({
      title: c.failed > 0 ? `${what} finished with problems` : `${what} finished`,
      body: c.failed > 0 ? `${c.done} done, ${c.failed} failed. Open the transfers panel to retry.` : `${c.done} file${c.done === 1 ? '' : 's'} done.`,
    });
  }
}
