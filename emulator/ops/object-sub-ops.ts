/** Object sub-resources: ACL, tagging, symlinks and archive restore. */
import { createHash } from 'node:crypto';
import { OssError, type RequestContext } from '../core/contract';
import { md5Etag, quoteEtag } from '../integrity/etag';
import { assertObjectKey } from '../keys';
import type { Engine } from '../store/engine';
import type { ObjectRecord, RestoreTier } from '../store/types';
import { listOf, malformed, parseXmlBody, textOf, type XmlIn } from '../xml/xml-parse';
import { parseAcl } from './bucket-ops';
import { header, httpTime, invalidArgument, ownerXml, readSmallBody, sendEmpty, sendXml, urlEncodeKey } from './http-util';
import { isArchived, metaFromRequest, noSuchKey, validateTags } from './object-meta';
import { writeTarget } from './write-target';

function requireObject(engine: Engine, ctx: RequestContext): ObjectRecord {
  const o = engine.requireBucket(ctx.bucket as string).objects.get(ctx.key as string);
  if (!o) throw noSuchKey(ctx.key as string);
  return o;
}

export async function getObjectAcl(engine: Engine, ctx: RequestContext): Promise<void> {
  const o = requireObject(engine, ctx);
  const owner = engine.requireBucket(ctx.bucket as string).record.ownerAccountId;
  sendXml(ctx, 200, 'AccessControlPolicy', { Owner: ownerXml(owner), AccessControlList: { Grant: o.acl } });
}

export async function putObjectAcl(engine: Engine, ctx: RequestContext): Promise<void> {
  const o = requireObject(engine, ctx);
  const value = header(ctx, 'x-oss-object-acl');
  if (value === undefined) throw invalidArgument('x-oss-object-acl is required.', 'x-oss-object-acl');
  await engine.putObject(ctx.bucket as string, { ...o, acl: parseAcl(value, 'default', true) });
  sendEmpty(ctx, 200);
}

export async function getObjectTagging(engine: Engine, ctx: RequestContext): Promise<void> {
  const o = requireObject(engine, ctx);
  sendXml(ctx, 200, 'Tagging', { TagSet: { Tag: o.tags.map(([Key, Value]) => ({ Key, Value })) } });
}

export async function putObjectTagging(engine: Engine, ctx: RequestContext): Promise<void> {
  const o = requireObject(engine, ctx);
  const root = parseXmlBody((await readSmallBody(ctx)).toString('utf8'), 'Tagging');
  const set = root.TagSet;
  const tagSet = typeof set === 'object' && set !== null ? (set as Record<string, unknown>) : {};
  const tags = listOf(tagSet, 'Tag').map((t): [string, string] => {
    const key = textOf(t, 'Key');
    if (key === undefined) throw malformed();
    return [key, textOf(t, 'Value') ?? ''];
  });
  validateTags(tags);
  await engine.putObject(ctx.bucket as string, { ...o, tags });
  sendEmpty(ctx, 200);
}

export async function deleteObjectTagging(engine: Engine, ctx: RequestContext): Promise<void> {
  const o = requireObject(engine, ctx);
  await engine.putObject(ctx.bucket as string, { ...o, tags: [] });
  sendEmpty(ctx, 204);
}

export async function putSymlink(engine: Engine, ctx: RequestContext): Promise<void> {
  const { bucket, key, state } = writeTarget(engine, ctx);
  const raw = header(ctx, 'x-oss-symlink-target');
  if (!raw) throw invalidArgument('x-oss-symlink-target is missing.', 'x-oss-symlink-target');
  let target: string;
  try {
    target = decodeURIComponent(raw);
  } catch {
    throw invalidArgument('x-oss-symlink-target is not URL-encoded correctly.', 'x-oss-symlink-target', raw);
  }
  assertObjectKey(target);
  if (header(ctx, 'x-oss-forbid-overwrite')?.toLowerCase() === 'true' && state.objects.has(key)) {
    throw new OssError(409, 'FileAlreadyExists', 'The object you specified already exists and can not be overwritten.', '0016-00000610');
  }
  const etag = md5Etag(createHash('md5').update(target).digest('hex'));
  await engine.putObject(bucket, {
    key, size: 0, etag, crc64: '0', lastModified: ctx.now().getTime(), type: 'Symlink',
    ...metaFromRequest(ctx, state.record.storageClass), segments: [], symlinkTarget: target,
  });
  sendEmpty(ctx, 200, { ETag: quoteEtag(etag) });
}

