/** Turns a request's URL and Host into bucket, key and query (path style, virtual-host style or a bound CNAME). */
import { isIP } from 'node:net';
import { OssError } from '../core/contract';

/** Where a request points: bucket and key from path style or virtual-host style, plus the query. */
export interface Target {
  bucket: string | null;
  key: string | null;
  /** Decoded query; a parameter without a value maps to ''. First occurrence wins. */
  query: Map<string, string>;
  /** Host as sent, without any change. */
  host: string;
  virtualHost: boolean;
}

/**
 * Parses the request line and Host header.
 * Custom domains (`cnames`: host name → bucket) come first. Virtual-host style:
 * `Host: bucket.anything[:port]` — the first label is the bucket, unless
 * the host is `localhost`, an IP, a single label, or an OSS service host (`oss-…`), in which
 * case the request is path style (`/bucket/key`), as ali-oss sends with `sldEnable`.
 */
export function parseTarget(rawUrl: string, hostHeader: string | undefined, cnames?: ReadonlyMap<string, string>): Target {
  const host = hostHeader ?? '';
  const q = rawUrl.indexOf('?');
  const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
  const query = parseQuery(q < 0 ? '' : rawUrl.slice(q + 1));
  // A custom domain bound to a bucket (CNAME) addresses that bucket, like virtual-host style.
  const hostBucket = cnames?.get(stripPort(host).toLowerCase()) ?? bucketFromHost(host);
  if (!rawPath.startsWith('/')) throw invalidUri();
  if (hostBucket) {
    const key = rawPath.length > 1 ? decode(rawPath.slice(1)) : null;
    return { bucket: hostBucket, key, query, host, virtualHost: true };
  }
  const rest = rawPath.slice(1);
  if (rest === '') return { bucket: null, key: null, query, host, virtualHost: false };
  const slash = rest.indexOf('/');
  const bucket = decode(slash < 0 ? rest : rest.slice(0, slash));
  const rawKey = slash < 0 ? '' : rest.slice(slash + 1);
  return { bucket, key: rawKey === '' ? null : decode(rawKey), query, host, virtualHost: false };
}

function bucketFromHost(host: string): string | null {
  const hostname = stripPort(host).toLowerCase();
  if (hostname === '' || hostname === 'localhost' || isIP(hostname.replace(/^\[|\]$/g, ''))) return null;
  const dot = hostname.indexOf('.');
  if (dot <= 0) return null;
  const first = hostname.slice(0, dot);
  if (/^oss(-|$)/.test(first)) return null;
  return first;
}

function stripPort(host: string): string {
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    return end < 0 ? host : host.slice(0, end + 1);
  }
  const colon = host.lastIndexOf(':');
  return colon < 0 ? host : host.slice(0, colon);
}

/** Parses a query string with form semantics ('+' is a space), keeping the first value of a key. */
export function parseQuery(raw: string): Map<string, string> {
  const query = new Map<string, string>();
  if (raw === '') return query;
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = decodeForm(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : decodeForm(part.slice(eq + 1));
    if (!query.has(name)) query.set(name, value);
  }
  return query;
}

function decodeForm(text: string): string {
  return decode(text.replace(/\+/g, ' '));
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidUri();
  }
}

function invalidUri(): OssError {
  return new OssError(400, 'InvalidURI', 'The URI you provided is not valid.', '0016-00000001');
}
