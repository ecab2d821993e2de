/**
 * Reading ali-oss errors without wrapping them: services rethrow the original error so the
 * IPC layer keeps its code, request ID and EC; long operations only need a code and a
 * message per failed key.
 */
import type { FailedKey } from '../../../shared/object-types';

interface ErrorLike {
  requestId?: unknown;
  ecCode?: unknown;
  code?: unknown;
  name?: unknown;
  message?: unknown;
  status?: unknown;
}

/** The OSS error code of a thrown value ('' when it has none). */
export function errorCode(error: unknown): string {
  const e = (error ?? {}) as ErrorLike;
  if (typeof e.code === 'string' && e.code) return e.code;
  if (typeof e.name === 'string' && e.name.endsWith('Error') && e.name !== 'Error') return e.name.slice(0, -5);
  return '';
}

/** The HTTP status of an OSS error, 0 when there is none. */
export function errorStatus(error: unknown): number {
  const status = (error as ErrorLike | null)?.status;
  return typeof status === 'number' ? status : 0;
}

/** A per-key failure record: the OSS code and the first line of the message. */
export function failureOf(key: string, error: unknown): FailedKey {
  const e = (error ?? {}) as ErrorLike;
  const message = typeof e.message === 'string' ? e.message.split('\n')[0]! : String(error);
  const failure: FailedKey = { key, code: errorCode(error) || 'Error', message };
  if (typeof e.requestId === 'string' && e.requestId) failure.requestId = e.requestId;
  if (typeof e.ecCode === 'string' && e.ecCode) failure.ec = e.ecCode;
  return failure;
}

/** True for 404s of HEAD/GET (NoSuchKey) — used where "absent" is a normal answer. */
export function isNotFound(error: unknown): boolean {
  return errorStatus(error) === 404 || errorCode(error) === 'NoSuchKey';
}
