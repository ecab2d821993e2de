/**
 * Turns anything a handler throws into the AppError that crosses IPC: OSS errors keep
 * their code, request ID and EC; network failures become NetworkError/Timeout with the
 * cause in the hint; everything else becomes Internal. Messages are always redacted.
 */
import { AppException, ErrorCode, isAppError, toAppError, type AppError } from '../../shared/errors';
import { hintFor } from '../../shared/oss-error-hints';
import { redact } from '../../shared/redact';

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

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  status?: unknown;
  requestId?: unknown;
  ecCode?: unknown;
  ec?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** ali-oss/urllib messages append the URL and socket details after the first line or comma. */
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

/** Maps a thrown value to a redacted AppError. */
export function toIpcError(thrown: unknown): AppError {
  if (typeof thrown !== 'object' || thrown === null) {
    return { code: ErrorCode.Internal, message: redact(String(thrown)) };
  }
  const e = thrown as ErrorLike;
  const rawMessage = str(e.message) ?? 'Unknown error';

  // Already an AppError (a service threw AppException): keep it, but still scrub it.
  const isApp = thrown instanceof AppException || (thrown instanceof Error ? thrown.name === 'AppException' : isAppError(thrown));
  if (isApp) {
    const app = toAppError(thrown as AppError);
    app.message = redact(app.message);
    if (app.hint) app.hint = redact(app.hint);
    else {
      const hint = hintFor(app.code);
      if (hint) app.hint = hint;
    }
    return app;
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

  const code = str(e.code);
  const ossShaped = code !== undefined && (typeof e.status === 'number' || str(e.requestId) !== undefined);
  if (ossShaped) {
    const out: AppError = { code, message: redact(firstLine(rawMessage)) };
    const requestId = str(e.requestId);
    const ec = str(e.ecCode) ?? str(e.ec);
    if (requestId) out.requestId = requestId;
    if (ec) out.ec = ec;
    if (typeof e.status === 'number' && e.status > 0) out.status = e.status;
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
