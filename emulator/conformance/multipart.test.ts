/** Multipart uploads through ali-oss: ETags and CRC-64, completion checks, listing, aborts, part copies. */
import { createHash, randomBytes } from 'node:crypto';
import type OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64Of } from '../../main/services/oss/crc64';
import { multipartEtag } from '../integrity/etag';
import { SIGNING_AND_STYLE, bucketName, codeOf, startTarget, type Target } from './target';

let target: Target;
beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
});

type Client = OSS & {
  initMultipartUpload(name: string, options?: object): Promise<{ uploadId: string }>;
  uploadPart(name: string, uploadId: string, partNo: number, file: string, start: number, end: number): Promise<{ etag: string }>;
  uploadPartCopy(name: string, uploadId: string, partNo: number, range: string, source: { sourceKey: string; sourceBucketName: string }): Promise<{ etag: string }>;
  completeMultipartUpload(name: string, uploadId: string, parts: Array<{ number: number; etag: string }>, options?: object): Promise<{ res: { headers: Record<string, string> }; etag?: string; data: unknown }>;
  abortMultipartUpload(name: string, uploadId: string): Promise<{ res: { status: number } }>;
  listParts(name: string, uploadId: string, query?: object): Promise<{ parts: Array<{ PartNumber: string; ETag: string; Size: string }>; isTruncated: string | boolean; nextPartNumberMarker: string }>;
  listUploads(query: object): Promise<{ uploads: Array<{ name: string; uploadId: string }>; isTruncated: boolean; nextKeyMarker: string; nextUploadIdMarker: string }>;
  _uploadPart(name: string, uploadId: string, partNo: number, data: { stream: NodeJS.ReadableStream; size: number }): Promise<{ name: string; etag: string }>;
};

const KB = 1024;

