/**
 * Reads an object's details from HEAD response headers: size, dates, ETag, CRC64, storage
 * class, restore state, HTTP headers and x-oss-meta-*. Pure, so the parsing of
 * `x-oss-restore` and friends is tested without a server.
 */
import type { ObjectAcl, ObjectDetails, ObjectHeaders, RestoreState } from '../../../shared/object-types';
import { bareEtag } from '../oss/object-rows';

/** Classes that must be restored before they can be read. */
const ARCHIVED = new Set(['Archive', 'ColdArchive', 'DeepColdArchive']);

/** True for storage classes that need a RestoreObject before reading. */
export function needsRestore(storageClass: string): boolean {
  return ARCHIVED.has(storageClass);
}

/**
 * Restore state from `x-oss-restore`: absent → archived (for archive classes),
 * `ongoing-request="true"` → in progress, `ongoing-request="false", expiry-date="…"` → restored.
 */
export function parseRestoreState(storageClass: string, header: string | undefined): RestoreState {
  if (!needsRestore(storageClass)) return { state: 'not-needed' };
  if (!header) return { state: 'archived' };
  if (/ongoing-request="true"/i.test(header)) return { state: 'in-progress' };
  const expiry = /expiry-date="([^"]+)"/i.exec(header)?.[1];
  const expiresAt = expiry ? Date.parse(expiry) : NaN;
  return Number.isFinite(expiresAt) ? { state: 'restored', expiresAt } : { state: 'restored' };
}

/**
 * Header values arrive as latin1 strings in Node; OSS stores metadata as UTF-8 bytes, so a
 * value that is valid UTF-8 when re-read as bytes is shown decoded.
 */
export function headerText(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(value)) return value;
  const bytes = Buffer.from(value, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return value;
  }
}

const HEADER_FIELDS: Array<[keyof ObjectHeaders, string]> = [
  ['contentType', 'content-type'],
  ['contentDisposition', 'content-disposition'],
  ['contentEncoding', 'content-encoding'],
  ['contentLanguage', 'content-language'],
  ['cacheControl', 'cache-control'],
  ['expires', 'expires'],
];

/** Maps ObjectHeaders to HTTP header names, skipping empty values. */
export function toHttpHeaders(headers: ObjectHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, name] of HEADER_FIELDS) {
    const value = headers[field];
    if (value) out[name] = value;
  }
  return out;
}

/** Builds the details pane from HEAD headers plus the ACL and URL fetched separately. */
export function detailsFromHeaders(
  bucket: string,
  key: string,
  headers: Record<string, string | undefined>,
  acl: ObjectAcl,
  url: string,
): ObjectDetails {
  const storageClass = headers['x-oss-storage-class'] ?? 'Standard';
  const httpHeaders: ObjectHeaders = {};
  for (const [field, name] of HEADER_FIELDS) {
    const value = headers[name];
    if (value) httpHeaders[field] = headerText(value);
  }
  const meta: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('x-oss-meta-') && value !== undefined) meta[name.slice(11)] = headerText(value);
  }
  return {
    bucket,
    key,
    size: Number(headers['content-length'] ?? 0),
    lastModified: Date.parse(headers['last-modified'] ?? '') || 0,
    etag: bareEtag(headers.etag),
    crc64: headers['x-oss-hash-crc64ecma'] ?? null,
    storageClass,
    objectType: headers['x-oss-object-type'] ?? 'Normal',
    restore: parseRestoreState(storageClass, headers['x-oss-restore']),
    headers: httpHeaders,
    meta,
    acl,
    url,
  };
}
