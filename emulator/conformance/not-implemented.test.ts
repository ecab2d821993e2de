/**
 * Strict routing over real HTTP: a sub-resource or feature header the emulator lacks gets 501
 * NotImplemented in OSS's XML (with request ID and EC) from every level and method, instead of
 * falling through to a plain operation that stores, lists or reads something else.
 */
import OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_SUB_RESOURCES } from '../ops/query-rules';
import { codeOf, bucketName, startTarget, type Target } from './target';
import { errorCode } from './oss-client';

let target: Target;
let bucket: string;
let client: OSS;
beforeAll(async () => {
  target = await startTarget();
  bucket = bucketName('strict');
  await target.client(undefined, true).putBucket(bucket);
  client = target.client(bucket, true);
  await client.put('k', Buffer.from('current body'));
});
afterAll(async () => {
  await target.close();
});

/** What the emulator implements, per level and method — everything else on OSS's list must be 501. */
const IMPLEMENTED: Record<string, string[]> = {
  'GET bucket': ['acl', 'cors', 'location', 'bucketInfo', 'stat', 'uploads'],
  'PUT bucket': ['acl', 'cors'],
  'DELETE bucket': ['cors'],
  'POST bucket': ['delete'],
  'HEAD bucket': [],
  'GET object': ['acl', 'tagging', 'symlink', 'uploadId', 'response-content-type', 'response-content-language', 'response-expires', 'response-cache-control', 'response-content-disposition', 'response-content-encoding'],
  'HEAD object': ['objectMeta', 'response-content-type', 'response-content-language', 'response-expires', 'response-cache-control', 'response-content-disposition', 'response-content-encoding'],
  'PUT object': ['acl', 'tagging', 'symlink', 'uploadId', 'partNumber'],
  'POST object': ['append', 'uploads', 'uploadId', 'restore'],
  'DELETE object': ['tagging', 'uploadId'],
  'GET service': [],
};

/** A V4-presigned URL for any method and sub-resource, signed by unmodified ali-oss. */
async function signed(method: string, level: 'service' | 'bucket' | 'object', query: Record<string, string>): Promise<string> {
  const signer = level === 'service' ? target.client(undefined, true) : client;
  // The typings omit HEAD and a missing object name (a bucket URL), which the signer handles.
  const sign = signer.signatureUrlV4.bind(signer) as (m: string, expires: number, request: object, objectName?: string) => Promise<string>;
  return sign(method, 600, { headers: {}, queries: query }, level === 'object' ? 'k' : undefined);
}

