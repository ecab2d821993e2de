/**
 * The pure parts of the preview server's answers: which headers a preview carries, how a
 * file name goes into Content-Disposition, and which HTTP status an OSS or credential
 * failure becomes. Kept apart so they are tested without sockets.
 */

/** Images, audio and video are shown by the page itself and need no file name. */
export function isInlineMedia(contentType: string): boolean {
  return /^(image|audio|video)\//i.test(contentType);
}

/** `inline` with an ASCII fallback and the real name as RFC 5987 `filename*`. */
export function inlineDisposition(key: string): string {
  const name = key.slice(key.lastIndexOf('/', key.length - 2) + 1).replace(/\/$/, '') || 'object';
  const ascii = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * Headers every preview response carries. A page navigated to the URL directly (an SVG, an
 * HTML file shown as PDF-less text) runs sandboxed with nothing allowed; PDFs need the
 * browser's viewer, which a CSP sandbox would block.
 */
export function baseHeaders(contentType: string, key: string): Record<string, string> {
  const headers: Record<string, string> = {
    'content-type': contentType,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'accept-ranges': 'bytes',
    'referrer-policy': 'no-referrer',
  };
  if (!/^application\/pdf$/i.test(contentType)) headers['content-security-policy'] = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";
  if (!isInlineMedia(contentType)) headers['content-disposition'] = inlineDisposition(key);
  return headers;
}

/** Only a single well-formed byte range is forwarded to OSS; anything else reads the whole object. */
export function forwardableRange(range: string | undefined): string | undefined {
  if (!range) return undefined;
  return /^bytes=(\d+-\d*|-\d+)$/.test(range.trim()) ? range.trim() : undefined;
}

interface FailureLike {
  status?: unknown;
  name?: unknown;
  code?: unknown;
}

/**
 * The status a failed read answers with: OSS's own 403/404/416 pass through; a timeout is
 * 504; a network failure, a credential failure or anything else is 502. The body never
 * carries OSS's message (it can echo request details).
 */
export function statusForFailure(error: unknown): number {
  const e = (typeof error === 'object' && error !== null ? error : {}) as FailureLike;
  const status = typeof e.status === 'number' ? e.status : undefined;
  if (status === 403 || status === 404 || status === 416) return status;
  if (status === -2 || e.name === 'ResponseTimeoutError' || e.name === 'ConnectionTimeoutError') return 504;
  if (e.code === 'NoSuchKey' || e.code === 'NoSuchBucket') return 404;
  if (e.code === 'AccessDenied') return 403;
  return 502;
}

/** A short, fixed reason for a status, the only body an error response has. */
export function reasonFor(status: number): string {
  const reasons: Record<number, string> = {
    400: 'Bad request',
    403: 'Forbidden',
    404: 'Not found',
    405: 'Method not allowed',
    410: 'Preview link expired',
    416: 'Range not satisfiable',
    502: 'Could not read the object',
    504: 'Timed out reading the object',
  };
  return reasons[status] ?? 'Error';
}
