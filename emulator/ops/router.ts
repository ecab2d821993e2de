/**
 * Maps a request (method, bucket/key presence, sub-resources) to the OSS operation and its
 * RAM action, as OSS names them. The gate authorizes `action`, then runs `handle`. Each
 * operation lists the sub-resources it accepts; anything else gets 501 (query-rules.ts).
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
import { AUTH_PARAMS, assertQueryAccepted, isSubResource, notImplemented } from './query-rules';

type Handler = (engine: Engine, ctx: RequestContext) => Promise<void>;

/** An operation as the router picks it: RAM action, handler, and the sub-resources and parameters it takes. */
export interface Route {
  /** OSS's name for the operation (in 501 messages and tests). */
  name: string;
  action: string;
  handler: Handler;
  /** Sub-resources and query parameters this operation understands (besides signatures). */
  accepts: readonly string[];
  /** Documented parameters of this operation that the emulator does not implement (501). */
  unsupported?: readonly string[];
}

const RESPONSE_OVERRIDES = ['response-content-type', 'response-content-language', 'response-expires', 'response-cache-control', 'response-content-disposition', 'response-content-encoding'];
const LIST_V1 = ['prefix', 'marker', 'delimiter', 'max-keys', 'encoding-type'];
const LIST_V2 = ['list-type', 'prefix', 'delimiter', 'max-keys', 'encoding-type', 'continuation-token', 'start-after', 'fetch-owner'];

function route(name: string, action: string, handler: Handler, accepts: readonly string[] = [], unsupported?: readonly string[]): Route {
  return { name, action, handler, accepts, unsupported };
}