describe.each(SIGNING_AND_STYLE)('multipart ($name)', ({ v4, vhost }) => {
  let client: Client;
  let bucket: string;
  beforeAll(async () => {
    bucket = bucketName(`mp-${v4 ? 'v4' : 'v1'}${vhost ? 'h' : 'p'}`);
    await target.client(undefined, v4, vhost).putBucket(bucket);
    client = target.client(bucket, v4, vhost) as Client;
  });

  it('multipartUpload assembles parts with OSS ETag and combined CRC64', async () => {
    const data = randomBytes(350 * KB);
    const result = await client.multipartUpload('big/file.bin', data, { partSize: 100 * KB, parallel: 2 } as OSS.MultipartUploadOptions);
    const headers = (result as unknown as { res: { headers: Record<string, string> } }).res.headers;
    expect(headers['x-oss-hash-crc64ecma']).toBe(await crc64Of(data));
    const partMd5s = [0, 1, 2, 3].map((i) => createHash('md5').update(data.subarray(i * 100 * KB, (i + 1) * 100 * KB)).digest('hex'));
    const got = await client.get('big/file.bin');
    expect(Buffer.compare(got.content as Buffer, data)).toBe(0);
    const h = (got.res as unknown as { headers: Record<string, string> }).headers;
    expect(h.etag).toBe(`"${multipartEtag(partMd5s)}"`);
    expect(h['x-oss-object-type']).toBe('Multipart');
    expect(h['x-oss-hash-crc64ecma']).toBe(await crc64Of(data));
    const ranged = await client.get('big/file.bin', { headers: { Range: `bytes=${100 * KB - 5}-${100 * KB + 4}` } });
    expect(Buffer.compare(ranged.content as Buffer, data.subarray(100 * KB - 5, 100 * KB + 5))).toBe(0);
  });

  it('checks ETags and minimum part size on complete (order: see protocol-raw)', async () => {
    const { uploadId } = await client.initMultipartUpload('checks');
    const small = Buffer.alloc(10 * KB, 1);
    const big = Buffer.alloc(100 * KB, 2);
    const p1 = await client._uploadPart('checks', uploadId, 1, { stream: streamOf(small), size: small.length });
    const p2 = await client._uploadPart('checks', uploadId, 2, { stream: streamOf(big), size: big.length });
    expect(await codeOf(client.completeMultipartUpload('checks', uploadId, [{ number: 1, etag: p1.etag }, { number: 3, etag: p2.etag }]))).toBe('InvalidPart');
    expect(await codeOf(client.completeMultipartUpload('checks', uploadId, [{ number: 1, etag: '"0123456789ABCDEF0123456789ABCDEF"' }]))).toBe('InvalidPart');
    expect(await codeOf(client.completeMultipartUpload('checks', uploadId, [{ number: 1, etag: p1.etag }, { number: 2, etag: p2.etag }]))).toBe('EntityTooSmall');
    // A small last part is fine.
    const done = await client.completeMultipartUpload('checks', uploadId, [{ number: 2, etag: p2.etag }]);
    expect((done as unknown as { res: { headers: Record<string, string> } }).res.headers['x-oss-hash-crc64ecma']).toBe(await crc64Of(big));
    expect(await codeOf(client.completeMultipartUpload('checks', uploadId, [{ number: 2, etag: p2.etag }]))).toBe('NoSuchUpload');
  });

  it('lists parts and uploads with paging, and aborts with 204', async () => {
    const ids: string[] = [];
    for (const key of ['up/a', 'up/a', 'up/b', 'up/c/d']) ids.push((await client.initMultipartUpload(key)).uploadId);
    for (let n = 1; n <= 5; n++) await client._uploadPart('up/b', ids[2] as string, n, { stream: streamOf(Buffer.from(`p${n}`)), size: 2 });
    const first = await client.listParts('up/b', ids[2] as string, { 'max-parts': 2 });
    expect(first.parts.map((p) => p.PartNumber)).toEqual(['1', '2']);
    expect(String(first.isTruncated)).toBe('true');
    const rest = await client.listParts('up/b', ids[2] as string, { 'max-parts': 10, 'part-number-marker': first.nextPartNumberMarker });
    expect(rest.parts.map((p) => p.PartNumber)).toEqual(['3', '4', '5']);

    const seen: string[] = [];
    let keyMarker = '';
    let uploadIdMarker = '';
    for (;;) {
      const markers = keyMarker ? { 'key-marker': keyMarker, 'upload-id-marker': uploadIdMarker } : {};
      const page = await client.listUploads({ prefix: 'up/', 'max-uploads': 2, ...markers });
      seen.push(...page.uploads.map((u) => `${u.name}:${u.uploadId}`));
      if (!page.isTruncated) break;
      keyMarker = page.nextKeyMarker;
      uploadIdMarker = page.nextUploadIdMarker;
    }
    expect(seen).toEqual([`up/a:${ids[0]}`, `up/a:${ids[1]}`, `up/b:${ids[2]}`, `up/c/d:${ids[3]}`]);

    const aborted = (await client.abortMultipartUpload('up/b', ids[2] as string)) as unknown as { res: { status: number } };
    expect(aborted.res.status).toBe(204);
    expect(await codeOf(client.listParts('up/b', ids[2] as string))).toBe('NoSuchUpload');
    for (const [i, key] of [[0, 'up/a'], [1, 'up/a'], [3, 'up/c/d']] as const) await client.abortMultipartUpload(key, ids[i] as string);
  });

  it('rejects part numbers outside 1..10000', async () => {
    const { uploadId } = await client.initMultipartUpload('pn');
    for (const n of [0, 10001]) {
      expect(await codeOf(client._uploadPart('pn', uploadId, n, { stream: streamOf(Buffer.from('x')), size: 1 }))).toBe('InvalidArgument');
    }
    await client.abortMultipartUpload('pn', uploadId);
  });

  it('copies parts with x-oss-copy-source-range', async () => {
    const data = randomBytes(250 * KB);
    await client.put('copy-src', data);
    const { uploadId } = await client.initMultipartUpload('copy-dst');
    const a = await client.uploadPartCopy('copy-dst', uploadId, 1, `0-${150 * KB - 1}`, { sourceKey: 'copy-src', sourceBucketName: bucket });
    const b = await client.uploadPartCopy('copy-dst', uploadId, 2, `${150 * KB}-${250 * KB - 1}`, { sourceKey: 'copy-src', sourceBucketName: bucket });
    await client.completeMultipartUpload('copy-dst', uploadId, [{ number: 1, etag: a.etag }, { number: 2, etag: b.etag }]);
    expect(Buffer.compare((await client.get('copy-dst')).content as Buffer, data)).toBe(0);
  });

  it('refuses to delete a bucket that only has an unfinished upload', async () => {
    const name = bucketName('mp-del');
    const service = target.client(undefined, v4, vhost);
    await service.putBucket(name);
    const c = target.client(name, v4, vhost) as Client;
    const { uploadId } = await c.initMultipartUpload('pending');
    expect(await codeOf(service.deleteBucket(name))).toBe('BucketNotEmpty');
    await c.abortMultipartUpload('pending', uploadId);
    await service.deleteBucket(name);
  });
});

function streamOf(data: Buffer): NodeJS.ReadableStream {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Readable } = require('node:stream') as typeof import('node:stream');
  return Readable.from([data]);
}
