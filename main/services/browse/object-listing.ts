/**
 * Folder listings for the browse feature (one ListObjectsV2 page per call, pulled by the
 * renderer, with the next page read ahead) and recursive walks under a prefix (for counting,
 * searching, deleting and copying folders), over oss/list-objects.ts.
 */
import type { ObjectPage, ObjectRow, PrefixCount } from '../../../shared/object-types';
import type { ClientProvider } from '../oss/client-provider';
import { listV2Raw, walkObjects, type ListV2Result, type WalkPage } from '../oss/list-objects';
import { decodeUrlKey, objectRow, prefixRow } from '../oss/object-rows';
import { PagePrefetch } from './page-prefetch';

export interface ListPageRequest {
  profileId: string;
  bucket: string;
  prefix: string;
  delimiter: string;
  continuationToken?: string | null | undefined;
  maxKeys: number;
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

  /** Every object under `prefix`, a page at a time (see walkObjects). */
  async *walk(profileId: string, bucket: string, prefix: string, signal?: AbortSignal): AsyncGenerator<WalkPage> {
    yield* walkObjects(await this.clients.forBucket(profileId, bucket), prefix, signal);
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
