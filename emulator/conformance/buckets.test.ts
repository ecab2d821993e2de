/** Bucket operations through ali-oss (V1 and V4): create, delete, stat, list with paging, CORS. */
import type OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING, bucketName, codeOf, startTarget, type Target } from './target';

let target: Target;
beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
});

type BucketClient = OSS & {
  getBucketInfo(name: string): Promise<{ bucket: Record<string, unknown> }>;
  getBucketLocation(name: string): Promise<{ location: string }>;
  getBucketACL(name: string): Promise<{ acl: string; owner: { id: string } }>;
  putBucketACL(name: string, acl: string): Promise<unknown>;
  putBucketCORS(name: string, rules: object[]): Promise<unknown>;
  getBucketCORS(name: string): Promise<{ rules: Array<Record<string, unknown>> }>;
  deleteBucketCORS(name: string): Promise<{ res: { status: number } }>;
};

describe.each(SIGNING)('buckets ($name)', ({ v4 }) => {
  let service: BucketClient;
  beforeAll(() => {
    service = target.client(undefined, v4) as BucketClient;
  });

  it('creates with storage class and ACL, returns Location, describes itself', async () => {
    const name = bucketName(v4 ? 'info-v4' : 'info-v1');
    const created = await service.putBucket(name, { storageClass: 'IA', acl: 'public-read', dataRedundancyType: 'LRS' } as OSS.PutBucketOptions);
    expect((created as unknown as { bucket: string }).bucket).toBe(name);
    const info = (await service.getBucketInfo(name)).bucket;
    expect(info.Name).toBe(name);
    expect(info.StorageClass).toBe('IA');
    expect(info.Location).toBe('oss-cn-hangzhou');
    expect((info.AccessControlList as { Grant: string }).Grant).toBe('public-read');
    expect((await service.getBucketLocation(name)).location).toBe('oss-cn-hangzhou');
    expect((await service.getBucketACL(name)).acl).toBe('public-read');
    await service.putBucketACL(name, 'private');
    expect((await service.getBucketACL(name)).acl).toBe('private');
    expect(await codeOf(service.putBucket(name))).toBe('BucketAlreadyExists');
    await service.deleteBucket(name);
    expect(await codeOf(service.getBucketInfo(name))).toBe('NoSuchBucket');
  });

  it('rejects invalid bucket names and non-empty deletes', async () => {
    // ali-oss validates names in putBucket; its lower-level request() signs them unchecked.
    const lowLevel = service as unknown as { request(p: object): Promise<unknown>; _bucketRequestParams(m: string, b: string, s: string, o: object): object };
    for (const bad of ['ab', 'upper-Case', '-dash', 'under_score']) {
      const params = { ...lowLevel._bucketRequestParams('PUT', bad, '', {}), successStatuses: [200] };
      expect(await codeOf(lowLevel.request(params))).toBe('InvalidBucketName');
    }
    const name = bucketName('full');
    await service.putBucket(name);
    const c = target.client(name, v4);
    await c.put('x', Buffer.from('x'));
    expect(await codeOf(service.deleteBucket(name))).toBe('BucketNotEmpty');
    await c.delete('x');
    await service.deleteBucket(name);
  });

  it('reports bucket statistics per storage class', async () => {
    const name = bucketName(v4 ? 'stat-v4' : 'stat-v1');
    await service.putBucket(name);
    const c = target.client(name, v4) as unknown as BucketClient & { initMultipartUpload(k: string): Promise<unknown>; getBucketStat(n: string): Promise<{ stat: Record<string, string> }> };
    await c.put('a', Buffer.alloc(10));
    await c.put('b', Buffer.alloc(5), { headers: { 'x-oss-storage-class': 'IA' } });
    await c.put('c', Buffer.alloc(7), { headers: { 'x-oss-storage-class': 'Archive' } });
    await c.initMultipartUpload('pending');
    const { stat } = await c.getBucketStat(name);
    expect([stat.Storage, stat.ObjectCount, stat.MultipartUploadCount]).toEqual(['22', '3', '1']);
    expect([stat.StandardStorage, stat.InfrequentAccessObjectCount, stat.ArchiveStorage]).toEqual(['10', '1', '7']);
  });

  it('lists buckets with prefix, marker and max-keys paging', async () => {
    const prefix = `lb${v4 ? '4' : '1'}-${process.pid}`;
    const names = ['a', 'b', 'c', 'd', 'e'].map((s) => `${prefix}-${s}`);
    for (const n of names) await service.putBucket(n);
    const seen: string[] = [];
    let marker: string | undefined;
    do {
      const page = await service.listBuckets({ prefix, 'max-keys': 2, ...(marker ? { marker } : {}) });
      const buckets = (page as unknown as { buckets: Array<{ name: string; region: string }> }).buckets ?? [];
      seen.push(...buckets.map((b) => b.name));
      for (const b of buckets) expect(b.region).toBe('oss-cn-hangzhou');
      marker = (page as unknown as { isTruncated: boolean; nextMarker: string }).isTruncated ? (page as unknown as { nextMarker: string }).nextMarker : undefined;
    } while (marker);
    expect(seen).toEqual(names);
  });

  it('stores CORS rules, answers preflight, and adds CORS headers to real requests', async () => {
    const name = bucketName(v4 ? 'cors-v4' : 'cors-v1');
    await service.putBucket(name, { acl: 'public-read-write' } as OSS.PutBucketOptions);
    expect(await codeOf(service.getBucketCORS(name))).toBe('NoSuchCORSConfiguration');
    await service.putBucketCORS(name, [{ allowedOrigin: ['http://app.local', 'https://*.example.com'], allowedMethod: ['GET', 'PUT'], allowedHeader: ['*'], exposeHeader: ['ETag', 'x-oss-request-id'], maxAgeSeconds: '600' }]);
    const rules = (await service.getBucketCORS(name)).rules;
    expect(rules[0]?.allowedOrigin).toEqual(['http://app.local', 'https://*.example.com']);

    const ok = await target.raw('OPTIONS', `/${name}/upload.bin`, { Origin: 'https://a.example.com', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'content-type, x-oss-date' });
    expect(ok.status).toBe(200);
    expect(ok.headers['access-control-allow-origin']).toBe('https://a.example.com');
    expect(ok.headers['access-control-allow-methods']).toBe('GET, PUT');
    expect(ok.headers['access-control-allow-headers']).toBe('content-type, x-oss-date');
    expect(ok.headers['access-control-expose-headers']).toBe('ETag, x-oss-request-id');
    expect(ok.headers['access-control-max-age']).toBe('600');
    const denied = await target.raw('OPTIONS', `/${name}/upload.bin`, { Origin: 'http://evil.local', 'Access-Control-Request-Method': 'PUT' });
    expect([denied.status, /<Code>(\w+)<\/Code>/.exec(denied.text)?.[1]]).toEqual([403, 'AccessForbidden']);
    const wrongMethod = await target.raw('OPTIONS', `/${name}/upload.bin`, { Origin: 'http://app.local', 'Access-Control-Request-Method': 'DELETE' });
    expect(wrongMethod.status).toBe(403);

    const put = await target.raw('PUT', `/${name}/upload.bin`, { Origin: 'http://app.local', 'Content-Length': '2' }, 'hi');
    expect(put.status).toBe(200);
    expect(put.headers['access-control-allow-origin']).toBe('http://app.local');
    expect(put.headers['access-control-expose-headers']).toBe('ETag, x-oss-request-id');
    // Errors carry the CORS headers too, so a browser can read the error code.
    const missing = await target.raw('GET', `/${name}/missing`, { Origin: 'http://app.local' });
    expect([missing.status, missing.headers['access-control-allow-origin']]).toEqual([404, 'http://app.local']);
    // So do errors the gate raises before the store runs (here: a bad signature).
    const badSignature = await target.raw('GET', `/${name}/upload.bin`, { Origin: 'http://app.local', Authorization: 'OSS LTAInobody:bad', Date: new Date().toUTCString() });
    expect([badSignature.status, badSignature.headers['access-control-allow-origin']]).toEqual([403, 'http://app.local']);
    const foreign = await target.raw('GET', `/${name}/upload.bin`, { Origin: 'http://evil.local' });
    expect([foreign.status, foreign.headers['access-control-allow-origin']]).toEqual([200, undefined]);

    expect(((await service.deleteBucketCORS(name)) as unknown as { res: { status: number } }).res.status).toBe(204);
    expect(await codeOf(service.getBucketCORS(name))).toBe('NoSuchCORSConfiguration');
  });
});
