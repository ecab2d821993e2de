/**
 * Before a paste, drag or "Move to…" into another folder: which of the items already have
 * a namesake there (a file: that key exists; a folder: anything is stored under it). The
 * renderer asks the user about those before anything is replaced. Bounded for 10,000
 * items: a few items are checked one request each; many items read the target folder a
 * page at a time (at most MAX_PAGES pages) and only what that did not settle is checked
 * one by one, a few requests at a time.
 */
import type { CopyConflicts } from '../../../shared/object-types';
import { baseName } from '../../../shared/oss-path';
import type { ClientProvider } from '../oss/client-provider';
import { forEachLimited } from '../oss/concurrency';
import { listV2Raw } from '../oss/list-objects';
import { decodeUrlKey } from '../oss/object-rows';

export interface CopyConflictRequest {
  profileId: string;
  items: Array<{ key: string; isPrefix: boolean }>;
  targetBucket: string;
  targetPrefix: string;
}

/** Up to this many items are checked one request each; more read the target folder's listing. */
export const DIRECT_CHECK_LIMIT = 50;
/** Pages (1000 entries each) of the target folder read before the rest is checked item by item. */
export const MAX_PAGES = 10;
const PARALLEL = 8;

/** True when `key` exists in the bucket (a folder: when anything is stored under it). */
export type KeyTaken = (key: string, isPrefix: boolean) => Promise<boolean>;

/** The names (folders end with '/') of items already taken at the target, in request order. */
export async function findCopyConflicts(clients: ClientProvider, taken: KeyTaken, request: CopyConflictRequest): Promise<CopyConflicts> {
  const names = request.items.map((it) => baseName(it.key) + (it.isPrefix ? '/' : ''));
  const found = new Set<string>();
  let unsettled = [...new Set(names)];
  if (unsettled.length > DIRECT_CHECK_LIMIT) {
    const client = await clients.forBucket(request.profileId, request.targetBucket);
    const wanted = new Set(unsettled);
    let token: string | null = null;
    let complete = false;
    for (let page = 0; page < MAX_PAGES; page++) {
      const result = await listV2Raw(client, request.targetPrefix, '/', token, 1000);
      for (const p of result.prefixes) {
        const name = decodeUrlKey(p).slice(request.targetPrefix.length);
        if (wanted.has(name)) found.add(name);
      }
      for (const o of result.objects) {
        const name = decodeUrlKey(o.name).slice(request.targetPrefix.length);
        if (wanted.has(name)) found.add(name);
      }
      token = result.isTruncated ? result.nextContinuationToken : null;
      if (!token) {
        complete = true;
        break;
      }
    }
    // A finished listing settles every name; otherwise what it has not seen is checked directly.
    unsettled = complete ? [] : unsettled.filter((n) => !found.has(n));
  }
  await forEachLimited(unsettled, PARALLEL, async (name) => {
    const isPrefix = name.endsWith('/');
    if (await taken(request.targetPrefix + name, isPrefix)) found.add(name);
  });
  const seen = new Set<string>();
  return { names: names.filter((n) => found.has(n) && !seen.has(n) && seen.add(n)) };
}
