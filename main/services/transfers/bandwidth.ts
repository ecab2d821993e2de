/**
 * One bandwidth budget per direction, shared by every running item, so "2 MB/s up" means
 * the whole app, not each file. A token bucket refilled from a clock; callers take bytes
 * and wait when the bucket is empty. Rate 0 means unlimited (no waiting, no timers).
 */
import { Transform, type TransformCallback } from 'node:stream';

export class BandwidthLimiter {
  private rate = 0;
  private tokens = 0;
  private last: number;

  /** `now` is the clock the bucket refills from (milliseconds); tests pass a manual one. */
  constructor(bytesPerSecond = 0, private readonly now: () => number = Date.now) {
    this.last = now();
    this.setRate(bytesPerSecond);
  }

  setRate(bytesPerSecond: number): void {
    this.rate = Math.max(0, bytesPerSecond);
    this.tokens = Math.min(this.tokens, this.burst());
  }

  get bytesPerSecond(): number {
    return this.rate;
  }

  /** Milliseconds to wait before `bytes` may pass (0 = now); takes the bytes from the budget. */
  take(bytes: number): number {
    if (this.rate === 0) return 0;
    const now = this.now();
    this.tokens = Math.min(this.burst(), this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
    this.tokens -= bytes;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.rate) * 1000);
  }

  /** A quarter second of traffic: smooth enough for a progress bar, coarse enough to be cheap. */
  private burst(): number {
    return Math.max(64 * 1024, this.rate / 4);
  }
}

export interface MeterOptions {
  limiter: BandwidthLimiter;
  /** Called with every chunk's size after it passed the limiter. */
  onBytes(bytes: number): void;
}

/** A pass-through stream that counts bytes and waits for the shared budget. */
export class MeteredStream extends Transform {
  constructor(private readonly options: MeterOptions) {
    super({ highWaterMark: 1024 * 1024 });
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const wait = this.options.limiter.take(chunk.length);
    const pass = (): void => {
      this.options.onBytes(chunk.length);
      done(null, chunk);
    };
    if (wait > 0) setTimeout(pass, wait);
    else pass();
  }
}
