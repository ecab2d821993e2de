/** The store's persistent records: buckets, objects, multipart uploads. */

export type Acl = 'private' | 'public-read' | 'public-read-write';
export type ObjectAcl = 'default' | Acl;
export type StorageClass = 'Standard' | 'IA' | 'Archive' | 'ColdArchive' | 'DeepColdArchive';
export type ObjectType = 'Normal' | 'Multipart' | 'Appendable' | 'Symlink';

/** One CORS rule as PutBucketCors stores it. */
export interface CorsRule {
  allowedOrigins: string[];
  allowedMethods: string[];
  allowedHeaders: string[];
  exposeHeaders: string[];
  maxAgeSeconds?: number;
}

export interface BucketRecord {
  name: string;
  region: string;
  ownerAccountId: string;
  acl: Acl;
  storageClass: StorageClass;
  dataRedundancyType: 'LRS' | 'ZRS';
  createdAt: number;
  cors: { rules: CorsRule[]; responseVary: boolean } | null;
}

/** A contiguous piece of an object's body stored as one blob. */
export interface Segment {
  blob: string;
  size: number;
}

/** RestoreObject's JobParameters/Tier. */
export type RestoreTier = 'Expedited' | 'Standard' | 'Bulk';

export interface RestoreState {
  /** When the restored copy becomes readable (ms since epoch). */
  readyAt: number;
  /** Restore priority (ColdArchive/DeepColdArchive: Expedited, Standard or Bulk). */
  tier?: RestoreTier;
  /** When the restored copy expires again. */
  expiresAt: number;
}

export interface ObjectRecord {
  key: string;
  size: number;
  /** Bare uppercase ETag (rendered in quotes). */
  etag: string;
  /** CRC-64/ECMA decimal. */
  crc64: string;
  lastModified: number;
  type: ObjectType;
  storageClass: StorageClass;
  acl: ObjectAcl;
  contentType: string;
  /** Standard headers kept verbatim: cache-control, content-disposition, content-encoding, content-language, expires. */
  headers: Record<string, string>;
  /** x-oss-meta-* without the prefix, names lowercased. */
  userMeta: Record<string, string>;
  tags: Array<[string, string]>;
  segments: Segment[];
  symlinkTarget?: string;
  restore?: RestoreState;
}

export interface PartRecord {
  partNumber: number;
  etag: string;
  crc64: string;
  size: number;
  blob: string;
  lastModified: number;
}

export interface UploadRecord {
  uploadId: string;
  key: string;
  initiated: number;
  storageClass: StorageClass;
  acl: ObjectAcl;
  contentType: string;
  headers: Record<string, string>;
  userMeta: Record<string, string>;
  tags: Array<[string, string]>;
}
