/**
 * The one place a thrown value becomes what a user sees: `{ code, message, requestId, ec,
 * hint }`. OSS and STS errors keep their code, request ID and EC; the app's own typed
 * errors (keychain, credentials, endpoints, access codes…) keep their code and hint;
 * network failures become NetworkError/Timeout with a hint naming the cause; everything
 * else is Internal. Messages are always redacted: ali-oss and urllib errors can carry
 * signed URLs and option dumps. It lives below ipc/ so services, the job runner and the
 * IPC layer all describe errors the same way.
 */
import { AppException, ErrorCode, isAppError, toAppError, type AppError } from '../../../shared/errors';
import type { FailedKey } from '../../../shared/object-types';
import { hintFor } from '../../../shared/oss-error-hints';
import { profileErrorHints } from '../../../shared/profile-types';
import { redact } from '../../../shared/redact';

/** Node/urllib network error codes, in the order they are looked for in a message. */
const networkCodes = [
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
];
const timeoutNames = ['ConnectionTimeoutError', 'ResponseTimeoutError'];
const appCodes: ReadonlySet<string> = new Set(Object.values(ErrorCode));

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  status?: unknown;
  requestId?: unknown;
  ecCode?: unknown;
  ec?: unknown;
  hint?: unknown;
  host?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** ali-oss/urllib messages append the URL and socket details after the first line. */
function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

function networkCause(e: ErrorLike, message: string): string | undefined {
  const code = str(e.code);
  if (code && networkCodes.includes(code)) return code;
  const name = str(e.name);
  if (name && timeoutNames.includes(name)) return name;
  if (/proxy|tunneling socket/i.test(message) || e.status === 407) return 'ProxyError';
  const found = networkCodes.find((c) => new RegExp(`\\b${c}\\b`).test(message));
  if (found) return found;
  if (e.status === -1 || e.status === -2 || name === 'RequestError' || name === 'ResponseError') return 'NetworkError';
  return undefined;
}

/** Request ID, EC and HTTP status of an error that has them. */
function withOssFields(out: AppError, e: ErrorLike): AppError {
  const requestId = str(e.requestId);
  const ec = str(e.ecCode) ?? str(e.ec);
  if (requestId) out.requestId = requestId;
  if (ec) out.ec = ec;
  if (typeof e.status === 'number' && e.status > 0) out.status = e.status;
  return out;
}

/** Describes any thrown value as a redacted AppError. */
export function describeError(thrown: unknown): AppError {
  if (typeof thrown !== 'object' || thrown === null) {
    return { code: ErrorCode.Internal, message: redact(String(thrown)) };
  }
  const e = thrown as ErrorLike;
  const rawMessage = str(e.message) ?? 'Unknown error';

  // Already an AppError (a service threw AppException, or a value that crossed IPC): keep it, scrubbed.
  const isApp = thrown instanceof AppException || (thrown instanceof Error ? thrown.name === 'AppException' : isAppError(thrown));
  if (isApp) {
    const app = toAppError(thrown as AppError);
    app.message = redact(app.message);
    if (app.host) app.host = redact(app.host).slice(0, 300);
    const hint = app.hint ?? hintFor(app.code);
    if (hint) app.hint = redact(hint);
    else delete app.hint;
    return app;
  }

  if (thrown instanceof Error && thrown.name === 'AccessCodeError') {
    return { code: 'InvalidAccessCode', message: redact(firstLine(rawMessage)), hint: profileErrorHints.InvalidAccessCode };
  }

  // The app's typed errors (KeychainError, CredentialError, EndpointError, ListBucketsDeniedError…)
  // carry a code and their own hint; a typed error without a hint gets the table's.
  const code = str(e.code);
  if (thrown instanceof Error && code && ('hint' in thrown || appCodes.has(code))) {
    const out = withOssFields({ code, message: redact(firstLine(rawMessage)) }, e);
    const hint = str(e.hint) ?? hintFor(code);
    if (hint) out.hint = redact(hint);
    const host = str(e.host);
    if (host) out.host = redact(host).slice(0, 300);
    return out;
  }

  const cause = networkCause(e, rawMessage);
  if (cause) {
    const isTimeout = cause === 'ETIMEDOUT' || timeoutNames.includes(cause) || e.status === -2;
    const out: AppError = {
      code: isTimeout ? ErrorCode.Timeout : ErrorCode.NetworkError,
      message: redact(firstLine(rawMessage)),
      hint: hintFor(cause) ?? hintFor(ErrorCode.NetworkError)!,
    };
    const requestId = str(e.requestId);
    if (requestId) out.requestId = requestId;
    return out;
  }

  const ossShaped = code !== undefined && (typeof e.status === 'number' || str(e.requestId) !== undefined);
  if (ossShaped) {
    const out = withOssFields({ code, message: redact(firstLine(rawMessage)) }, e);
    const hint = hintFor(code);
    if (hint) out.hint = hint;
    return out;
  }

  // Node system errors (ENOENT on a local file, EACCES…): the code tells the UI enough.
  if (code && /^E[A-Z]+$/.test(code)) {
    return { code: code === 'ENOENT' ? ErrorCode.NotFound : code, message: redact(firstLine(rawMessage)) };
  }
  return { code: ErrorCode.Internal, message: redact(firstLine(rawMessage)) };
}

/** The HTTP status of an OSS error, 0 when there is none. */
export function errorStatus(error: unknown): number {
  const status = (error as ErrorLike | null)?.status;
  return typeof status === 'number' ? status : 0;
}

/** True for 404s of HEAD/GET (NoSuchKey) — used where "absent" is a normal answer. */
export function isNotFound(error: unknown): boolean {
  return errorStatus(error) === 404 || (error as ErrorLike | null)?.code === 'NoSuchKey';
}

/** A per-key failure of a long job: the described code and message, request ID and EC. */
export function failureOf(key: string, error: unknown): FailedKey {
  const d = describeError(error);
  const failure: FailedKey = { key, code: d.code, message: d.message };
  if (d.requestId) failure.requestId = d.requestId;
  if (d.ec) failure.ec = d.ec;
  return failure;
}
