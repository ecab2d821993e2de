/**
 * The streams bytes travel through: a file range read from disk (never whole files in
 * memory), metered against the shared bandwidth budget, counted for progress, and watched:
 * no bytes for `stallMs` destroys the stream with a StallError, and a pause or cancel
 * destroys it with a StoppedError — which is how a running request is interrupted.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { BandwidthLimiter, MeteredStream } from './bandwidth';
import { StallError } from './transfer-errors';
import { stoppedReason } from './retry';

export interface WatchOptions {
  limiter: BandwidthLimiter;
  onBytes(bytes: number): void;
  signal: AbortSignal;
  stallMs: number;
}

/** A watched stream plus how many bytes passed and a cleanup to call when the request ends. */
export interface Watched<S extends Readable> {
  stream: S;
  passed(): number;
  /** Stops the watchdog; a request that ended must not be destroyed later. */
  release(): void;
  /** Why the stream was destroyed by us, if it was (StallError / StoppedError). */
  reason(): Error | undefined;
}

/** Meters and watches any readable (a file range to upload, or a response body to save). */
export function watch<S extends Readable>(source: S, options: WatchOptions): Watched<MeteredStream> {
  let passed = 0;
  let last = Date.now();
  let why: Error | undefined;
  const metered = new MeteredStream({
    limiter: options.limiter,
    onBytes: (n) => {
      passed += n;
      last = Date.now();
      options.onBytes(n);
    },
  });
  const kill = (err: Error): void => {
    if (why) return;
    why = err;
    source.destroy(err);
    metered.destroy(err);
  };
  source.on('error', (err) => metered.destroy(err));
  source.pipe(metered);
  const onAbort = (): void => kill(stoppedReason(options.signal));
  options.signal.addEventListener('abort', onAbort, { once: true });
  const timer = setInterval(() => {
    if (Date.now() - last > options.stallMs) kill(new StallError(Math.round(options.stallMs / 1000)));
  }, Math.min(1000, Math.max(50, options.stallMs / 4)));
  timer.unref();
  const release = (): void => {
    clearInterval(timer);
    options.signal.removeEventListener('abort', onAbort);
  };
  if (options.signal.aborted) onAbort();
  return { stream: metered, passed: () => passed, release, reason: () => why };
}

/** Bytes [start, end) of a file, metered and watched. */
export function fileRange(path: string, start: number, end: number, options: WatchOptions): Watched<MeteredStream> {
  const source = end > start ? createReadStream(path, { start, end: end - 1, highWaterMark: 256 * 1024 }) : Readable.from([]);
  return watch(source, options);
}
