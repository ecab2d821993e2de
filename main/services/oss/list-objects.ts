/**
 * The ListObjectsV2 page reader and the recursive walk every feature lists with. Per-page
 * work is kept to one pass over the page so a full listing costs about what plain ali-oss
 * paging costs.
 */
import type OSS from 'ali-oss';
import { XMLParser } from 'fast-xml-parser';
import { decodeUrlKey, type ListedObject } from './object-rows';

/** A page of keys from a recursive walk (no delimiter). */
export interface WalkPage {
  objects: Array<{ key: string; size: number; obj: ListedObject }>;
}

export interface ListV2Result {
  objects: ListedObject[];
  prefixes: string[];
  nextContinuationToken: string | null;
  isTruncated: boolean;
}

interface RawContents {
  Key?: string;
  LastModified?: string;
  ETag?: string;
  Size?: string;
  StorageClass?: string;
  Type?: string;
}

/** ali-oss internals used to send a signed request and get the raw body back. */
interface RawRequester {
  _objectRequestParams(method: string, name: string, options: { subres?: Record<string, string> }): Record<string, unknown>;
  request(params: Record<string, unknown>): Promise<{ data: Buffer }>;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'Contents' || name === 'CommonPrefixes',
});

/**
 * One signed ListObjectsV2 call with url-encoded keys. It goes through ali-oss's request
 * path (signing, retries, error parsing) but parses the XML itself: ali-oss's listV2 runs
 * xml2js and builds a URL per object, which is most of the client-side cost of a
 * 100,000-key folder.
 */
export async function listV2Raw(
  client: OSS,
  prefix: string,
  delimiter: string,
  token: string | null | undefined,
  maxKeys: number,
): Promise<ListV2Result> {
  const raw = client as unknown as RawRequester;
  // continuation-token is a signed sub-resource for V1 signatures, as in ali-oss's listV2.
  const params = raw._objectRequestParams('GET', '', token ? { subres: { 'continuation-token': token } } : {});
  const query: Record<string, string | number> = { 'list-type': 2, 'max-keys': maxKeys, 'encoding-type': 'url' };
  // An empty `prefix=` is left out: it means the same and V4 canonicalisation of empty values varies.
  if (prefix) query.prefix = prefix;
  if (delimiter) query.delimiter = delimiter;
  params.query = query;
  params.successStatuses = [200];
  const result = await raw.request(params);
  const body = (parser.parse(result.data.toString('utf8')) as { ListBucketResult?: Record<string, unknown> }).ListBucketResult ?? {};
  const contents = (body.Contents as RawContents[] | undefined) ?? [];
  const common = (body.CommonPrefixes as Array<{ Prefix?: string }> | undefined) ?? [];
  const objects: ListedObject[] = contents.map((c) => {
    const obj: ListedObject = {
      name: c.Key ?? '',
      lastModified: c.LastModified ?? '',
      etag: c.ETag ?? '',
      size: Number(c.Size ?? 0),
      storageClass: c.StorageClass ?? '',
    };
    if (c.Type) obj.type = c.Type;
    return obj;
  });
  const next = typeof body.NextContinuationToken === 'string' ? body.NextContinuationToken : null;
  return { objects, prefixes: common.map((p) => p.Prefix ?? ''), nextContinuationToken: next, isTruncated: body.IsTruncated === 'true' };
}

/**
 * Every object under `prefix` (no delimiter), a page of up to 1000 at a time. The next page
 * is requested while the caller works on this one; stops between pages when `signal` aborts.
 */
export async function* walkObjects(client: OSS, prefix: string, signal?: AbortSignal): AsyncGenerator<WalkPage> {
  let pending: Promise<ListV2Result> | null = listV2Raw(client, prefix, '', null, 1000);
  while (pending) {
    const result: ListV2Result = await pending;
    if (signal?.aborted) return;
    const token = result.isTruncated ? result.nextContinuationToken : null;
    pending = token ? listV2Raw(client, prefix, '', token, 1000) : null;
    pending?.catch(() => undefined);
    const objects = result.objects.map((obj) => ({ key: decodeUrlKey(obj.name), size: obj.size, obj }));
    yield { objects };
  }
}
