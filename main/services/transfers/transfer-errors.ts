/**
 * How the engine reads a failure: retry it (network, 5xx, dropped connection, stall,
 * integrity mismatch), stop with the OSS hint (auth), wait for fresh credentials (an expired
 * STS token: the upload ID is kept), or restart a multipart upload OSS no longer knows.
 * Backoff is exponential with full jitter so parallel items do not retry in lockstep.
 */
import { AppException, type AppError } from '../../../shared/errors';

export type FailureKind = 'retry' | 'auth' | 'credentials' | 'no-upload' | 'exists' | 'fatal' | 'cancelled';

interface ErrorLike {
  code?: unknown;
  name?: unknown;
  status?: unknown;
  message?: unknown;
}

const AUTH = new Set(['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidSecurityToken', 'AccountDisabled']);
const NETWORK = /ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|socket hang up|EHOSTUNREACH|ENETUNREACH|EAI_AGAIN|aborted|premature close/i;

/** A thrown value's OSS code ('' when it has none). */
export function codeOf(error: unknown): string {
  const e = (error ?? {}) as ErrorLike;
  return typeof e.code === 'string' ? e.code : '';
}

/** Thrown when the bytes that arrived do not hash to what was sent (or OSS's header disagrees). */
export class IntegrityError extends AppException {
  constructor(what: string, expected: string, actual: string) {
    super({
      code: 'IntegrityMismatch',
      message: `The CRC-64 of ${what} did not match (expected ${expected}, got ${actual}).`,
      hint: 'The data changed or was damaged on the way. The transfer is retried automatically.',
    });
  }
}

/** Thrown when no bytes moved for too long; the item is retried with reason "stalled". */
export class StallError extends AppException {
  constructor(seconds: number) {
    super({
      code: 'Stalled',
      message: `No data moved for ${seconds} seconds.`,
      hint: 'The connection stopped moving data. The transfer is retried automatically.',
    });
  }
}

/** Thrown when a user paused or cancelled an item while a request ran. */
export class StoppedError extends Error {
  constructor(readonly reason: 'paused' | 'cancelled') {
    super(reason);
  }
}

/** What to do about a failure. */
export function classify(error: unknown): FailureKind {
  if (error instanceof StoppedError) return 'cancelled';
  if (error instanceof IntegrityError || error instanceof StallError) return 'retry';
  const e = (error ?? {}) as ErrorLike;
  const code = codeOf(error);
  const status = typeof e.status === 'number' ? e.status : 0;
  if (code === 'SecurityTokenExpired') return 'credentials';
  if (code === 'NoSuchUpload') return 'no-upload';
  if (code === 'FileAlreadyExists') return 'exists';
  if (AUTH.has(code)) return 'auth';
  if (code === 'RequestTimeTooSkewed') return 'fatal';
  if (status >= 500 || status === 429 || status === -1 || status === -2) return 'retry';
  if (code === 'RequestTimeout' || code === 'IncompleteBody' || code === 'InvalidDigest') return 'retry';
  const name = typeof e.name === 'string' ? e.name : '';
  if (/Timeout|RequestError|ResponseError|ConnectionError|SocketError/.test(name)) return 'retry';
  const message = typeof e.message === 'string' ? e.message : '';
  if (NETWORK.test(code) || NETWORK.test(message)) return 'retry';
  if (status === 0 && !code) return 'retry';
  return 'fatal';
}

/** Short reason shown next to a retried item. */
export function retryReason(error: unknown): 'stalled' | 'network' | 'server' | 'integrity' {
  if (error instanceof StallError) return 'stalled';
  if (error instanceof IntegrityError) return 'integrity';
  const status = (error as ErrorLike | null)?.status;
  return typeof status === 'number' && status >= 500 ? 'server' : 'network';
}

/** Delay before retry `attempt` (1-based): full jitter over min(cap, base·2^attempt). */
export function backoffMs(attempt: number, baseMs: number, capMs = 30_000, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** An AppError for the panel, with a plain-language hint when the failure has none. */
export function describeFailure(error: unknown, describe: (e: unknown) => AppError): AppError {
  const described = describe(error);
  if (!described.hint) {
    const kind = classify(error);
    if (kind === 'retry') described.hint = 'The connection or the server failed several times. Check your network, then press Retry.';
    else if (kind === 'credentials') described.hint = 'Your temporary credentials expired. Renew them in the profile; the transfer continues where it stopped.';
  }
  return described;
}
