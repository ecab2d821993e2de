/**
 * Copies and moves objects and folders, within a bucket or across buckets. OSS copies
 * server-side only within a region; across regions the bytes are streamed from a GET into
 * a PUT (nothing is held in memory or on disk). Folders are listed a page at a time; each
 * page is copied a few keys in parallel and, for a move, the copied source keys are then
 * deleted in one batch. Objects above the single-copy limit (1 GB) are copied with
 * multipart UploadPartCopy on a client of their own, so cancelling one never cancels
 * anybody else's work. Every path carries the object's ACL, storage class and tags
 * (copy-properties.ts says why).
 */
import type OSS from 'ali-oss';
import { AppException, ErrorCode } from '../../../shared/errors';
import type { ClientProvider } from '../oss/client-provider';
import { forEachLimited } from '../oss/concurrency';
import { deleteBatch } from './object-delete';
import { carriedHeaders, multipartCopyObject, SINGLE_COPY_LIMIT } from '../oss/multipart-copy';
import { copyObject } from '../oss/raw-copy';
import type { ObjectListing } from './object-listing';
import type { OperationContext } from './operation-runner';
import { failureOf } from '../oss/describe-error';
import { propertyHeaders, sourceAcl, sourceTagging } from '../oss/copy-properties';
import type { CopyConflicts, ObjectAcl } from '../../../shared/object-types';
import { findCopyConflicts, type CopyConflictRequest } from './copy-conflicts';

/** One thing to copy: an object, or a folder (every key under `from`) mapped onto `to`. */
export interface CopySource {
  from: string;
  to: string;
  isPrefix: boolean;
}

export interface CopyPlan {
  profileId: string;
  sourceBucket: string;
  targetBucket: string;
  sources: CopySource[];
  /** Delete each source key after it was copied. */
  move: boolean;
  /** Keep existing target keys: such keys fail with FileAlreadyExists (renames never overwrite). */
  noOverwrite?: boolean;
  /** With noOverwrite: a key that already exists at the target is skipped (reported as skipped, not failed). */
  skipExisting?: boolean;
}

export interface ObjectCopierOptions {
  /** Objects larger than this use multipart copy (OSS CopyObject stops at 1 GB). */
  multipartThreshold?: number;
  /** Part size for multipart copy; by default 64 MiB or larger so at most 9,000 parts are used. */
  partSize?: number;
  /** Copies in flight at once. */
  parallel?: number;
}

/** One key to copy; `acl` is read before the copy when the listing did not give it. */
interface CopyPair {
  from: string;
  to: string;
  size: number;
  storageClass?: string;
  acl?: ObjectAcl;
}

/** Largest object a single PutObject accepts. */
const PUT_LIMIT = 5 * 1024 * 1024 * 1024;

function regionOf(client: OSS): string {
  return (client as unknown as { options: { region?: string } }).options.region ?? '';
}

/** GET piped into PUT, for buckets in different regions; headers and x-oss-meta-* are carried. */
async function streamCopy(source: OSS, target: OSS, pair: CopyPair & { acl: ObjectAcl }, noOverwrite: boolean): Promise<void> {
  if (pair.size > PUT_LIMIT) {
    throw new AppException({
      code: 'EntityTooLarge',
      message: `"${pair.from}" is larger than 5 GB and cannot be copied to a bucket in another region in one request.`,
      hint: 'Download it and upload it to the other bucket instead.',
    });
  }
  const got = await source.getStream(pair.from);
  const headers = got.res.headers as Record<string, string>;
  const body = got.stream as NodeJS.ReadableStream & { destroy(): void };
  try {
    const carried = {
      ...carriedHeaders(headers),
      ...propertyHeaders({ acl: pair.acl, storageClass: headers['x-oss-storage-class'], tagging: await sourceTagging(source, pair.from, headers) }),
    };
    if (noOverwrite) carried['x-oss-forbid-overwrite'] = 'true';
    await target.putStream(pair.to, body, { contentLength: Number(headers['content-length'] ?? pair.size), headers: carried } as OSS.PutStreamOptions);
  } finally {
    // A refused PUT leaves the GET's socket open otherwise.
    body.destroy();
  }
}

