/**
 * Maps a request (method, bucket/key presence, sub-resources) to the OSS operation and its
 * RAM action, as OSS names them. The gate authorizes `action`, then runs `handle`.
 */
import { OssError, type Operation, type RequestContext } from '../core/contract';
import type { Engine } from '../store/engine';
import * as bucketOps from './bucket-ops';
import { copyObject } from './copy-object';
import { applyCors, deleteBucketCors, getBucketCors, preflight, putBucketCors } from './cors';
import { deleteMultipleObjects, deleteObject } from './delete-ops';
import { getObject, getObjectMeta } from './get-object';
import { header } from './http-util';
import { listObjects, listObjectsV2 } from './list-objects';
import { listMultipartUploads } from './list-uploads';
import * as multipart from './multipart-ops';
import * as sub from './object-sub-ops';
import { appendObject, putObject } from './put-object';

type Handler = (engine: Engine, ctx: RequestContext) => Promise<void>;
type Route = [action: string, handler: Handler];

/** Sub-resources the emulator does not implement: a clear 501 instead of a wrong answer. */
const UNSUPPORTED = ['lifecycle', 'logging', 'website', 'referer', 'policy', 'versioning', 'versions', 'replication', 'encryption', 'tagging', 'worm', 'inventory', 'qos', 'processConfiguration', 'x-oss-process', 'callback'];

function notImplemented(what: string): OssError {
  return new OssError(501, 'NotImplemented', `${what} is not implemented by the emulator.`, '0000-00000000');
}

function methodNotAllowed(): OssError {
  return new OssError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', '0000-00000000');
}

function has(ctx: RequestContext, sub: string): boolean {
  return ctx.query.has(sub);
}

function serviceRoute(ctx: RequestContext): Route {
  if (ctx.method === 'GET') return ['oss:ListBuckets', bucketOps.listBuckets];
  throw methodNotAllowed();
}

function bucketRoute(ctx: RequestContext): Route {
  const m = ctx.method;
  if (has(ctx, 'cors')) {
    if (m === 'GET') return ['oss:GetBucketCors', getBucketCors];
    if (m === 'PUT') return ['oss:PutBucketCors', putBucketCors];
    if (m === 'DELETE') return ['oss:DeleteBucketCors', deleteBucketCors];
    throw methodNotAllowed();
  }
  if (has(ctx, 'acl')) {
    if (m === 'GET') return ['oss:GetBucketAcl', bucketOps.getBucketAcl];
    if (m === 'PUT') return ['oss:PutBucketAcl', bucketOps.putBucketAcl];
    throw methodNotAllowed();
  }
  const unsupported = UNSUPPORTED.find((s) => has(ctx, s));
  if (unsupported) throw notImplemented(`The bucket sub-resource "${unsupported}"`);
  switch (m) {
    case 'GET':
      if (has(ctx, 'location')) return ['oss:GetBucketLocation', bucketOps.getBucketLocation];
      if (has(ctx, 'bucketInfo')) return ['oss:GetBucketInfo', bucketOps.getBucketInfo];
      if (has(ctx, 'stat')) return ['oss:GetBucketStat', bucketOps.getBucketStat];
      if (has(ctx, 'uploads')) return ['oss:ListMultipartUploads', listMultipartUploads];
      if (ctx.query.get('list-type') === '2') return ['oss:ListObjects', listObjectsV2];
      return ['oss:ListObjects', listObjects];
    case 'HEAD':
      return ['oss:GetBucketInfo', bucketOps.headBucket];
    case 'PUT':
      return ['oss:PutBucket', bucketOps.putBucket];
    case 'DELETE':
      return ['oss:DeleteBucket', bucketOps.deleteBucket];
    case 'POST':
      if (has(ctx, 'delete')) return ['oss:DeleteObject', deleteMultipleObjects];
      throw notImplemented('PostObject (form upload)');
    default:
      throw methodNotAllowed();
  }
}

function objectRoute(ctx: RequestContext): Route {
  const m = ctx.method;
  if (has(ctx, 'acl')) {
    if (m === 'GET') return ['oss:GetObjectAcl', sub.getObjectAcl];
    if (m === 'PUT') return ['oss:PutObjectAcl', sub.putObjectAcl];
    throw methodNotAllowed();
  }
  if (has(ctx, 'tagging')) {
    if (m === 'GET') return ['oss:GetObjectTagging', sub.getObjectTagging];
    if (m === 'PUT') return ['oss:PutObjectTagging', sub.putObjectTagging];
    if (m === 'DELETE') return ['oss:DeleteObjectTagging', sub.deleteObjectTagging];
    throw methodNotAllowed();
  }
  if (has(ctx, 'symlink')) {
    if (m === 'GET') return ['oss:GetObject', sub.getSymlink];
    if (m === 'PUT') return ['oss:PutObject', sub.putSymlink];
    throw methodNotAllowed();
  }
  const unsupported = UNSUPPORTED.find((s) => has(ctx, s));
  if (unsupported) throw notImplemented(`The object sub-resource "${unsupported}"`);
  switch (m) {
    case 'GET':
      if (has(ctx, 'uploadId')) return ['oss:ListParts', multipart.listParts];
      return ['oss:GetObject', getObject];
    case 'HEAD':
      if (has(ctx, 'objectMeta')) return ['oss:GetObject', getObjectMeta];
      return ['oss:GetObject', getObject];
    case 'PUT':
      if (has(ctx, 'uploadId') || has(ctx, 'partNumber')) {
        return ['oss:PutObject', header(ctx, 'x-oss-copy-source') !== undefined ? multipart.uploadPartCopy : multipart.uploadPart];
      }
      if (header(ctx, 'x-oss-copy-source') !== undefined) return ['oss:PutObject', copyObject];
      return ['oss:PutObject', putObject];
    case 'POST':
      if (has(ctx, 'append')) return ['oss:PutObject', appendObject];
      if (has(ctx, 'uploads')) return ['oss:PutObject', multipart.initiateMultipartUpload];
      if (has(ctx, 'uploadId')) return ['oss:PutObject', multipart.completeMultipartUpload];
      if (has(ctx, 'restore')) return ['oss:RestoreObject', sub.restoreObject];
      throw methodNotAllowed();
    case 'DELETE':
      if (has(ctx, 'uploadId')) return ['oss:AbortMultipartUpload', multipart.abortMultipartUpload];
      return ['oss:DeleteObject', deleteObject];
    default:
      throw methodNotAllowed();
  }
}

/** The Operation for a request. OPTIONS is the CORS preflight (the gate runs it unauthenticated). */
export function resolveOperation(engine: Engine, ctx: RequestContext): Operation {
  let route: Route;
  if (ctx.bucket !== null && ctx.method === 'OPTIONS') route = ['oss:PreflightCors', preflight];
  else if (ctx.bucket === null) route = serviceRoute(ctx);
  else if (ctx.key === null || ctx.key === '') route = bucketRoute(ctx);
  else route = objectRoute(ctx);
  const [action, handler] = route;
  return {
    action,
    handle: async (c) => {
      if (c.method !== 'OPTIONS') applyCors(engine, c);
      await handler(engine, c);
    },
  };
}
