/**
 * Browse feature channels: buckets, folder listings, object actions, previews, bookmarks.
 * Every request names its profile; bucket requests name the bucket (main routes it to the
 * bucket's region). Long operations (delete, copy, move, search) return an id at once and
 * report through events, so a 100,000-key folder never blocks a reply.
 */
import { PREVIEW_LINK_SECONDS } from '../defaults';
import { z } from 'zod';
import { checkBucketName } from '../bucket-name';
import {
  BUCKET_ACLS,
  OBJECT_ACLS,
  STORAGE_CLASSES,
  type Bookmark,
  type BucketInfo,
  type BucketRow,
  type CopyConflicts,
  type MultipartUploadPage,
  type ObjectDetails,
  type ObjectPage,
  type ObjectRow,
  type OperationProgress,
  type PrefixCount,
  type PreviewUrl,
  type RestoreState,
  type SearchProgress,
  type TextPreview,
  type ThumbnailUrl,
} from '../object-types';
import { keyByteLength } from '../oss-path';
import { evt, out, req, type EventTable, type RequestTable } from './define';
import { boundedRecord } from './schema-bounds';

const profileId = z.string().min(1).max(200);
const bucket = z.string().min(3).max(63);
/** An object key: 1–1023 UTF-8 bytes, kept exactly as given. */
const key = z.string().min(1).max(1023).refine((k) => keyByteLength(k) <= 1023, 'An object key can be at most 1023 bytes.');
/** A folder prefix: '' (bucket root) or a key ending with '/'. */
const prefix = z.string().max(1023).refine((p) => keyByteLength(p) <= 1023, 'A prefix can be at most 1023 bytes.');
const inBucket = { profileId, bucket };
/** What a long operation acts on: objects, or whole folders (isPrefix, key ends with '/'). */
const item = z
  .object({ key, isPrefix: z.boolean() })
  // A folder without its trailing '/' would also match siblings ('a' covers 'ab/…').
  .refine((i) => !i.isPrefix || i.key.endsWith('/'), { message: 'A folder key must end with "/".', path: ['key'] });
const storageClass = z.enum(STORAGE_CLASSES);
const headers = z.object({
  contentType: z.string().max(1024).optional(),
  contentDisposition: z.string().max(2048).optional(),
  contentEncoding: z.string().max(256).optional(),
  contentLanguage: z.string().max(256).optional(),
  cacheControl: z.string().max(1024).optional(),
  expires: z.string().max(256).optional(),
});
/** x-oss-meta-* names: letters, digits, hyphen, underscore (OSS lowercases them). */
const meta = boundedRecord(z.string().max(128).regex(/^[A-Za-z0-9_-]{1,128}$/, 'Metadata names may use letters, digits, - and _.'), z.string().max(8192), 512).refine(
  (m) => Object.entries(m).reduce((n, [k, v]) => n + keyByteLength(k) + keyByteLength(v), 0) <= 8192,
  'User metadata can be at most 8 KB in total (names and values).',
);
const newBucketName = z.string().max(63).superRefine((name, ctx) => {
  const check = checkBucketName(name);
  if (!check.ok) ctx.addIssue({ code: 'custom', message: check.reason });
});