export async function getSymlink(engine: Engine, ctx: RequestContext): Promise<void> {
  const o = requireObject(engine, ctx);
  if (o.type !== 'Symlink') throw new OssError(400, 'NotSymlink', 'The specified object is not a symlink.', '0026-00000010');
  const headers: Record<string, string> = {
    'x-oss-symlink-target': urlEncodeKey(o.symlinkTarget ?? ''),
    ETag: quoteEtag(o.etag),
    'Last-Modified': httpTime(o.lastModified),
  };
  for (const [name, value] of Object.entries(o.userMeta)) headers[`x-oss-meta-${name}`] = value;
  sendEmpty(ctx, 200, headers);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a RestoreRequest body asks for: the days to keep the copy, and the tier (cold classes). */
interface RestoreAsk {
  days: number;
  tier: RestoreTier | undefined;
}

const TIERS: Record<string, RestoreTier[]> = {
  ColdArchive: ['Expedited', 'Standard', 'Bulk'],
  DeepColdArchive: ['Expedited', 'Standard'],
};

/**
 * Parses the RestoreRequest. JobParameters exists only for ColdArchive and DeepColdArchive:
 * on an Archive object it is MalformedXML, as on OSS — checked before the restore state.
 */
async function readRestoreRequest(ctx: RequestContext, o: ObjectRecord): Promise<RestoreAsk> {
  const body = (await readSmallBody(ctx)).toString('utf8');
  const tiers = TIERS[o.storageClass];
  if (!body.trim()) return { days: 1, tier: tiers ? 'Standard' : undefined };
  const root = parseXmlBody(body, 'RestoreRequest');
  const days = (textOf(root, 'Days') ?? '1').trim();
  if (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > 365) throw invalidArgument('The Days is invalid.', 'Days', days);
  const job = root.JobParameters;
  if (job === undefined) return { days: Number(days), tier: tiers ? 'Standard' : undefined };
  if (!tiers) throw malformed();
  const tier = typeof job === 'object' && job !== null ? textOf(job as XmlIn, 'Tier')?.trim() : undefined;
  if (tier === undefined || !tiers.includes(tier as RestoreTier)) {
    // OSS documents this refusal as EC 0016-00000703; the error code is our guess.
    throw new OssError(400, 'InvalidArgument', 'The Tier in JobParameters is invalid.', '0016-00000703', { ArgumentName: 'Tier', ArgumentValue: tier ?? '' });
  }
  return { days: Number(days), tier: tier as RestoreTier };
}

/**
 * RestoreObject: 202 to start, 409 while restoring, 200 when already restored (extends expiry).
 * Cold classes answer with `x-oss-object-restore-priority: <tier>`.
 */
export async function restoreObject(engine: Engine, ctx: RequestContext): Promise<void> {
  const o = requireObject(engine, ctx);
  if (!isArchived(o)) throw new OssError(400, 'OperationNotSupported', 'The operation is not supported for this resource', '0026-00000013');
  const { days, tier } = await readRestoreRequest(ctx, o);
  const priority: Record<string, string> = tier ? { 'x-oss-object-restore-priority': tier } : {};
  const now = ctx.now().getTime();
  const restore = o.restore && now < o.restore.expiresAt ? o.restore : undefined;
  if (restore && now < restore.readyAt) {
    throw new OssError(409, 'RestoreAlreadyInProgress', 'The restore operation is in progress.', '0026-00000012');
  }
  if (restore) {
    await engine.putObject(ctx.bucket as string, { ...o, restore: { ...restore, expiresAt: now + days * DAY_MS } });
    sendEmpty(ctx, 200, restore.tier ? { 'x-oss-object-restore-priority': restore.tier } : priority);
    return;
  }
  const readyAt = now + engine.restoreDelayMs;
  await engine.putObject(ctx.bucket as string, { ...o, restore: { readyAt, expiresAt: readyAt + days * DAY_MS, ...(tier ? { tier } : {}) } });
  sendEmpty(ctx, 202, priority);
}