function methodNotAllowed(): OssError {
  return new OssError(405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', '0000-00000000');
}

function has(ctx: RequestContext, sub: string): boolean {
  return ctx.query.has(sub);
}

function serviceRoute(ctx: RequestContext): Route {
  // Filtering by bucket tags (tag-key/tag-value) needs bucket tagging, which the emulator lacks.
  if (ctx.method === 'GET') return route('ListBuckets', 'oss:ListBuckets', bucketOps.listBuckets, ['prefix', 'marker', 'max-keys'], ['tag-key', 'tag-value']);
  throw methodNotAllowed();
}

function bucketRoute(ctx: RequestContext): Route {
  const m = ctx.method;
  if (has(ctx, 'cors')) {
    if (m === 'GET') return route('GetBucketCors', 'oss:GetBucketCors', getBucketCors, ['cors']);
    if (m === 'PUT') return route('PutBucketCors', 'oss:PutBucketCors', putBucketCors, ['cors']);
    if (m === 'DELETE') return route('DeleteBucketCors', 'oss:DeleteBucketCors', deleteBucketCors, ['cors']);
    throw methodNotAllowed();
  }
  if (has(ctx, 'acl')) {
    if (m === 'GET') return route('GetBucketAcl', 'oss:GetBucketAcl', bucketOps.getBucketAcl, ['acl']);
    if (m === 'PUT') return route('PutBucketAcl', 'oss:PutBucketAcl', bucketOps.putBucketAcl, ['acl']);
    throw methodNotAllowed();
  }
  switch (m) {
    case 'GET':
      if (has(ctx, 'location')) return route('GetBucketLocation', 'oss:GetBucketLocation', bucketOps.getBucketLocation, ['location']);
      if (has(ctx, 'bucketInfo')) return route('GetBucketInfo', 'oss:GetBucketInfo', bucketOps.getBucketInfo, ['bucketInfo']);
      if (has(ctx, 'stat')) return route('GetBucketStat', 'oss:GetBucketStat', bucketOps.getBucketStat, ['stat']);
      if (has(ctx, 'uploads')) {
        return route('ListMultipartUploads', 'oss:ListMultipartUploads', listMultipartUploads, ['uploads', 'prefix', 'delimiter', 'max-uploads', 'key-marker', 'upload-id-marker', 'encoding-type']);
      }
      if (ctx.query.get('list-type') === '2') return route('ListObjectsV2', 'oss:ListObjects', listObjectsV2, LIST_V2);
      return route('ListObjects', 'oss:ListObjects', listObjects, LIST_V1);
    case 'HEAD':
      return route('HeadBucket', 'oss:GetBucketInfo', bucketOps.headBucket);
    case 'PUT':
      return route('PutBucket', 'oss:PutBucket', bucketOps.putBucket);
    case 'DELETE':
      return route('DeleteBucket', 'oss:DeleteBucket', bucketOps.deleteBucket);
    case 'POST':
      if (has(ctx, 'delete')) return route('DeleteMultipleObjects', 'oss:DeleteObject', deleteMultipleObjects, ['delete', 'encoding-type']);
      throw notImplemented('PostObject (form upload)');
    default:
      throw methodNotAllowed();
  }
}

function objectRoute(ctx: RequestContext): Route {
  const m = ctx.method;
  if (has(ctx, 'acl')) {
    if (m === 'GET') return route('GetObjectAcl', 'oss:GetObjectAcl', sub.getObjectAcl, ['acl']);
    if (m === 'PUT') return route('PutObjectAcl', 'oss:PutObjectAcl', sub.putObjectAcl, ['acl']);
    throw methodNotAllowed();
  }
  if (has(ctx, 'tagging')) {
    if (m === 'GET') return route('GetObjectTagging', 'oss:GetObjectTagging', sub.getObjectTagging, ['tagging']);
    if (m === 'PUT') return route('PutObjectTagging', 'oss:PutObjectTagging', sub.putObjectTagging, ['tagging']);
    if (m === 'DELETE') return route('DeleteObjectTagging', 'oss:DeleteObjectTagging', sub.deleteObjectTagging, ['tagging']);
    throw methodNotAllowed();
  }
  if (has(ctx, 'symlink')) {
    if (m === 'GET') return route('GetSymlink', 'oss:GetObject', sub.getSymlink, ['symlink']);
    if (m === 'PUT') return route('PutSymlink', 'oss:PutObject', sub.putSymlink, ['symlink']);
    throw methodNotAllowed();
  }
  switch (m) {
    case 'GET':
      if (has(ctx, 'uploadId')) return route('ListParts', 'oss:ListParts', multipart.listParts, ['uploadId', 'max-parts', 'part-number-marker', 'encoding-type']);
      return route('GetObject', 'oss:GetObject', getObject, RESPONSE_OVERRIDES);
    case 'HEAD':
      if (has(ctx, 'objectMeta')) return route('GetObjectMeta', 'oss:GetObject', getObjectMeta, ['objectMeta']);
      return route('HeadObject', 'oss:GetObject', getObject, RESPONSE_OVERRIDES);
    case 'PUT':
      if (has(ctx, 'uploadId') || has(ctx, 'partNumber')) {
        return header(ctx, 'x-oss-copy-source') !== undefined
          ? route('UploadPartCopy', 'oss:PutObject', multipart.uploadPartCopy, ['uploadId', 'partNumber'])
          : route('UploadPart', 'oss:PutObject', multipart.uploadPart, ['uploadId', 'partNumber']);
      }
      if (header(ctx, 'x-oss-copy-source') !== undefined) return route('CopyObject', 'oss:PutObject', copyObject);
      return route('PutObject', 'oss:PutObject', putObject);
    case 'POST':
      if (has(ctx, 'append')) return route('AppendObject', 'oss:PutObject', appendObject, ['append', 'position']);
      if (has(ctx, 'uploads')) return route('InitiateMultipartUpload', 'oss:PutObject', multipart.initiateMultipartUpload, ['uploads', 'encoding-type']);
      if (has(ctx, 'uploadId')) return route('CompleteMultipartUpload', 'oss:PutObject', multipart.completeMultipartUpload, ['uploadId', 'encoding-type']);
      if (has(ctx, 'restore')) return route('RestoreObject', 'oss:RestoreObject', sub.restoreObject, ['restore']);
      break;
    case 'DELETE':
      if (has(ctx, 'uploadId')) return route('AbortMultipartUpload', 'oss:AbortMultipartUpload', multipart.abortMultipartUpload, ['uploadId']);
      return route('DeleteObject', 'oss:DeleteObject', deleteObject);
    default:
      throw methodNotAllowed();
  }
  // A POST naming no operation we know: a sub-resource we lack (501) or nothing at all (405).
  for (const [name, value] of ctx.query) {
    if (isSubResource(name, value) && !AUTH_PARAMS.has(name)) throw notImplemented(`The sub-resource "${name}" (on POST object)`);
  }
  throw methodNotAllowed();
}

/**
 * The route for a request, after the strictness check: every sub-resource and feature header
 * must be one the chosen operation accepts (501 otherwise). Exported for the router tests.
 */
export function resolveRoute(ctx: RequestContext): Route {
  if (ctx.bucket !== null && ctx.method === 'OPTIONS') return route('PreflightCors', 'oss:PreflightCors', preflight);
  let picked: Route;
  if (ctx.bucket === null) picked = serviceRoute(ctx);
  else if (ctx.key === null || ctx.key === '') picked = bucketRoute(ctx);
  else picked = objectRoute(ctx);
  assertQueryAccepted(ctx, picked.name, picked.accepts, picked.unsupported);
  return picked;
}

/** The Operation for a request. OPTIONS is the CORS preflight (the gate runs it unauthenticated). */
export function resolveOperation(engine: Engine, ctx: RequestContext): Operation {
  const { name, action, handler } = resolveRoute(ctx);
  return {
    name,
    action,
    handle: async (c) => {
      if (c.method !== 'OPTIONS') applyCors(engine, c);
      await handler(engine, c);
    },
  };
}
