/** Object metadata in and out: request headers -> record fields, record -> response headers. */
import { lookup } from 'mime-types';
import { OssError, type RequestContext } from '../core/contract';
import { quoteEtag } from '../integrity/etag';
import type { ObjectRecord, StorageClass } from '../store/types';
import { parseAcl, parseStorageClass } from './bucket-ops';
import { header, httpTime } from './http-util';

/** Standard headers kept verbatim, with the casing they are sent back in. */
export const STORED_HEADERS: Record<string, string> = {
  'cache-control': 'Cache-Control',
  'content-disposition': 'Content-Disposition',
  'content-encoding': 'Content-Encoding',
  'content-language': 'Content-Language',
  expires: 'Expires',
};

/** The metadata fields a PutObject / InitiateMultipartUpload / CopyObject(REPLACE) sets. */
export type MetaFields = Pick<ObjectRecord, 'contentType' | 'headers' | 'userMeta' | 'storageClass' | 'acl' | 'tags'>;

const USER_META_LIMIT = 8 * 1024;

export function metaFromRequest(ctx: RequestContext, defaultClass: StorageClass): MetaFields {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(STORED_HEADERS)) {
    const value = header(ctx, name);
    if (value !== undefined) headers[name] = value;
  }
  const userMeta: Record<string, string> = {};
  let metaBytes = 0;
  for (const [name, value] of Object.entries(ctx.req.headers)) {
    if (!name.startsWith('x-oss-meta-') || value === undefined) continue;
    const text = Array.isArray(value) ? value.join(',') : value;
    userMeta[name.slice('x-oss-meta-'.length)] = text;
    metaBytes += name.length + text.length;
  }
  if (metaBytes > USER_META_LIMIT) {
    throw new OssError(400, 'MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size.', '0016-00000414');
  }
  return {
    contentType: header(ctx, 'content-type') || guessContentType(ctx.key ?? ''),
    headers,
    userMeta,
    storageClass: parseStorageClass(header(ctx, 'x-oss-storage-class'), defaultClass),
    acl: parseAcl(header(ctx, 'x-oss-object-acl'), 'default', true),
    tags: parseTaggingHeader(header(ctx, 'x-oss-tagging')),
  };
}

/** OSS derives a missing Content-Type from the key's extension (octet-stream otherwise). */
export function guessContentType(key: string): string {
  return lookup(key) || 'application/octet-stream';
}

/** `x-oss-tagging: k1=v1&k2=v2` (URL-encoded pairs). */
export function parseTaggingHeader(value: string | undefined): Array<[string, string]> {
  if (!value) return [];
  const tags: Array<[string, string]> = [];
  for (const pair of value.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    try {
      const key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
      const val = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
      tags.push([key, val]);
    } catch {
      throw invalidTag('The tag is not URL-encoded correctly.');
    }
  }
  validateTags(tags);
  return tags;
}

export function invalidTag(message: string): OssError {
  return new OssError(400, 'InvalidTag', message, '0016-00000801');
}

const TAG_CHARS = /^[\p{L}\p{N} +\-=._:/]*$/u;

/** OSS tag limits: at most 10, keys 1-128 chars, values <= 256, keys unique, a small character set. */
export function validateTags(tags: Array<[string, string]>): void {
  if (tags.length > 10) throw invalidTag('Object tags cannot be greater than 10.');
  const seen = new Set<string>();
  for (const [k, v] of tags) {
    if (k.length === 0 || k.length > 128) throw invalidTag('The TagKey you have provided is invalid.');
    if (v.length > 256) throw invalidTag('The TagValue you have provided is invalid.');
    if (!TAG_CHARS.test(k) || !TAG_CHARS.test(v)) throw invalidTag('Tags may contain letters, digits, spaces and + - = . _ : / only.');
    if (seen.has(k)) throw invalidTag('Cannot provide multiple Tags with the same key.');
    seen.add(k);
  }
}

/** Archive classes need a finished, unexpired restore before their body can be read. */
export function isArchived(o: ObjectRecord): boolean {
  return o.storageClass === 'Archive' || o.storageClass === 'ColdArchive' || o.storageClass === 'DeepColdArchive';
}

/** The `x-oss-restore` value, or undefined when no restore was requested. */
export function restoreHeader(o: ObjectRecord, now: number): string | undefined {
  if (!o.restore || now >= o.restore.expiresAt) return undefined;
  if (now < o.restore.readyAt) return 'ongoing-request="true"';
  return `ongoing-request="false", expiry-date="${httpTime(o.restore.expiresAt)}"`;
}

/** Headers describing an object (GetObject, HeadObject). */
export function objectHeaders(o: ObjectRecord, now: number): Record<string, string> {
  const h: Record<string, string> = {
    'Content-Type': o.contentType,
    ETag: quoteEtag(o.etag),
    'Last-Modified': httpTime(o.lastModified),
    'Accept-Ranges': 'bytes',
    'x-oss-object-type': o.type,
    'x-oss-storage-class': o.storageClass,
    'x-oss-hash-crc64ecma': o.crc64,
  };
  for (const [name, value] of Object.entries(o.headers)) h[STORED_HEADERS[name] ?? name] = value;
  for (const [name, value] of Object.entries(o.userMeta)) h[`x-oss-meta-${name}`] = value;
  if (o.type === 'Normal' && /^[0-9A-F]{32}$/.test(o.etag)) h['Content-MD5'] = Buffer.from(o.etag, 'hex').toString('base64');
  if (o.type === 'Appendable') h['x-oss-next-append-position'] = String(o.size);
  if (o.tags.length > 0) h['x-oss-tagging-count'] = String(o.tags.length);
  const restore = restoreHeader(o, now);
  if (restore) h['x-oss-restore'] = restore;
  return h;
}

export function noSuchKey(key: string): OssError {
  return new OssError(404, 'NoSuchKey', 'The specified key does not exist.', '0026-00000001', { Key: key });
}
