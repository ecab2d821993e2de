/**
 * `oss://bucket/prefix/` addresses for the address bar, breadcrumbs and bookmarks. Keys are
 * kept byte-exact: nothing is trimmed, normalised (NFC/NFD stay distinct) or collapsed
 * (`a//b` keeps its empty segment), because OSS treats every byte of a key as significant.
 */
import { isValidBucketName } from './bucket-name';

/** A location inside OSS: a bucket and a key prefix ('' for the bucket root). */
export interface OssLocation {
  bucket: string;
  prefix: string;
}

/** One breadcrumb: the segment to show and the prefix it opens. */
export interface Breadcrumb {
  name: string;
  prefix: string;
}

const SCHEME = /^oss:\/\//i;

/**
 * Parses what a user typed or pasted: `oss://bucket/a/b/`, `oss://bucket`, or `bucket/a/`.
 * Only a line break around the paste is dropped; spaces are part of the key. Returns null
 * when there is no valid bucket name.
 */
export function parseOssPath(input: string): OssLocation | null {
  const text = input.replace(/^[\r\n]+|[\r\n]+$/g, '').replace(SCHEME, '');
  const slash = text.indexOf('/');
  const bucket = slash === -1 ? text : text.slice(0, slash);
  const prefix = slash === -1 ? '' : text.slice(slash + 1);
  if (!isValidBucketName(bucket)) return null;
  return { bucket, prefix };
}

/** The address-bar form of a location: `oss://bucket/prefix`. */
export function formatOssPath(location: OssLocation): string {
  return `oss://${location.bucket}/${location.prefix}`;
}

/** Folder prefix for a location typed without a trailing slash ('a/b' → 'a/b/'). */
export function asFolderPrefix(prefix: string): string {
  return prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
}

/** Breadcrumbs for a folder prefix: 'a//b/' → [a → 'a/', '' → 'a//', b → 'a//b/']. */
export function breadcrumbs(prefix: string): Breadcrumb[] {
  const crumbs: Breadcrumb[] = [];
  let start = 0;
  for (let slash = prefix.indexOf('/'); slash !== -1; slash = prefix.indexOf('/', start)) {
    crumbs.push({ name: prefix.slice(start, slash), prefix: prefix.slice(0, slash + 1) });
    start = slash + 1;
  }
  if (start < prefix.length) crumbs.push({ name: prefix.slice(start), prefix });
  return crumbs;
}

/** The folder above a key or prefix ('a/b/' → 'a/', 'a/b.txt' → 'a/', 'a/' → ''), null at the root. */
export function parentPrefix(keyOrPrefix: string): string | null {
  if (keyOrPrefix === '') return null;
  const body = keyOrPrefix.endsWith('/') ? keyOrPrefix.slice(0, -1) : keyOrPrefix;
  const slash = body.lastIndexOf('/');
  return slash === -1 ? '' : body.slice(0, slash + 1);
}

/** Appends a name to a folder prefix without touching either side's bytes. */
export function joinKey(folderPrefix: string, name: string): string {
  return asFolderPrefix(folderPrefix) + name;
}

/** The last segment of a key, without the trailing slash of a folder ('a/b/' → 'b'). */
export function baseName(keyOrPrefix: string): string {
  const body = keyOrPrefix.endsWith('/') ? keyOrPrefix.slice(0, -1) : keyOrPrefix;
  return body.slice(body.lastIndexOf('/') + 1);
}

/** True when `key` lies inside `prefix` (or is the folder marker itself). */
export function isUnder(key: string, prefix: string): boolean {
  return key.startsWith(prefix);
}

/** UTF-8 byte length of a key: OSS limits keys to 1–1023 bytes. */
export function keyByteLength(key: string): number {
  let bytes = 0;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < key.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
