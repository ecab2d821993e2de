/**
 * Turns ali-oss listing results into compact rows. Listings are requested with
 * `encoding-type=url` so keys OSS cannot put in XML verbatim (control characters, a
 * leading or trailing space an XML parser might touch) come back percent-encoded; they are
 * decoded here to the exact key.
 */
import type { ObjectRow } from '../../../shared/object-types';

/** The listing fields ali-oss's listV2 returns per object. */
export interface ListedObject {
  name: string;
  lastModified: string;
  etag: string;
  size: number;
  storageClass: string;
  type?: string;
}

/** Decodes one `encoding-type=url` value. OSS encodes with %XX and never uses '+' for space. */
export function decodeUrlKey(value: string): string {
  return value.indexOf('%') === -1 ? value : decodeURIComponent(value);
}

/** Strips the quotes OSS puts around ETags. */
export function bareEtag(etag: string | undefined): string {
  if (!etag) return '';
  return etag.charCodeAt(0) === 34 ? etag.slice(1, -1) : etag;
}

/** A row for an object listed under `prefix` (key already decoded). */
export function objectRow(key: string, obj: ListedObject, prefix: string): ObjectRow {
  const row: ObjectRow = {
    key,
    name: key.slice(prefix.length),
    isPrefix: false,
    size: obj.size,
    lastModified: Date.parse(obj.lastModified) || 0,
    etag: bareEtag(obj.etag),
    storageClass: obj.storageClass ?? '',
  };
  if (obj.type) row.type = obj.type;
  return row;
}

/** A row for a common prefix (folder) listed under `prefix`. */
export function prefixRow(key: string, prefix: string): ObjectRow {
  return {
    key,
    name: key.slice(prefix.length, key.length - 1),
    isPrefix: true,
    size: 0,
    lastModified: 0,
    etag: '',
    storageClass: '',
  };
}