/** True for OSS's answer to a write refused by x-oss-forbid-overwrite. */
function isAlreadyExists(error: unknown): boolean {
  return (error as { code?: string }).code === 'FileAlreadyExists' || (error as { status?: number }).status === 409;
}

/** Throws when a plan would copy a folder into itself (a never-ending copy). */
export function assertNoSelfNesting(plan: Pick<CopyPlan, 'sourceBucket' | 'targetBucket' | 'sources'>): void {
  if (plan.sourceBucket !== plan.targetBucket) return;
  for (const s of plan.sources) {
    if (s.from === s.to) {
      throw new AppException({ code: ErrorCode.InvalidArgument, message: `"${s.from}" would be copied onto itself.`, hint: 'Choose another folder or name.' });
    }
    if (s.isPrefix && s.to.startsWith(s.from)) {
      throw new AppException({ code: ErrorCode.InvalidArgument, message: `The folder "${s.from}" cannot be copied or moved into itself.`, hint: 'Choose a destination outside that folder.' });
    }
  }
}

/** The copy/move engine. */
export class ObjectCopier {
  private readonly threshold: number;
  private readonly parallel: number;

  constructor(
    private readonly clients: ClientProvider,
    private readonly listing: ObjectListing,
    private readonly options: ObjectCopierOptions = {},
  ) {
    this.threshold = options.multipartThreshold ?? SINGLE_COPY_LIMIT;
    this.parallel = options.parallel ?? 8;
  }

  /** True when `key` exists in the bucket (a folder: when anything is stored under it). */
  async keyTaken(profileId: string, bucket: string, key: string, isPrefix: boolean): Promise<boolean> {
    const client = await this.clients.forBucket(profileId, bucket);
    if (isPrefix) {
      const page = await client.list({ prefix: key, 'max-keys': 1 }, {});
      return (page.objects?.length ?? 0) > 0 || (page.prefixes?.length ?? 0) > 0;
    }
    try {
      await client.head(key);
      return true;
    } catch (error) {
      if ((error as { status?: number }).status === 404) return false;
      throw error;
    }
  }

  /** Which items already have a namesake at the target (see copy-conflicts.ts). */
  conflicts(request: CopyConflictRequest): Promise<CopyConflicts> {
    return findCopyConflicts(this.clients, (key, isPrefix) => this.keyTaken(request.profileId, request.targetBucket, key, isPrefix), request);
  }

  /** The body of a copy/move operation. */
  async run(ctx: OperationContext, plan: CopyPlan): Promise<void> {
    assertNoSelfNesting(plan);
    const source = await this.clients.forBucket(plan.profileId, plan.sourceBucket);
    const target = plan.targetBucket === plan.sourceBucket ? source : await this.clients.forBucket(plan.profileId, plan.targetBucket);

    const crossRegion = regionOf(source) !== regionOf(target);
    const singles = plan.sources.filter((s) => !s.isPrefix);
    ctx.addTotal(singles.length);
    if (singles.length > 0) {
      const sized = await this.sizeOf(source, singles, ctx);
      await this.copyPage(ctx, plan, source, target, sized, crossRegion);
    }
    for (const folder of plan.sources.filter((s) => s.isPrefix)) {
      for await (const page of this.listing.walk(plan.profileId, plan.sourceBucket, folder.from, ctx.signal)) {
        ctx.addTotal(page.objects.length);
        const pairs = page.objects.map((o) => ({ from: o.key, to: folder.to + o.key.slice(folder.from.length), size: o.size, storageClass: o.obj.storageClass || undefined }));
        await this.copyPage(ctx, plan, source, target, pairs, crossRegion);
        if (ctx.signal.aborted) return;
      }
    }
    ctx.scanDone();
  }

