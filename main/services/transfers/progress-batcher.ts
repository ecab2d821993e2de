/**
 * Collects which items changed and sends them at most every 250 ms (≤ 4 events a second),
 * so a 100,000-item queue or a 1 GiB file at full speed never floods the page with one
 * message per chunk. Speeds are smoothed over a few seconds per item and for the queue.
 */
export interface BatcherOptions {
  intervalMs?: number;
  flush(changed: string[], removed: string[]): void;
}

export class ProgressBatcher {
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private lastFlush = 0;
  private readonly intervalMs: number;

  constructor(private readonly options: BatcherOptions) {
    this.intervalMs = options.intervalMs ?? 250;
  }

  mark(id: string): void {
    this.changed.add(id);
    this.schedule();
  }

  markRemoved(id: string): void {
    this.changed.delete(id);
    this.removed.add(id);
    this.schedule();
  }

  /** Sends what is pending now (e.g. before the process exits). */
  flushNow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.changed.size === 0 && this.removed.size === 0) return;
    const changed = [...this.changed];
    const removed = [...this.removed];
    this.changed.clear();
    this.removed.clear();
    this.lastFlush = Date.now();
    this.options.flush(changed, removed);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastFlush + this.intervalMs - Date.now());
    this.timer = setTimeout(() => this.flushNow(), wait);
    this.timer.unref();
  }
}

/** Bytes per second over a sliding window of a few seconds. */
export class SpeedMeter {
  private readonly samples: Array<[number, number]> = [];
  private sum = 0;

  constructor(private readonly windowMs = 3000) {}

  add(bytes: number, now = Date.now()): void {
    if (bytes <= 0) return;
    this.samples.push([now, bytes]);
    this.sum += bytes;
    this.trim(now);
  }

  rate(now = Date.now()): number {
    this.trim(now);
    if (this.samples.length === 0) return 0;
    const span = Math.max(1000, now - this.samples[0]![0]);
    return (this.sum / span) * 1000;
  }

  private trim(now: number): void {
    while (this.samples.length > 0 && now - this.samples[0]![0] > this.windowMs) this.sum -= this.samples.shift()![1];
  }
}
