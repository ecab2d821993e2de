/** Reading `x-oss-copy-source` and checking the source object, shared by CopyObject and UploadPartCopy. */
import { OssError, type RequestContext } from '../core/contract';
import type { Engine } from '../store/engine';
import type { ObjectRecord } from '../store/types';
import { assertReadable, checkConditions } from './get-object';
import { header, invalidArgument } from './http-util';
import { noSuchKey } from './object-meta';
import { notImplemented } from './query-rules';

export interface CopySource {
  bucket: string;
  key: string;
  object: ObjectRecord;
}

function accessDenied(): OssError {
  return new OssError(403, 'AccessDenied', 'You have no right to access this object.', '0003-00000301');
}

/**
 * Parses `/bucket/url-encoded-key[?versionId=…]`, authorizes reading it, checks the
 * `x-oss-copy-source-if-*` conditions (412; 304 for not-modified) and the archive state.
 */
export function resolveCopySource(engine: Engine, ctx: RequestContext): CopySource | 'not-modified' {
  const value = header(ctx, 'x-oss-copy-source');
  if (!value) throw invalidArgument('x-oss-copy-source is missing.', 'x-oss-copy-source');
  const [path = '', sourceQuery] = value.split('?');
  // A versioned source would be silently copied from the current version: refuse it instead.
  if (sourceQuery !== undefined && new URLSearchParams(sourceQuery).has('versionId')) throw notImplemented('Copying a source version (x-oss-copy-source ?versionId)');
  const trimmed = path.startsWith('/') ? path.slice(1) : path;
  const slash = trimmed.indexOf('/');
  if (slash <= 0 || slash === trimmed.length - 1) throw invalidArgument('Copy Source must mention the source bucket and key: /sourcebucket/sourcekey.', 'x-oss-copy-source', value);
  let bucket: string;
  let key: string;
  try {
    bucket = decodeURIComponent(trimmed.slice(0, slash));
    key = decodeURIComponent(trimmed.slice(slash + 1));
  } catch {
    throw invalidArgument('x-oss-copy-source is not URL-encoded correctly.', 'x-oss-copy-source', value);
  }
  const state = engine.bucket(bucket);
  if (!state) throw new OssError(404, 'NoSuchBucket', 'The specified bucket does not exist.', '0015-00000101', { BucketName: bucket });
  const target = engine.requireBucket(ctx.bucket as string).record;
  if (state.record.region !== target.region) {
    throw new OssError(400, 'InvalidRequest', 'Copying objects across regions is not supported.', '0016-00000306', { SourceBucket: bucket, SourceRegion: state.record.region });
  }
  if (ctx.principal && !ctx.authorize('oss:GetObject', `acs:oss:*:*:${bucket}/${key}`)) throw accessDenied();
  const object = state.objects.get(key);
  if (!object) throw noSuchKey(key);
  const account = ctx.principal?.accountId;
  if (state.record.ownerAccountId !== account) {
    const acl = object.acl === 'default' ? state.record.acl : object.acl;
    if (acl === 'private') throw accessDenied();
  }
  if (object.type === 'Appendable') {
    // OSS documents that appendable objects cannot be copied (the error code is our guess).
    throw new OssError(400, 'OperationNotSupported', 'Appendable objects cannot be copied.', undefined, { Key: key });
  }
  if (checkConditions(ctx, object, 'x-oss-copy-source-') === 'not-modified') return 'not-modified';
  assertReadable(object, ctx.now().getTime());
  return { bucket, key, object };
}
