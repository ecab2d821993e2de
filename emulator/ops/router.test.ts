/** The router: RAM action per request, and every documented sub-resource either implemented or 501. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { OssError, type RequestContext } from '../core/contract';
import { createStore } from '../store/index';
import { KNOWN_SUB_RESOURCES } from './query-rules';
import { resolveRoute } from './router';

function ctx(method: string, bucket: string | null, key: string | null, query: Record<string, string> = {}, headers: Record<string, string> = {}): RequestContext {
  return {
    req: { headers } as unknown as IncomingMessage,
    res: {} as ServerResponse,
    requestId: 'r', method, bucket, key, query: new Map(Object.entries(query)), region: 'oss-cn-hangzhou', host: 'h',
    principal: null, now: () => new Date(), authorize: () => true,
  };
}

describe('router: RAM action per request', () => {
  const cases: Array<[string, RequestContext, string]> = [
    ['ListBuckets', ctx('GET', null, null), 'oss:ListBuckets'],
    ['PutBucket', ctx('PUT', 'b', null), 'oss:PutBucket'],
    ['GetBucketInfo', ctx('GET', 'b', null, { bucketInfo: '' }), 'oss:GetBucketInfo'],
    ['GetBucketLocation', ctx('GET', 'b', null, { location: '' }), 'oss:GetBucketLocation'],
    ['GetBucketStat', ctx('GET', 'b', null, { stat: '' }), 'oss:GetBucketStat'],
    ['PutBucketAcl', ctx('PUT', 'b', null, { acl: '' }), 'oss:PutBucketAcl'],
    ['GetBucketCors', ctx('GET', 'b', null, { cors: '' }), 'oss:GetBucketCors'],
    ['DeleteBucketCors', ctx('DELETE', 'b', null, { cors: '' }), 'oss:DeleteBucketCors'],
    ['ListObjects', ctx('GET', 'b', null, { prefix: 'a/' }), 'oss:ListObjects'],
    ['ListObjectsV2', ctx('GET', 'b', null, { 'list-type': '2' }), 'oss:ListObjects'],
    ['ListMultipartUploads', ctx('GET', 'b', null, { uploads: '' }), 'oss:ListMultipartUploads'],
    ['DeleteMultipleObjects', ctx('POST', 'b', null, { delete: '' }), 'oss:DeleteObject'],
    ['DeleteBucket', ctx('DELETE', 'b', null), 'oss:DeleteBucket'],
    ['GetObject', ctx('GET', 'b', 'k'), 'oss:GetObject'],
    ['HeadObject', ctx('HEAD', 'b', 'k'), 'oss:GetObject'],
    ['GetObjectMeta', ctx('HEAD', 'b', 'k', { objectMeta: '' }), 'oss:GetObject'],
    ['PutObject', ctx('PUT', 'b', 'k'), 'oss:PutObject'],
    ['CopyObject', ctx('PUT', 'b', 'k', {}, { 'x-oss-copy-source': '/b/s' }), 'oss:PutObject'],
    ['AppendObject', ctx('POST', 'b', 'k', { append: '', position: '0' }), 'oss:PutObject'],
    ['DeleteObject', ctx('DELETE', 'b', 'k'), 'oss:DeleteObject'],
    ['GetObjectAcl', ctx('GET', 'b', 'k', { acl: '' }), 'oss:GetObjectAcl'],
    ['PutObjectAcl', ctx('PUT', 'b', 'k', { acl: '' }), 'oss:PutObjectAcl'],
    ['PutObjectTagging', ctx('PUT', 'b', 'k', { tagging: '' }), 'oss:PutObjectTagging'],
    ['GetObjectTagging', ctx('GET', 'b', 'k', { tagging: '' }), 'oss:GetObjectTagging'],
    ['DeleteObjectTagging', ctx('DELETE', 'b', 'k', { tagging: '' }), 'oss:DeleteObjectTagging'],
    ['PutSymlink', ctx('PUT', 'b', 'k', { symlink: '' }), 'oss:PutObject'],
    ['GetSymlink', ctx('GET', 'b', 'k', { symlink: '' }), 'oss:GetObject'],
    ['RestoreObject', ctx('POST', 'b', 'k', { restore: '' }), 'oss:RestoreObject'],
    ['InitiateMultipartUpload', ctx('POST', 'b', 'k', { uploads: '' }), 'oss:PutObject'],
    ['UploadPart', ctx('PUT', 'b', 'k', { partNumber: '1', uploadId: 'u' }), 'oss:PutObject'],
    ['UploadPartCopy', ctx('PUT', 'b', 'k', { partNumber: '1', uploadId: 'u' }, { 'x-oss-copy-source': '/b/s' }), 'oss:PutObject'],
    ['CompleteMultipartUpload', ctx('POST', 'b', 'k', { uploadId: 'u' }), 'oss:PutObject'],
    ['AbortMultipartUpload', ctx('DELETE', 'b', 'k', { uploadId: 'u' }), 'oss:AbortMultipartUpload'],
    ['ListParts', ctx('GET', 'b', 'k', { uploadId: 'u' }), 'oss:ListParts'],
    ['CORS preflight', ctx('OPTIONS', 'b', 'k'), 'oss:PreflightCors'],
  ];

  it.each(cases)('%s', async (_name, request, action) => {
    const store = await createStore({ memory: true });
    expect(store.resolve(request).action).toBe(action);
  });

  it('answers unsupported sub-resources with 501 and wrong methods with 405', async () => {
    const engineStore = await createStore({ memory: true });
    const code = (request: RequestContext) => {
      try {
        engineStore.resolve(request);
        return 'resolved';
      } catch (error) {
        return error instanceof OssError ? `${error.status} ${error.code}` : 'other';
      }
    };
    expect(code(ctx('GET', 'b', null, { lifecycle: '' }))).toBe('501 NotImplemented');
    expect(code(ctx('GET', 'b', 'k', { 'x-oss-process': 'image/resize' }))).toBe('501 NotImplemented');
    expect(code(ctx('PUT', null, null))).toBe('405 MethodNotAllowed');
    expect(code(ctx('PATCH', 'b', 'k'))).toBe('405 MethodNotAllowed');
  });

  it('answers the issue\'s fall-through cases with 501 instead of another operation', () => {
    const outcome = (request: RequestContext) => {
      try {
        return resolveRoute(request).name;
      } catch (error) {
        return error instanceof OssError ? `${error.status} ${error.code}` : 'other';
      }
    };
    expect(outcome(ctx('PUT', 'b', 'chan', { live: '' }))).toBe('501 NotImplemented');
    expect(outcome(ctx('PUT', 'b', null, { requestPayment: '' }))).toBe('501 NotImplemented');
    expect(outcome(ctx('GET', 'b', null, { requestPayment: '' }))).toBe('501 NotImplemented');
    expect(outcome(ctx('GET', 'b', 'k', { versionId: 'CAEQ' }))).toBe('501 NotImplemented');
    expect(outcome(ctx('DELETE', 'b', 'k', { versionId: 'CAEQ' }))).toBe('501 NotImplemented');
    expect(outcome(ctx('GET', null, null, { regions: '' }))).toBe('501 NotImplemented');
    expect(outcome(ctx('GET', null, null, { 'tag-key': 'team' }))).toBe('501 NotImplemented');
    expect(outcome(ctx('PUT', 'b', 'k', {}, { 'x-oss-server-side-encryption': 'AES256' }))).toBe('501 NotImplemented');
    expect(outcome(ctx('PUT', 'b', 'k', {}, { 'x-oss-callback': 'e30=' }))).toBe('501 NotImplemented');
    // Plain parameters with a value (cache busters, paging) are not sub-resources: they pass.
    expect(outcome(ctx('GET', 'b', 'k', { v: '2' }))).toBe('GetObject');
    expect(outcome(ctx('GET', 'b', null, { prefix: '', marker: '', 'max-keys': '10' }))).toBe('ListObjects');
  });
});

describe('router: every documented sub-resource is implemented or 501', () => {
  const levels: Array<[string, string | null, string | null]> = [['service', null, null], ['bucket', 'b', null], ['object', 'b', 'k']];
  const methods = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'];
  const cases = KNOWN_SUB_RESOURCES.flatMap((name) => levels.flatMap(([level, bucket, key]) => methods.map((method) => [name, level, method, bucket, key] as const)));

  it(`walks ${KNOWN_SUB_RESOURCES.length} sub-resources × 3 levels × 5 methods`, () => {
    expect(KNOWN_SUB_RESOURCES).toContain('versionId');
    expect(KNOWN_SUB_RESOURCES).toContain('live');
    expect(KNOWN_SUB_RESOURCES).toContain('requestPayment');
    const fallThrough: string[] = [];
    for (const [name, level, method, bucket, key] of cases) {
      try {
        const picked = resolveRoute(ctx(method, bucket, key, { [name]: '' }));
        // Resolving is fine only when the chosen operation itself takes this sub-resource
        // (x-oss-traffic-limit is taken by every operation; the seven data operations apply it).
        if (!picked.accepts.includes(name) && name !== 'x-oss-traffic-limit') fallThrough.push(`${method} ${level}?${name} -> ${picked.name}`);
      } catch (error) {
        const status = error instanceof OssError ? error.status : 0;
        if (status !== 501 && status !== 405) fallThrough.push(`${method} ${level}?${name} -> ${String(error)}`);
      }
    }
    expect(fallThrough).toEqual([]);
  });
});
