/**
 * Plain, serialisable shapes the browse feature sends over IPC. Rows are deliberately flat
 * and small: the renderer keeps up to 100,000 of them in memory and sorts them in place.
 */
import type { AppError } from './errors';

/** OSS storage classes. */
export const STORAGE_CLASSES = ['Standard', 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive'] as const;
export type StorageClass = (typeof STORAGE_CLASSES)[number];

/** Canned ACLs for buckets. */
export const BUCKET_ACLS = ['private', 'public-read', 'public-read-write'] as const;
export type BucketAcl = (typeof BUCKET_ACLS)[number];

/** Canned ACLs for objects; 'default' follows the bucket. */
export const OBJECT_ACLS = ['default', 'private', 'public-read', 'public-read-write'] as const;
export type ObjectAcl = (typeof OBJECT_ACLS)[number];

/** One row of a folder listing: an object, or a common prefix (a "folder"). */
export interface ObjectRow {
  /** Full key, byte-exact; folders end with '/'. */
  key: string;
  /** Key relative to the listed prefix, without a folder's trailing '/'. */
  name: string;
  isPrefix: boolean;
  /** Bytes; 0 for folders. */
  size: number;
  /** Epoch milliseconds; 0 for folders. */
  lastModified: number;
  /** ETag without quotes; '' for folders. */
  etag: string;
  /** '' for folders. */
  storageClass: string;
  /** OSS object type (Normal, Multipart, Appendable, Symlink) when known. */
  type?: string;
}

/** One page of a listing; `nextToken` null means the listing is complete. */
export interface ObjectPage {
  rows: ObjectRow[];
  nextToken: string | null;
}

/** A bucket as the sidebar shows it. */
export interface BucketRow {
  name: string;
  region: string;
  storageClass: string;
  /** Epoch milliseconds. */
  creationDate: number;
}

/** What the bucket info panel shows. */
export interface BucketInfo extends BucketRow {
  acl: string;
  extranetEndpoint: string;
  intranetEndpoint: string;
  /** Number of CORS rules and the origins they allow (empty when none are set). */
  cors: { rules: number; allowedOrigins: string[]; allowedMethods: string[] };
  /** True when the user may not read the CORS rules: `cors` is then empty. */
  corsUnavailable?: boolean;
  versioning: string;
}

/** Archive restore progress as read from `x-oss-restore`. */
export interface RestoreState {
  /** 'not-needed' for classes readable at once; 'archived' when a restore must be asked for. */
  state: 'not-needed' | 'archived' | 'in-progress' | 'restored';
  /** Epoch milliseconds when a restored copy expires, when known. */
  expiresAt?: number;
}

/** Editable HTTP headers of an object. */
export interface ObjectHeaders {
  contentType?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  contentLanguage?: string;
  cacheControl?: string;
  expires?: string;
}

/** The details pane of one object. */
export interface ObjectDetails {
  bucket: string;
  key: string;
  size: number;
  lastModified: number;
  etag: string;
  /** `x-oss-hash-crc64ecma` as a decimal string (64-bit). */
  crc64: string | null;
  storageClass: string;
  /** Normal, Multipart, Appendable or Symlink. */
  objectType: string;
  restore: RestoreState;
  headers: ObjectHeaders;
  /** `x-oss-meta-*` without the prefix, lowercase names as OSS returns them. */
  meta: Record<string, string>;
  acl: ObjectAcl;
  /** True when the user may not read the ACL (e.g. a read-only RAM user): `acl` is then a guess. */
  aclUnavailable?: boolean;
  /** The unsigned object URL (works only for public objects). */
  url: string;
  /** The target key when the object is a symlink. */
  symlinkTarget?: string;
}

/** Totals under a prefix, for confirmations ("Delete 2,000 objects?"). */
export interface PrefixCount {
  objects: number;
  bytes: number;
  /** False when counting stopped at the requested limit: there are at least `objects`. */
  complete?: boolean;
}

/** A key that a long operation could not process, and why. */
export interface FailedKey {
  key: string;
  code: string;
  message: string;
  /** OSS request ID of the failed request, for support tickets. */
  requestId?: string;
  /** OSS EC code of the failure. */
  ec?: string;
}

/** The kinds of long-running object operations. */
export type OperationKind = 'delete' | 'copy' | 'move';

/** Progress of a long operation, sent as `objects:operation-progress` events. */
/** Items of a copy/move whose names are already taken at the target (objects:copy-conflicts). */
export interface CopyConflicts {
  /** Names (relative to the target folder; folders end with '/') that already exist, in request order. */
  names: string[];
}

export interface OperationProgress {
  operationId: string;
  kind: OperationKind;
  /** Keys processed so far (succeeded + failed). */
  done: number;
  /** Keys found so far; final once `scanning` is false. */
  total: number;
  /** True while keys under folders are still being listed, so `total` may still grow. */
  scanning: boolean;
  /** Copy/move only: bytes copied so far (advances part by part for multipart copies). */
  bytesDone?: number;
  /** Copy/move only: bytes of the keys found so far. */
  bytesTotal?: number;
  /**
   * Keys that failed, with the OSS code and message: the new ones since the previous event,
   * and on the final event (finished: true) the complete list.
   */
  failed: FailedKey[];
  /** Number of keys failed so far. */
  failedCount: number;
  /** Copy/move only: keys left alone because they already existed at the target ("Skip those"); absent when none. */
  skipped?: number;
  /** True on the last event of the operation. */
  finished: boolean;
  cancelled: boolean;
  /** Set when the operation stopped as a whole (e.g. listing denied). */
  error?: AppError;
}

/** A batch of recursive-search results, sent as `objects:search-progress` events. */
export interface SearchProgress {
  searchId: string;
  /** Keys examined so far. */
  scanned: number;
  /** New matches since the previous event (not cumulative). */
  matches: ObjectRow[];
  done: boolean;
  cancelled: boolean;
  error?: AppError;
}

/** An incomplete multipart upload. */
export interface MultipartUploadRow {
  key: string;
  uploadId: string;
  /** Epoch milliseconds. */
  initiated: number;
}

/** A page of incomplete multipart uploads. */
export interface MultipartUploadPage {
  uploads: MultipartUploadRow[];
  /** Pass both back to get the next page; null when complete. */
  next: { keyMarker: string; uploadIdMarker: string } | null;
}

/** A short-lived URL the renderer can put in <img>/<audio>/<video>/<iframe>. */
export interface PreviewUrl {
  url: string;
  contentType: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** A thumbnail source: processed by OSS image processing, or the object itself. */
export interface ThumbnailUrl extends PreviewUrl {
  /** True when OSS resizes it (x-oss-process); false when the original is served. */
  processed: boolean;
}

/** The start of a text object, decoded. */
export interface TextPreview {
  text: string;
  /** 'utf-8', 'utf-16le', 'utf-16be', 'gb18030'. */
  encoding: string;
  /** True when the object is longer than what was read. */
  truncated: boolean;
  /** Full object size in bytes. */
  size: number;
  /** True when the content is not text (NUL bytes near the start): `text` is empty, nothing to show. */
  binary?: boolean;
}

/** A saved location for a profile. */
export interface Bookmark {
  bucket: string;
  prefix: string;
  /** Shown in the bookmarks menu; defaults to the address. */
  name: string;
  /** Epoch milliseconds. */
  createdAt: number;
}