describe('501 for what the emulator does not implement', () => {
  it('PUT /chan?live stores nothing; ?requestPayment neither creates nor lists; ?versionId is not the current object', async () => {
    const putLive = await fetch(await client.signatureUrlV4('PUT', 600, { headers: {}, queries: { live: '' } }, 'chan'), { method: 'PUT', body: Buffer.from('<LiveChannelConfiguration/>') });
    expect([putLive.status, errorCode(await putLive.text())]).toEqual([501, 'NotImplemented']);
    expect(await codeOf(client.head('chan'))).toBe('NoSuchKey');

    for (const method of ['PUT', 'GET']) {
      const res = await fetch(await signed(method, 'bucket', { requestPayment: '' }), { method, body: method === 'PUT' ? Buffer.from('<RequestPaymentConfiguration/>') : undefined });
      const text = await res.text();
      expect([res.status, errorCode(text)]).toEqual([501, 'NotImplemented']);
      expect(text).not.toContain('ListBucketResult');
    }

    const version = await fetch(await signed('GET', 'object', { versionId: 'CAEQNhiBgMDJgZCA0BYiIDc4MGZjZGI2OTBjOTRmNTE5NmU5NmFmZjMyZThiNmRh' }));
    const text = await version.text();
    expect([version.status, errorCode(text)]).toEqual([501, 'NotImplemented']);
    expect(text).not.toContain('current body');
    expect(text).toMatch(/<RequestId>[0-9A-F]{24}<\/RequestId>/);
    expect(text).toMatch(/<EC>[^<]+<\/EC>/);
  });

  it('refuses ali-oss calls for features it lacks: versions, process, callback, encryption, request payer', async () => {
    expect(await codeOf(client.get('k', { versionId: 'v1' } as never))).toBe('NotImplemented');
    expect(await codeOf(client.get('k', { process: 'image/resize,w_10' }))).toBe('NotImplemented');
    expect(await codeOf(client.delete('k', { versionId: 'v1' } as never))).toBe('NotImplemented');
    expect(await codeOf(client.put('cb', Buffer.from('x'), { callback: { url: 'http://127.0.0.1:1/cb', body: 'bucket=${bucket}' } } as never))).toBe('NotImplemented');
    expect(await codeOf(client.put('enc', Buffer.from('x'), { headers: { 'x-oss-server-side-encryption': 'AES256' } }))).toBe('NotImplemented');
    expect(await codeOf(client.put('kms', Buffer.from('x'), { headers: { 'x-oss-server-side-encryption': 'KMS', 'x-oss-server-side-encryption-key-id': 'k' } }))).toBe('NotImplemented');
    expect(await codeOf(client.copy('enc-copy', 'k', { headers: { 'x-oss-server-side-encryption': 'AES256' } }))).toBe('NotImplemented');
    expect(await codeOf(client.copy('versioned-copy', 'k', { versionId: 'v1' } as never))).toBe('NotImplemented');
    expect(await codeOf(client.put('payer', Buffer.from('x'), { headers: { 'x-oss-request-payer': 'requester' } }))).toBe('NotImplemented');
    for (const key of ['cb', 'enc', 'kms', 'enc-copy', 'versioned-copy', 'payer']) expect(await codeOf(client.head(key))).toBe('NoSuchKey');
    // The current object is untouched by the refused versioned delete.
    expect((await client.get('k')).content.toString()).toBe('current body');
  });

  it(`walks OSS's whole sub-resource list (${KNOWN_SUB_RESOURCES.length} names) at every level and method`, async () => {
    const wrong: string[] = [];
    let refused = 0;
    for (const name of KNOWN_SUB_RESOURCES) {
      // Tolerated everywhere and applied by the data operations; the traffic-limit test covers it.
      if (name === 'x-oss-traffic-limit') continue;
      for (const [level, methods] of [['service', ['GET']], ['bucket', ['GET', 'HEAD', 'PUT', 'POST', 'DELETE']], ['object', ['GET', 'HEAD', 'PUT', 'POST', 'DELETE']]] as const) {
        for (const method of methods) {
          if (IMPLEMENTED[`${method} ${level}`]?.includes(name)) continue;
          // A sub-resource implemented at this level with other methods: 405 or 501, never a fall-through.
          const otherMethod = Object.entries(IMPLEMENTED).some(([where, names]) => where.endsWith(` ${level}`) && names.includes(name));
          const res = await fetch(await signed(method, level, { [name]: '' }), { method, body: method === 'PUT' || method === 'POST' ? new Uint8Array(0) : undefined });
          const text = await res.text();
          const headError = Buffer.from(res.headers.get('x-oss-err') ?? '', 'base64').toString();
          const code = method === 'HEAD' ? errorCode(headError) : errorCode(text);
          const ok = otherMethod
            ? (res.status === 405 && (method === 'HEAD' || code === 'MethodNotAllowed')) || (res.status === 501 && code === 'NotImplemented')
            : res.status === 501 && code === 'NotImplemented' && /<RequestId>[0-9A-F]{24}<\/RequestId>/.test(method === 'HEAD' ? headError : text);
          if (ok) refused += 1;
          else wrong.push(`${method} ${level}?${name} -> ${res.status} ${code ?? ''}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(KNOWN_SUB_RESOURCES.length * 9);
    // Nothing the sweep sent changed the bucket or its object.
    expect((await client.get('k')).content.toString()).toBe('current body');
    expect((await client.list({ 'max-keys': 100 }, {})).objects?.map((o) => o.name)).toEqual(['k']);
  });
});
