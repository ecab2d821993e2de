/** Header reading shared by both signature versions (multi-valued headers joined, x-oss-* names sorted). */
import type { IncomingHttpHeaders } from 'node:http';

/**
 * A header value as the bytes the client signed. Node decodes header bytes as latin1;
 * OSS signs the raw bytes, which clients produce from UTF-8 text (ali-oss `headerEncoding`),
 * so re-reading the bytes as UTF-8 gives the string whose UTF-8 encoding was signed.
 */
export function headerText(headers: IncomingHttpHeaders, name: string): string | undefined {
  const raw = headers[name];
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw.join(',') : raw;
  return Buffer.from(value, 'latin1').toString('utf8');
}

/** Lower-case names of all `x-oss-*` headers, sorted. */
export function ossHeaderNames(headers: IncomingHttpHeaders): string[] {
  return Object.keys(headers)
    .filter((name) => name.startsWith('x-oss-'))
    .sort();
}
