/**
 * Errors cross the IPC boundary as plain values: a code the UI can branch on, a message a
 * person can read, the OSS request ID and EC for support tickets, and a hint saying what to
 * do next. Never a stack, never a secret.
 */

/** Codes produced by the app itself; OSS error codes (AccessDenied, NoSuchKey…) pass through. */
export const ErrorCode = {
  InvalidArgument: 'InvalidArgument',
  UnknownChannel: 'UnknownChannel',
  UntrustedSender: 'UntrustedSender',
  Internal: 'Internal',
  NetworkError: 'NetworkError',
  Timeout: 'Timeout',
  Cancelled: 'Cancelled',
  NotFound: 'NotFound',
  KeychainUnavailable: 'KeychainUnavailable',
} as const;

export type AppErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The serialisable error shape every IPC failure takes. */
export interface AppError {
  code: string;
  message: string;
  requestId?: string;
  ec?: string;
  hint?: string;
  /** HTTP status from OSS when there was one. */
  status?: number;
  /**
   * The address (host[:port]) the error is about, e.g. a host the user did not trust. Kept
   * out of `message` and `hint` so the UI can translate those and show the host beside them.
   */
  host?: string;
}

/** The reply of every request channel: errors are values, not rejected promises. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * Thrown by services (main) and by the renderer's oss-api when a call fails; carries the
 * AppError fields so catch blocks can read `code` without parsing messages.
 */
export class AppException extends Error implements AppError {
  readonly code: string;
  readonly requestId?: string;
  readonly ec?: string;
  readonly hint?: string;
  readonly status?: number;
  readonly host?: string;

  constructor(error: AppError) {
    super(error.message);
    this.name = 'AppException';
    this.code = error.code;
    if (error.requestId !== undefined) this.requestId = error.requestId;
    if (error.ec !== undefined) this.ec = error.ec;
    if (error.hint !== undefined) this.hint = error.hint;
    if (error.status !== undefined) this.status = error.status;
    if (error.host !== undefined) this.host = error.host;
  }

  /** The plain value to send over IPC. */
  toJSON(): AppError {
    return toAppError(this);
  }
}

/** Copies only the AppError fields, dropping anything else an object carries. */
export function toAppError(e: AppError): AppError {
  const out: AppError = { code: e.code, message: e.message };
  if (e.requestId) out.requestId = e.requestId;
  if (e.ec) out.ec = e.ec;
  if (e.hint) out.hint = e.hint;
  if (typeof e.status === 'number') out.status = e.status;
  if (e.host) out.host = e.host;
  return out;
}

/** True for values shaped like an AppError (e.g. after crossing IPC). */
export function isAppError(value: unknown): value is AppError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AppError).code === 'string' &&
    typeof (value as AppError).message === 'string'
  );
}
