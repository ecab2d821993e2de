/**
 * Deletes objects and whole folders: keys under a folder are listed a page at a time and
 * removed with DeleteMultipleObjects (quiet, 1000 keys per request). When a batch request
 * fails as a whole (e.g. the RAM policy denies some of its keys), its keys are deleted one
 * by one so the user learns exactly which keys failed and why.
 */
import type OSS from 'ali-oss';
import { AppException, ErrorCode } from '../../../shared/errors';
import type { ClientProvider } from '../oss/client-provider';
import { forEachLimited } from '../oss/concurrency';
import type { ObjectListing } from './object-listing';
import type { OperationContext } from './operation-runner';
import { failureOf, isNotFound } from '../oss/describe-error';

/** What to delete: single objects, or folders (every key under `key`). */
export interface DeleteItem {
  key: string;
  isPrefix: boolean;
}

const BATCH = 1000;
const SINGLE_DELETE_PARALLEL = 8;

/** Deletes one batch (≤ 1000 keys), reporting successes and per-key failures to `ctx`. */
export async function deleteBatch(client: OSS, keys: string[], ctx: OperationContext): Promise<void> {
  if (keys.length === 0) return;
  try {
    await client.deleteMulti(keys, { quiet: true });
    ctx.succeeded(keys.length);
    return;
  } catch {
    // Fall through: find out key by key which ones fail and why.
  }
  await forEachLimited(
    keys,
    SINGLE_DELETE_PARALLEL,
    async (key) => {
      try {
        await client.delete(key);
        ctx.succeeded(1);
      } catch (error) {
        if (isNotFound(error)) ctx.succeeded(1);
        else ctx.failed([failureOf(key, error)]);
      }
    },
    ctx.signal,
  );
}

/** Refuses folder items whose key lacks the trailing '/': 'a' would also cover 'ab/…'. */
export function assertFolderKeys(items: Array<{ key: string; isPrefix: boolean }>): void {
  const bad = items.find((i) => i.isPrefix && !i.key.endsWith('/'));
  if (bad) throw new AppException({ code: ErrorCode.InvalidArgument, message: `The folder "${bad.key}" must end with "/".` });
}

/** Recursive deletion of a selection. */
export class ObjectDeleter {
  constructor(
    private readonly clients: ClientProvider,
    private readonly listing: ObjectListing,
  ) {}

  /** The body of a delete operation. */
  async run(ctx: OperationContext, profileId: string, bucket: string, items: DeleteItem[]): Promise<void> {
    assertFolderKeys(items);
    const client = await this.clients.forBucket(profileId, bucket);
    const singles = items.filter((i) => !i.isPrefix).map((i) => i.key);
    ctx.addTotal(singles.length);
    for (let i = 0; i < singles.length && !ctx.signal.aborted; i += BATCH) {
      await deleteBatch(client, singles.slice(i, i + BATCH), ctx);
    }
    for (const folder of items.filter((i) => i.isPrefix)) {
      for await (const page of this.listing.walk(profileId, bucket, folder.key, ctx.signal)) {
        ctx.addTotal(page.objects.length);
        await deleteBatch(
          client,
          page.objects.map((o) => o.key),
          ctx,
        );
        if (ctx.signal.aborted) return;
      }
    }
    ctx.scanDone();
  }
}
