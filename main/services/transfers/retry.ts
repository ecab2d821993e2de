/**
 * Runs one request (a PUT, a part, a ranged GET) until it succeeds or fails for a reason a
 * retry cannot fix. Retries wait with backoff and jitter; a pause or cancel ends the wait
 * at once. Failures that are not "retry" (auth, expired token, NoSuchUpload…) go straight
 * to the caller, which decides what they mean for the item.
 */
import { StoppedError, backoffMs, classify } from './transfer-errors';

export interface RetryOptions {
  attempts: number;
  baseMs: number;
  signal: AbortSignal;
  onRetry?(error: unknown, attempt: number): void;
}

export async function withRetries<T>(fn: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    throwIfStopped(options.signal);
    try {
      return await fn(attempt);
    } catch (err) {
      if (options.signal.aborted) throw stoppedReason(options.signal);
      if (classify(err) !== 'retry' || attempt >= options.attempts) throw err;
      options.onRetry?.(err, attempt);
      await sleep(backoffMs(attempt, options.baseMs), options.signal);
    }
  }
}

/** The StoppedError a pause/cancel signal carries. */
export function stoppedReason(signal: AbortSignal): StoppedError {
  return signal.reason instanceof StoppedError ? signal.reason : new StoppedError('cancelled');
}

export function throwIfStopped(signal: AbortSignal): void {
  if (signal.aborted) throw stoppedReason(signal);
}

/** Waits `ms`, or less if the signal aborts (then rejects with its StoppedError). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(stoppedReason(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(stoppedReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