  /** Size and storage class of single objects (HEAD), so big ones take the multipart path. */
  private async sizeOf(source: OSS, singles: CopySource[], ctx: OperationContext): Promise<CopyPair[]> {
    const sized: CopyPair[] = [];
    await forEachLimited(
      singles,
      this.parallel,
      async (s) => {
        try {
          const headers = (await source.head(s.from)).res.headers as Record<string, string>;
          sized.push({ from: s.from, to: s.to, size: Number(headers['content-length'] ?? 0), storageClass: headers['x-oss-storage-class'] });
        } catch (error) {
          ctx.failed([failureOf(s.from, error)]);
        }
      },
      ctx.signal,
    );
    return sized;
  }

  private async copyPage(
    ctx: OperationContext,
    plan: CopyPlan,
    source: OSS,
    target: OSS,
    pairs: CopyPair[],
    crossRegion: boolean,
  ): Promise<void> {
    const copied: string[] = [];
    ctx.addBytesTotal(pairs.reduce((sum, p) => sum + p.size, 0));
    await forEachLimited(
      pairs,
      this.parallel,
      async (pair) => {
        let reported = 0;
        const progress = (bytes: number): void => {
          ctx.bytesCopied(bytes - reported);
          reported = bytes;
        };
        try {
          const withAcl = { ...pair, acl: pair.acl ?? (await sourceAcl(source, pair.from)) };
          if (crossRegion) await streamCopy(source, target, withAcl, plan.noOverwrite === true);
          else if (pair.size > this.threshold) await this.multipartCopy(plan, withAcl, ctx.signal, progress);
          else {
            // CopyObject copies metadata and tags itself; the ACL and class must be named.
            const headers = propertyHeaders({ acl: withAcl.acl, storageClass: pair.storageClass });
            if (plan.noOverwrite) headers['x-oss-forbid-overwrite'] = 'true';
            await copyObject(target, pair.to, plan.sourceBucket, pair.from, headers);
          }
          progress(pair.size);
          if (plan.move) copied.push(pair.from);
          else ctx.succeeded(1);
        } catch (error) {
          // A copy stopped by the user's cancel is not a failure of that key.
          if (ctx.signal.aborted) return;
          if (plan.skipExisting && isAlreadyExists(error)) ctx.skipped(1);
          else ctx.failed([failureOf(pair.from, error)]);
        }
      },
      ctx.signal,
    );
    // A move counts a key as done once its source is gone too; a source that stays says so.
    const afterCopy: OperationContext = {
      ...ctx,
      failed: (failures) => ctx.failed(failures.map((f) => ({ ...f, message: `Copied, but the original was not deleted: ${f.message}` }))),
    };
    for (let i = 0; i < copied.length; i += 1000) {
      await deleteBatch(source, copied.slice(i, i + 1000), afterCopy);
    }
  }

  /** UploadPartCopy for objects above the single-copy limit; metadata, type, ACL, class and tags are carried over. */
  private async multipartCopy(
    plan: CopyPlan,
    pair: CopyPair & { acl: ObjectAcl },
    signal: AbortSignal,
    onProgress: (bytes: number) => void,
  ): Promise<void> {
    const source = await this.clients.forBucket(plan.profileId, plan.sourceBucket);
    const head = (await source.head(pair.from)).res.headers as Record<string, string>;
    const headers = {
      ...carriedHeaders(head),
      ...propertyHeaders({ acl: pair.acl, storageClass: head['x-oss-storage-class'], tagging: await sourceTagging(source, pair.from, head) }),
    };
    if (plan.noOverwrite) headers['x-oss-forbid-overwrite'] = 'true';
    await multipartCopyObject(this.clients, {
      profileId: plan.profileId,
      sourceBucket: plan.sourceBucket,
      from: pair.from,
      targetBucket: plan.targetBucket,
      to: pair.to,
      size: pair.size,
      headers,
      partSize: this.options.partSize,
      signal,
      onProgress,
    });
  }
}
