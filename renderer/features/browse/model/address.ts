/**
 * The address bar's language: `oss://bucket/prefix/`. Typing or pasting an address that
 * ends without a slash opens the parent folder and focuses that entry, so both a folder
 * path and a pasted object URL land somewhere sensible.
 */
import type { Location } from './nav-history';
import { bucketNameProblem } from './bucket-name-check';

export type AddressError = 'scheme' | 'bucket' | 'leadingSlash' | 'tooLong';

export type ParsedAddress =
  | { ok: true; location: Location | null; focusName?: string }
  | { ok: false; error: AddressError };

const MAX_KEY_BYTES = 1023;

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** An OSS endpoint host: oss-<region>[-internal].aliyuncs.com or the acceleration host. */
const OSS_HOST = /^(?:([a-z0-9][a-z0-9-]{1,61}[a-z0-9])\.)?(oss-[a-z0-9-]+|oss-accelerate(?:-overseas)?)\.aliyuncs\.com$/i;

/**
 * A pasted https OSS URL (virtual-host `https://bucket.oss-cn-hangzhou.aliyuncs.com/key` or
 * path style `https://oss-cn-hangzhou.aliyuncs.com/bucket/key`, signed or not) as the
 * `bucket/key` it names; null when it is not such a URL. The key is percent-decoded and the
 * query (a signature) dropped.
 */
function ossUrlPath(s: string): string | null {
  let url: URL;
  try {
    url = new URL(s.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const m = OSS_HOST.exec(url.hostname);
  if (!m) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname.slice(1));
  } catch {
    return null;
  }
  return m[1] ? `${m[1].toLowerCase()}/${path}` : path;
}

/** Parses what the user typed; `location: null` means the bucket list. */
export function parseAddress(input: string): ParsedAddress {
  // Spaces can be part of a key: only leading space and a pasted line break are dropped.
  let s = input.replace(/^\s+/, '').replace(/[\r\n]+$/, '');
  if (!s) return { ok: true, location: null };
  const pasted = /^https?:\/\//i.test(s) ? ossUrlPath(s) : null;
  if (pasted !== null) s = pasted;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(s);
  if (scheme) {
    if (scheme[1]!.toLowerCase() !== 'oss') return { ok: false, error: 'scheme' };
    s = s.slice(scheme[0].length);
  }
  if (!s) return { ok: true, location: null };
  const slash = s.indexOf('/');
  const bucket = slash < 0 ? s.trimEnd() : s.slice(0, slash);
  const rest = slash < 0 ? '' : s.slice(slash + 1);
  if (bucketNameProblem(bucket)) return { ok: false, error: 'bucket' };
  if (rest.startsWith('/') || rest.startsWith('\\')) return { ok: false, error: 'leadingSlash' };
  if (utf8Length(rest) > MAX_KEY_BYTES) return { ok: false, error: 'tooLong' };
  if (rest === '' || rest.endsWith('/')) return { ok: true, location: { bucket, prefix: rest } };
  const cut = rest.lastIndexOf('/');
  return { ok: true, location: { bucket, prefix: rest.slice(0, cut + 1) }, focusName: rest.slice(cut + 1) };
}

/** The text the address bar shows for a location. */
export function formatAddress(loc: Location | null): string {
  return loc ? `oss://${loc.bucket}/${loc.prefix}` : 'oss://';
}

/** One breadcrumb: its label and the prefix it opens ('' is the bucket root). */
export interface Crumb {
  label: string;
  prefix: string;
}

/** Breadcrumbs for a prefix; an empty segment (from `a//b`) keeps its own crumb. */
export function crumbsFor(prefix: string): Crumb[] {
  const out: Crumb[] = [];
  if (!prefix) return out;
  const parts = prefix.split('/');
  parts.pop();
  let acc = '';
  for (const part of parts) {
    acc += part + '/';
    out.push({ label: part, prefix: acc });
  }
  return out;
}

/** The parent folder of a prefix, or null at the bucket root. */
export function parentPrefix(prefix: string): string | null {
  if (!prefix) return null;
  const trimmed = prefix.slice(0, -1);
  const cut = trimmed.lastIndexOf('/');
  return cut < 0 ? '' : trimmed.slice(0, cut + 1);
}
