/**
 * What a user reads about an error: a plain sentence (translated per code when we have one)
 * and a next step. Raw text from Node, zod or the network stack never becomes the headline;
 * it stays in the collapsible details and in "Copy details".
 */
import i18next, { type TFunction } from 'i18next';
import type { AppError } from '../../shared/errors';
import { ossErrorHints } from '../../shared/oss-error-hints';

/** Message text that is a developer's, not a user's (stack-ish, Node codes, zod paths). */
const RAW = [
  /\b(getaddrinfo|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|EPIPE|socket hang up|socketHandledRequests)\b/i,
  /Invalid argument for [\w:-]+/,
  /\binput\.[\w.[\]]+:/,
  /\bat [\w.<>]+ \(/,
  /\b(TypeError|ReferenceError|SyntaxError)\b/,
  /Invalid signing region/i,
  /[{}[\]]{2,}/,
];

export function isRawMessage(message: string): boolean {
  return RAW.some((r) => r.test(message));
}

/** The code after network-level failures are recognised from their raw text. */
export function effectiveCode(error: AppError): string {
  if (error.code === 'NetworkError' || error.code === 'Timeout') return error.code;
  if (/\b(getaddrinfo|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|EHOSTUNREACH|ENETUNREACH)\b/i.test(error.message)) return 'NetworkError';
  if (/\b(ETIMEDOUT|ResponseTimeoutError|ConnectionTimeoutError)\b/.test(error.message)) return 'Timeout';
  if (/Invalid signing region/i.test(error.message)) return 'RegionMismatch';
  return error.code;
}

/** A plain headline for the error in the UI language. */
export function plainMessage(t: TFunction, error: AppError): string {
  const code = effectiveCode(error);
  const known = t(`ui:errorText.${code}`, { defaultValue: '' });
  if (known) return known;
  if (!error.message || isRawMessage(error.message)) return t('ui:errorText.generic');
  return error.message;
}

/**
 * What to do next: the translated hint for the code; else, in English, main's own (often
 * more specific) hint, then ours, then the shared English hint for the code; in other
 * languages ours first. For a code recognised from raw text (e.g. a region mismatch) ours
 * comes first everywhere.
 */
export function plainHint(t: TFunction, error: AppError): string {
  const code = effectiveCode(error);
  const translated = t(`errors:hint.${code}`, { defaultValue: '' });
  if (translated) return translated;
  const ours = t(`ui:errorHint.${code}`, { defaultValue: '' });
  const mains = error.hint && !isRawMessage(error.hint) ? error.hint : '';
  const shared = ossErrorHints[code] ?? '';
  if (code !== error.code || !i18next.language?.startsWith('en')) return ours || mains || shared;
  return mains || ours || shared;
}

/** Text a user can paste into a support ticket (never contains secrets: main redacts). */
export function errorDetails(error: AppError): string {
  return [
    `Code: ${error.code}`,
    `Message: ${error.message}`,
    error.host ? `Address: ${error.host}` : '',
    error.requestId ? `Request ID: ${error.requestId}` : '',
    error.ec ? `EC: ${error.ec}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}
