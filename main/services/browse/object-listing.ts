/**
 * Folder listings (one ListObjectsV2 page per call, pulled by the renderer) and recursive
 * walks under a prefix (for counting, searching, deleting and copying folders). Per-page
 * work is kept to one pass over the page so a full listing costs about what plain
 * ali-oss paging costs.
 */
import type OSS from 'ali-oss';
import { XMLParser } from 'fast-xml-parser';
import type { ObjectPage, ObjectRow, PrefixCount } from '../../../shared/object-types';
import type { ClientProvider } from '../oss/client-provider';
import { decodeUrlKey, objectRow, prefixRow, type ListedObject } from './object-rows';
import { PagePrefetch } from './page-prefetch';

export interface ListPageRequest {
  profileId: string;
  bucket: string;
  prefix: string;
  delimiter: string;
  continuationToken?: string | null | undefined;
  maxKeys: number;
}

/** A page of keys from a recursive walk (no delimiter). */
export interface WalkPage {
  objects: Array<{ key: string; size: number; obj: ListedObject }>;
}

interface ListV2Result {
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

export interface ObjectListingOptions {
  /** Fetch the next page of a folder while the current one is on its way to the UI (default on). */
  prefetch?: boolean;
}

/** Lists folders and objects page by page, and walks prefixes recursively. */
export class ObjectListing {
  private readonly ahead: PagePrefetch<ListV2Result> | null;

  constructor(
    private readonly clients: ClientProvider,
    options: ObjectListingOptions = {},
  ) {
    this.ahead = options.prefetch === false ? null : new PagePrefetch<ListV2Result>();
  }

  /**
   * One page of a folder: common prefixes first, then objects; the folder's own marker is
   * hidden. When there is a next page, its request starts before this page is returned.
   */
  async listPage(request: ListPageRequest): Promise<ObjectPage> {
    const client = await this.clients.forBucket(request.profileId, request.bucket);
    const { prefix, delimiter, maxKeys } = request;
    const token = request.continuationToken ?? null;
    const fetch = (t: string | null) => () => listV2Raw(client, prefix, delimiter, t, maxKeys);
    const folder = `${JSON.stringify([request.profileId, request.bucket, prefix, delimiter, maxKeys])}\n`;
    const cacheKey = (t: string) => folder + t;
    // A listing that starts over (open, refresh) never gets pages read ahead for an earlier one.
    if (this.ahead && !token) this.ahead.dropStartingWith(folder);
    const result = this.ahead && token ? await this.ahead.take(cacheKey(token), fetch(token)) : await fetch(token)();
    const next = result.isTruncated ? result.nextContinuationToken : null;
    if (this.ahead && next) this.ahead.start(cacheKey(next), fetch(next));
    const rows: ObjectRow[] = [];
    for (const p of result.prefixes) rows.push(prefixRow(decodeUrlKey(p), prefix));
    for (const obj of result.objects) {
      const key = decodeUrlKey(obj.name);
      if (key === prefix && prefix.endsWith('/')) continue;
      rows.push(objectRow(key, obj, prefix));
    }
    return { rows, nextToken: next };
  }

  /**
   * Every object under `prefix` (no delimiter), a page at a time. Stops between pages when
   * `signal` is aborted.
   */
  async *walk(profileId: string, bucket: string, prefix: string, signal?: AbortSignal): AsyncGenerator<WalkPage> {
    const client = await this.clients.forBucket(profileId, bucket);
    let pending: Promise<ListV2Result> | null = listV2Raw(client, prefix, '', null, 1000);
    while (pending) {
      const result: ListV2Result = await pending;
      if (signal?.aborted) return;
      const token = result.isTruncated ? result.nextContinuationToken : null;
      // The next page is requested while the caller works on this one (deletes, matches).
      pending = token ? listV2Raw(client, prefix, '', token, 1000) : null;
      pending?.catch(() => undefined);
      const objects = result.objects.map((obj) => ({ key: decodeUrlKey(obj.name), size: obj.size, obj }));
      yield { objects };
    }
  }

  /**
   * Number of objects and bytes under a prefix, recursively; with `limit`, counting stops
   * at the first page that reaches it (so a confirmation for a huge folder is quick).
   */
  async count(profileId: string, bucket: string, prefix: string, limit = Infinity): Promise<PrefixCount> {
    const total: PrefixCount = { objects: 0, bytes: 0, complete: true };
    const stop = new AbortController();
    for await (const page of this.walk(profileId, bucket, prefix, stop.signal)) {
      total.objects += page.objects.length;
      for (const o of page.objects) total.bytes += o.size;
      if (total.objects >= limit) {
        stop.abort();
        total.complete = false;
      }
    }
    return total;
  }
}