export const requests = {
  /** All buckets of the profile. */
  'buckets:list': req(z.object({ profileId }), out<BucketRow[]>()),
  /** Creates a bucket; the name is checked (shared/bucket-name.ts) before any request. */
  'buckets:create': req(
    z.object({
      profileId,
      name: newBucketName,
      region: z.string().min(1).max(64),
      storageClass: storageClass.default('Standard'),
      acl: z.enum(BUCKET_ACLS).default('private'),
    }),
    out<BucketRow>(),
  ),
  /** Deletes an empty bucket; a non-empty one fails with code BucketNotEmpty and a hint. */
  'buckets:delete': req(z.object(inBucket), out<void>()),
  'buckets:info': req(z.object(inBucket), out<BucketInfo>()),

  /** One page of a folder: 1000 keys per request by default, '/' as delimiter. */
  'objects:list': req(
    z.object({
      ...inBucket,
      prefix: prefix.default(''),
      delimiter: z.string().max(1).default('/'),
      continuationToken: z.string().max(4096).nullish(),
      maxKeys: z.number().int().min(1).max(1000).default(1000),
    }),
    out<ObjectPage>(),
  ),
  /** Counts every object (recursively) under a prefix, for delete confirmations. */
  'objects:count': req(
    z.object({
      ...inBucket,
      prefix,
      /** Stop after about this many objects (a confirmation can say "more than 100,000"). */
      limit: z.number().int().min(1).optional(),
    }),
    out<PrefixCount>(),
  ),
  /** Starts a recursive, case-insensitive substring search of keys under a prefix. */
  'objects:search-start': req(
    z.object({ ...inBucket, prefix: prefix.default(''), query: z.string().min(1).max(1023) }),
    out<{ searchId: string }>(),
  ),
  'objects:search-cancel': req(z.object({ searchId: z.string().min(1).max(200) }), out<void>()),

  /** Creates a folder (a zero-byte `prefix/name/` object). */
  'objects:create-folder': req(z.object({ ...inBucket, key }), out<ObjectRow>()),
  /** Size, type, dates, ETag, CRC64, storage class, restore state, metadata, ACL, URL. */
  'objects:head': req(z.object({ ...inBucket, key }), out<ObjectDetails>()),
  'objects:set-acl': req(z.object({ ...inBucket, key, acl: z.enum(OBJECT_ACLS) }), out<ObjectDetails>()),
  /** Replaces HTTP headers and all x-oss-meta-* (copy onto itself with REPLACE). */
  'objects:set-headers': req(z.object({ ...inBucket, key, headers, meta }), out<ObjectDetails>()),
  'objects:set-storage-class': req(z.object({ ...inBucket, key, storageClass }), out<ObjectDetails>()),
  /** Asks OSS to restore an Archive/ColdArchive object for `days`. */
  'objects:restore': req(
    z.object({
      ...inBucket,
      key,
      days: z.number().int().min(1).max(365),
      /** Retrieval speed for ColdArchive/DeepColdArchive (ignored for Archive). */
      tier: z.enum(['Expedited', 'Standard', 'Bulk']).default('Standard'),
    }),
    out<RestoreState>(),
  ),
  'objects:symlink-create': req(z.object({ ...inBucket, key, target: key }), out<ObjectRow>()),
  'objects:symlink-get': req(z.object({ ...inBucket, key }), out<{ target: string }>()),

  /** Deletes objects and folders (recursively, 1000 keys per request). */
  'objects:delete-start': req(z.object({ ...inBucket, items: z.array(item).min(1).max(10_000) }), out<{ operationId: string }>()),
  /**
   * Copies (or moves: copy then delete) objects and folders into `targetPrefix` of
   * `targetBucket` (same or another bucket); names are kept relative to their parent.
   */
  'objects:copy-start': req(
    z.object({
      ...inBucket,
      items: z.array(item).min(1).max(10_000),
      targetBucket: bucket,
      targetPrefix: prefix,
      move: z.boolean().default(false),
      /**
       * true: keys that already exist at the target are replaced. false (the default): they
       * are left alone and reported as skipped, so nothing is replaced unless asked for.
       */
      overwrite: z.boolean().default(false),
      /** true: an item whose name is taken at the target is saved as "name (copy).ext", "name (copy 2).ext"…; nothing is replaced. */
      keepBoth: z.boolean().default(false),
    }),
    out<{ operationId: string }>(),
  ),
  /**
   * Which items already have a namesake in `targetPrefix` of `targetBucket` (files: the key
   * exists; folders: anything is stored under it), so a paste can ask before replacing.
   */
  'objects:copy-conflicts': req(
    z.object({ profileId, items: z.array(item).min(1).max(10_000), targetBucket: bucket, targetPrefix: prefix }),
    out<CopyConflicts>(),
  ),
  /**
   * Renames one object or folder (folder: every key under it is copied, then deleted). Never
   * overwrites: a key that already exists at the new name fails with FileAlreadyExists and
   * its original stays.
   */
  'objects:rename-start': req(
    z
      .object({ ...inBucket, fromKey: key, toKey: key, isPrefix: z.boolean() })
      .refine((r) => !r.isPrefix || r.fromKey.endsWith('/'), { message: 'A folder key must end with "/".', path: ['fromKey'] }),
    out<{ operationId: string }>(),
  ),
  'objects:operation-cancel': req(z.object({ operationId: z.string().min(1).max(200) }), out<void>()),

  /** Incomplete multipart uploads in a bucket, 1000 per page. */
  'multipart:list': req(
    z.object({ ...inBucket, keyMarker: z.string().max(1023).optional(), uploadIdMarker: z.string().max(256).optional() }),
    out<MultipartUploadPage>(),
  ),
  'multipart:abort': req(z.object({ ...inBucket, key, uploadId: z.string().min(1).max(256) }), out<void>()),

  /**
   * A short-lived link to main's loopback preview server (http://127.0.0.1:PORT/p/<id>) for
   * image/audio/video/PDF preview; never a presigned OSS URL (no credential reaches the renderer).
   */
  'objects:preview-url': req(
    z.object({ ...inBucket, key, expiresSeconds: z.number().int().min(PREVIEW_LINK_SECONDS.min).max(PREVIEW_LINK_SECONDS.max).default(PREVIEW_LINK_SECONDS.default) }),
    out<PreviewUrl>(),
  ),
  /** A thumbnail link (loopback, like preview-url): resized by OSS where supported, else the object up to a size cap. */
  'objects:thumbnail-url': req(
    z.object({
      ...inBucket,
      key,
      size: z.number().int().min(16).max(1024).default(256),
      /** The object's size from the listing row: saves a HEAD per thumbnail in a grid. */
      objectSize: z.number().int().min(0).optional(),
    }),
    out<ThumbnailUrl | null>(),
  ),
  /** The start of a text object (1 MiB by default), decoded (UTF-8/16 with BOM, GB18030). */
  'objects:read-text': req(
    z.object({ ...inBucket, key, maxBytes: z.number().int().min(1).max(8 * 1024 * 1024).default(1024 * 1024) }),
    out<TextPreview>(),
  ),

  'bookmarks:list': req(z.object({ profileId }), out<Bookmark[]>()),
  /** Adds (or renames) a bookmark; returns the updated list. */
  'bookmarks:add': req(
    z.object({ profileId, bucket, prefix, name: z.string().max(200).optional() }),
    out<Bookmark[]>(),
  ),
  'bookmarks:remove': req(z.object({ profileId, bucket, prefix }), out<Bookmark[]>()),
} satisfies RequestTable;

export const events = {
  /** Batches of recursive-search matches; the last one has done: true. */
  'objects:search-progress': evt<SearchProgress>(),
  /** Progress of delete/copy/move operations; the last one has finished: true. */
  'objects:operation-progress': evt<OperationProgress>(),
} satisfies EventTable;
