/** Service- and bucket-level operations: list, create, delete, info, location, ACL. */
import { OssError, type RequestContext } from '../core/contract';
import { assertBucketName } from '../keys';
import type { Engine } from '../store/engine';
import type { Acl, BucketRecord, StorageClass } from '../store/types';
import { escapeXml } from '../xml/xml-build';
import { parseXmlBody, textOf } from '../xml/xml-parse';
import { header, intParam, isoTime, ownerXml, q, readSmallBody, sendBody, sendEmpty, sendXml } from './http-util';

const ACLS: readonly string[] = ['private', 'public-read', 'public-read-write'];
const STORAGE_CLASSES: readonly string[] = ['Standard', 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive'];

/** Parses `x-oss-acl` / `x-oss-object-acl`; absent -> fallback. */
export function parseAcl<T extends string>(value: string | undefined, fallback: T, allowDefault = false): Acl | T {
  if (value === undefined) return fallback;
  if (ACLS.includes(value) || (allowDefault && value === 'default')) return value as Acl;
  throw new OssError(400, 'InvalidArgument', 'no such bucket access control exists', '0015-00000204', { ArgumentName: 'x-oss-acl', ArgumentValue: value });
}

export function parseStorageClass(value: string | undefined, fallback: StorageClass): StorageClass {
  if (value === undefined || value === '') return fallback;
  const match = STORAGE_CLASSES.find((c) => c.toLowerCase() === value.toLowerCase());
  if (!match) throw new OssError(400, 'InvalidArgument', 'Invalid storage class.', '0016-00000102', { ArgumentName: 'x-oss-storage-class', ArgumentValue: value });
  return match as StorageClass;
}

function accountOf(ctx: RequestContext): string {
  if (!ctx.principal) throw new OssError(403, 'AccessDenied', 'Anonymous access is forbidden for this operation.', '0003-00000001');
  return ctx.principal.accountId;
}

function bucketXml(b: BucketRecord): Record<string, string> {
  return {
    CreationDate: isoTime(b.createdAt),
    ExtranetEndpoint: `${b.region}.aliyuncs.com`,
    IntranetEndpoint: `${b.region}-internal.aliyuncs.com`,
    Location: b.region,
    Name: b.name,
    Region: b.region.replace(/^oss-/, ''),
    StorageClass: b.storageClass,
  };
}

export async function listBuckets(engine: Engine, ctx: RequestContext): Promise<void> {
  const account = accountOf(ctx);
  const prefix = q(ctx, 'prefix') ?? '';
  const marker = q(ctx, 'marker') ?? '';
  const maxKeysParam = q(ctx, 'max-keys');
  const maxKeys = intParam(maxKeysParam, 'max-keys', 1000, 1, 1000);
  const mine = engine.listBuckets().filter((b) => b.ownerAccountId === account && b.name.startsWith(prefix) && b.name > marker);
  const page = mine.slice(0, maxKeys);
  const truncated = mine.length > page.length;
  const paged = q(ctx, 'prefix') !== undefined || q(ctx, 'marker') !== undefined || maxKeysParam !== undefined;
  sendXml(ctx, 200, 'ListAllMyBucketsResult', {
    Prefix: paged ? prefix : undefined,
    Marker: paged ? marker : undefined,
    MaxKeys: paged ? maxKeys : undefined,
    IsTruncated: paged ? truncated : undefined,
    NextMarker: truncated ? page[page.length - 1]?.name : undefined,
    Owner: ownerXml(account),
    Buckets: { Bucket: page.map(bucketXml) },
  });
}

export async function putBucket(engine: Engine, ctx: RequestContext): Promise<void> {
  const account = accountOf(ctx);
  const name = ctx.bucket as string;
  assertBucketName(name);
  const acl = parseAcl(header(ctx, 'x-oss-acl'), 'private');
  const body = (await readSmallBody(ctx)).toString('utf8');
  let storageClass: StorageClass = 'Standard';
  let redundancy: 'LRS' | 'ZRS' = 'LRS';
  if (body.trim()) {
    const config = parseXmlBody(body, 'CreateBucketConfiguration');
    storageClass = parseStorageClass(textOf(config, 'StorageClass'), 'Standard');
    const r = textOf(config, 'DataRedundancyType');
    if (r !== undefined && r !== 'LRS' && r !== 'ZRS') throw new OssError(400, 'InvalidArgument', 'Invalid DataRedundancyType.', '0015-00000105');
    if (r) redundancy = r;
  }
  await engine.createBucket({ name, region: ctx.region, ownerAccountId: account, acl, storageClass, dataRedundancyType: redundancy, createdAt: ctx.now().getTime(), cors: null });
  sendEmpty(ctx, 200, { Location: `/${name}` });
}

export async function deleteBucket(engine: Engine, ctx: RequestContext): Promise<void> {
  await engine.deleteBucket(ctx.bucket as string);
  sendEmpty(ctx, 204);
}

export async function getBucketInfo(engine: Engine, ctx: RequestContext): Promise<void> {
  const b = engine.requireBucket(ctx.bucket as string).record;
  sendXml(ctx, 200, 'BucketInfo', {
    Bucket: {
      AccessMonitor: 'Disabled',
      CreationDate: isoTime(b.createdAt),
      ExtranetEndpoint: `${b.region}.aliyuncs.com`,
      IntranetEndpoint: `${b.region}-internal.aliyuncs.com`,
      Location: b.region,
      StorageClass: b.storageClass,
      TransferAcceleration: 'Disabled',
      CrossRegionReplication: 'Disabled',
      DataRedundancyType: b.dataRedundancyType,
      Name: b.name,
      Owner: ownerXml(b.ownerAccountId),
      AccessControlList: { Grant: b.acl },
      ServerSideEncryptionRule: { SSEAlgorithm: 'None' },
      BucketPolicy: { LogBucket: '', LogPrefix: '' },
    },
  });
}

/** HEAD on a bucket: 200 with no body when it exists. */
export async function headBucket(engine: Engine, ctx: RequestContext): Promise<void> {
  engine.requireBucket(ctx.bucket as string);
  sendEmpty(ctx, 200);
}

export async function getBucketLocation(engine: Engine, ctx: RequestContext): Promise<void> {
  const b = engine.requireBucket(ctx.bucket as string).record;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<LocationConstraint>${escapeXml(b.region)}</LocationConstraint>`;
  sendBody(ctx, 200, Buffer.from(xml), { 'Content-Type': 'application/xml' });
}

export async function getBucketAcl(engine: Engine, ctx: RequestContext): Promise<void> {
  const b = engine.requireBucket(ctx.bucket as string).record;
  sendXml(ctx, 200, 'AccessControlPolicy', { Owner: ownerXml(b.ownerAccountId), AccessControlList: { Grant: b.acl } });
}

export async function putBucketAcl(engine: Engine, ctx: RequestContext): Promise<void> {
  const state = engine.requireBucket(ctx.bucket as string);
  const value = header(ctx, 'x-oss-acl');
  if (value === undefined) throw new OssError(400, 'InvalidArgument', 'x-oss-acl header is required.', '0015-00000204');
  engine.saveBucket({ ...state.record, acl: parseAcl(value, 'private') });
  sendEmpty(ctx, 200, { Location: `/${state.record.name}` });
}

/** GetBucketStat: sizes and counts per storage class, computed from the live index. */
export async function getBucketStat(engine: Engine, ctx: RequestContext): Promise<void> {
  const state = engine.requireBucket(ctx.bucket as string);
  const by: Record<StorageClass, { bytes: number; count: number }> = {
    Standard: { bytes: 0, count: 0 }, IA: { bytes: 0, count: 0 }, Archive: { bytes: 0, count: 0 },
    ColdArchive: { bytes: 0, count: 0 }, DeepColdArchive: { bytes: 0, count: 0 },
  };
  let bytes = 0;
  let lastModified = 0;
  for (const o of state.objects.values()) {
    by[o.storageClass].bytes += o.size;
    by[o.storageClass].count += 1;
    bytes += o.size;
    lastModified = Math.max(lastModified, o.lastModified);
  }
  sendXml(ctx, 200, 'BucketStat', {
    Storage: bytes,
    ObjectCount: state.objects.size,
    MultipartUploadCount: state.uploads.size,
    LiveChannelCount: 0,
    LastModifiedTime: Math.floor(lastModified / 1000),
    StandardStorage: by.Standard.bytes,
    StandardObjectCount: by.Standard.count,
    InfrequentAccessStorage: by.IA.bytes,
    InfrequentAccessRealStorage: by.IA.bytes,
    InfrequentAccessObjectCount: by.IA.count,
    ArchiveStorage: by.Archive.bytes,
    ArchiveRealStorage: by.Archive.bytes,
    ArchiveObjectCount: by.Archive.count,
    ColdArchiveStorage: by.ColdArchive.bytes,
    ColdArchiveRealStorage: by.ColdArchive.bytes,
    ColdArchiveObjectCount: by.ColdArchive.count,
    DeepColdArchiveStorage: by.DeepColdArchive.bytes,
    DeepColdArchiveRealStorage: by.DeepColdArchive.bytes,
    DeepColdArchiveObjectCount: by.DeepColdArchive.count,
  });
}
