/** ListObjects (v1) and ListObjectsV2 over the bucket's sorted key index. */
import type { RequestContext } from '../core/contract';
import { quoteEtag } from '../integrity/etag';
import type { BucketState, Engine } from '../store/engine';
import type { ObjectRecord } from '../store/types';
import { RawXml, escapeXml } from '../xml/xml-build';
import { intParam, invalidArgument, isoTime, q, sendXml, urlEncodeKey } from './http-util';
import { restoreHeader } from './object-meta';

export interface ListPage {
  contents: ObjectRecord[];
  prefixes: string[];
  truncated: boolean;
  /** The last key or common prefix returned, to continue after. */
  last: string | undefined;
}

/** Walks the index from just after `after`, rolling keys up into common prefixes. */
export function listPage(state: BucketState, prefix: string, delimiter: string, after: string, maxKeys: number): ListPage {
  const index = state.index;
  let i = Math.max(index.lowerBound(prefix), after ? index.upperBound(after) : 0);
  if (delimiter && after.startsWith(prefix)) {
    // A marker that is itself a common prefix: everything under it was already reported.
    const rest = after.slice(prefix.length);
    const d = rest.indexOf(delimiter);
    if (d >= 0 && prefix + rest.slice(0, d + delimiter.length) === after) i = Math.max(i, index.afterPrefix(after));
  }
  const contents: ObjectRecord[] = [];
  const prefixes: string[] = [];
  let last: string | undefined;
  let count = 0;
  while (i < index.size && count < maxKeys) {
    const key = index.at(i) as string;
    if (!key.startsWith(prefix)) break;
    const d = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (d >= 0) {
      const common = key.slice(0, d + delimiter.length);
      prefixes.push(common);
      last = common;
      i = index.afterPrefix(common);
    } else {
      contents.push(state.objects.get(key) as ObjectRecord);
      last = key;
      i++;
    }
    count++;
  }
  const next = index.at(i);
  return { contents, prefixes, truncated: next !== undefined && next.startsWith(prefix), last };
}

interface ListParams {
  prefix: string;
  delimiter: string;
  maxKeys: number;
  encode: (s: string) => string;
  urlEncoding: boolean;
}

function commonParams(ctx: RequestContext): ListParams {
  const encoding = q(ctx, 'encoding-type');
  if (encoding !== undefined && encoding !== '' && encoding !== 'url') throw invalidArgument('The encoding-type is invalid.', 'encoding-type', encoding);
  const urlEncoding = encoding === 'url';
  return {
    prefix: q(ctx, 'prefix') ?? '',
    delimiter: q(ctx, 'delimiter') ?? '',
    maxKeys: intParam(q(ctx, 'max-keys'), 'max-keys', 100, 0, 1000),
    encode: urlEncoding ? urlEncodeKey : (s) => s,
    urlEncoding,
  };
}

/** One <Contents> entry, rendered directly: listings of 1,000 keys are the hot path. */
function contentsXml(o: ObjectRecord, p: ListParams, owner: string | null, now: number): RawXml {
  const ownerXmlText = owner === null ? '' : `<Owner><ID>${escapeXml(owner)}</ID><DisplayName>${escapeXml(owner)}</DisplayName></Owner>`;
  const restore = restoreHeader(o, now);
  return new RawXml(
    `<Key>${escapeXml(p.encode(o.key))}</Key><LastModified>${isoTime(o.lastModified)}</LastModified>` +
      `<ETag>${quoteEtag(o.etag)}</ETag><Type>${o.type}</Type><Size>${o.size}</Size>` +
      `<StorageClass>${o.storageClass}</StorageClass>${ownerXmlText}${restore === undefined ? '' : `<RestoreInfo>${escapeXml(restore)}</RestoreInfo>`}`,
  );
}

export async function listObjects(engine: Engine, ctx: RequestContext): Promise<void> {
  const state = engine.requireBucket(ctx.bucket as string);
  const p = commonParams(ctx);
  const marker = q(ctx, 'marker') ?? '';
  const page = listPage(state, p.prefix, p.delimiter, marker, p.maxKeys);
  const now = ctx.now().getTime();
  sendXml(ctx, 200, 'ListBucketResult', {
    Name: state.record.name,
    Prefix: p.encode(p.prefix),
    Marker: p.encode(marker),
    MaxKeys: p.maxKeys,
    Delimiter: p.encode(p.delimiter),
    EncodingType: p.urlEncoding ? 'url' : undefined,
    IsTruncated: page.truncated,
    NextMarker: page.truncated && page.last !== undefined ? p.encode(page.last) : undefined,
    Contents: page.contents.map((o) => contentsXml(o, p, state.record.ownerAccountId, now)),
    CommonPrefixes: page.prefixes.map((cp) => ({ Prefix: p.encode(cp) })),
  });
}

function decodeToken(token: string): string {
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  if (!decoded || Buffer.from(decoded, 'utf8').toString('base64url') !== token) {
    throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
  }
  return decoded;
}

export async function listObjectsV2(engine: Engine, ctx: RequestContext): Promise<void> {
  const state = engine.requireBucket(ctx.bucket as string);
  const p = commonParams(ctx);
  const token = q(ctx, 'continuation-token');
  const startAfter = q(ctx, 'start-after');
  const after = token ? decodeToken(token) : (startAfter ?? '');
  const fetchOwner = q(ctx, 'fetch-owner') === 'true';
  const page = listPage(state, p.prefix, p.delimiter, after, p.maxKeys);
  const now = ctx.now().getTime();
  sendXml(ctx, 200, 'ListBucketResult', {
    Name: state.record.name,
    Prefix: p.encode(p.prefix),
    StartAfter: startAfter !== undefined ? p.encode(startAfter) : undefined,
    ContinuationToken: token || undefined,
    MaxKeys: p.maxKeys,
    Delimiter: p.encode(p.delimiter),
    EncodingType: p.urlEncoding ? 'url' : undefined,
    IsTruncated: page.truncated,
    NextContinuationToken: page.truncated && page.last !== undefined ? Buffer.from(page.last, 'utf8').toString('base64url') : undefined,
    KeyCount: page.contents.length + page.prefixes.length,
    Contents: page.contents.map((o) => contentsXml(o, p, fetchOwner ? state.record.ownerAccountId : null, now)),
    CommonPrefixes: page.prefixes.map((cp) => ({ Prefix: p.encode(cp) })),
  });
}
