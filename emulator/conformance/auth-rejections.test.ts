/**
 * Requests OSS would reject, rejected the same way: bad signature (GET and HEAD), unknown
 * key, expired presigned URLs (V1, V4), clock skew, wrong region endpoint, RAM policy
 * denial, ACLs for anonymous and cross-account access.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index';
import { admin, aliClient, aliError, rawRequest, xmlField } from './auth-clients';

let emu: RunningEmulator;
const bucket = 'rejections';
beforeAll(async () => {
  emu = await startEmulator({ memory: true, port: 0 });
  const owner = aliClient(emu, { credentials: emu.accounts[0]!, v4: true });
  await owner.putBucket(bucket);
  const client = aliClient(emu, { credentials: emu.accounts[0]!, v4: true, bucket });
  await client.put('photos/cat.jpg', Buffer.from('cat'));
  await client.put('docs/secret.txt', Buffer.from('secret'));
});
afterAll(async () => {
  await emu?.close();
});
afterEach(() => {
  emu.clock.offsetMs = 0;
});

const owner = () => emu.accounts.find((k) => k.kind === 'account' && k.name === 'sandbox')!;
const photosReader = () => emu.accounts.find((k) => k.name === 'photos-reader')!;
const otherAccount = () => emu.accounts.find((k) => k.name === 'other-account')!;

describe('signature failures', () => {
  it('answers a wrong V1 signature with SignatureDoesNotMatch XML, request id and EC', async () => {
    const res = await rawRequest(`${emu.endpoint}/${bucket}/photos/cat.jpg`, {
      headers: { Date: new Date().toUTCString(), Authorization: `OSS ${owner().accessKeyId}:AAAAAAAAAAAAAAAAAAAAAAAAAAA=` },
    });
    expect(res.status).toBe(403);
    expect(xmlField(res.text, 'Code')).toBe('SignatureDoesNotMatch');
    expect(xmlField(res.text, 'StringToSign')).toMatch(/^GET\n\n\n.+ GMT\n\/rejections\/photos\/cat\.jpg$/);
    expect(xmlField(res.text, 'SignatureProvided')).toBe('AAAAAAAAAAAAAAAAAAAAAAAAAAA=');
    expect(xmlField(res.text, 'OSSAccessKeyId')).toBe(owner().accessKeyId);
    expect(xmlField(res.text, 'RequestId')).toBe(res.headers['x-oss-request-id']);
    expect(res.headers['x-oss-request-id']).toMatch(/^[0-9A-F]{24}$/);
    expect(xmlField(res.text, 'EC')).toBe('0002-00000040');
    expect(res.headers['x-oss-ec']).toBe('0002-00000040');
  });

  it('answers HEAD errors without a body, with the XML in x-oss-err (which ali-oss decodes)', async () => {
    const res = await rawRequest(`${emu.endpoint}/${bucket}/photos/cat.jpg`, {
      method: 'HEAD',
      headers: { Date: new Date().toUTCString(), Authorization: `OSS ${owner().accessKeyId}:AAAAAAAAAAAAAAAAAAAAAAAAAAA=` },
    });
    expect([res.status, res.text]).toEqual([403, '']);
    const xml = Buffer.from(String(res.headers['x-oss-err']), 'base64').toString('utf8');
    expect(xmlField(xml, 'Code')).toBe('SignatureDoesNotMatch');
    const wrongSecret = aliClient(emu, { credentials: { accessKeyId: owner().accessKeyId, accessKeySecret: 'wrong' }, v4: true, bucket });
    const err = await aliError(wrongSecret.head('photos/cat.jpg'));
    expect([err.status, err.code, err.ecCode]).toEqual([403, 'SignatureDoesNotMatch', '0002-00000040']);
  });

  it('rejects a large upload with a readable error, not a broken connection', async () => {
    const wrongSecret = aliClient(emu, { credentials: { accessKeyId: owner().accessKeyId, accessKeySecret: 'wrong' }, v4: false, bucket });
    const err = await aliError(wrongSecret.put('big-rejected.bin', Buffer.alloc(8 * 1024 * 1024, 1)));
    expect([err.status, err.code]).toEqual([403, 'SignatureDoesNotMatch']);
    const ok = aliClient(emu, { credentials: owner(), v4: false, bucket });
    await expect(ok.head('big-rejected.bin')).rejects.toMatchObject({ status: 404 });
  });

  it('rejects an unknown AccessKey with InvalidAccessKeyId (V1 and V4)', async () => {
    for (const v4 of [false, true]) {
      const client = aliClient(emu, { credentials: { accessKeyId: 'LTAInobody', accessKeySecret: 'x' }, v4, bucket });
      expect((await aliError(client.get('photos/cat.jpg'))).code).toBe('InvalidAccessKeyId');
    }
  });
});

describe('time', () => {
  it('expires V1 presigned URLs: AccessDenied "Request has expired."', async () => {
    const client = aliClient(emu, { credentials: owner(), v4: false, bucket });
    const url = client.signatureUrl('photos/cat.jpg', { expires: 60 });
    expect((await rawRequest(url)).status).toBe(200);
    emu.clock.offsetMs = 61_000;
    const res = await rawRequest(url);
    expect([res.status, xmlField(res.text, 'Code'), xmlField(res.text, 'Message')]).toEqual([403, 'AccessDenied', 'Request has expired.']);
  });

  it('expires V4 presigned URLs after x-oss-expires seconds and refuses lifetimes over 7 days', async () => {
    const client = aliClient(emu, { credentials: owner(), v4: true, bucket });
    const url = await client.signatureUrlV4('GET', 60, { headers: {} }, 'photos/cat.jpg');
    expect((await rawRequest(url)).status).toBe(200);
    emu.clock.offsetMs = 61_000;
    const expired = await rawRequest(url);
    expect([expired.status, xmlField(expired.text, 'Code'), xmlField(expired.text, 'Message')]).toEqual([403, 'AccessDenied', 'Request has expired.']);
    emu.clock.offsetMs = 0;
    const tooLong = await rawRequest(await client.signatureUrlV4('GET', 604801, { headers: {} }, 'photos/cat.jpg'));
    expect([tooLong.status, xmlField(tooLong.text, 'Code')]).toEqual([400, 'InvalidArgument']);
  });

  it('rejects requests more than 15 minutes off the server clock (V1 and V4)', async () => {
    emu.clock.offsetMs = 16 * 60_000;
    for (const v4 of [false, true]) {
      const err = await aliError(aliClient(emu, { credentials: owner(), v4, bucket }).get('photos/cat.jpg'));
      expect([err.status, err.code]).toEqual([403, 'RequestTimeTooSkewed']);
    }
    emu.clock.offsetMs = 14 * 60_000;
    expect((await aliClient(emu, { credentials: owner(), v4: true, bucket }).get('photos/cat.jpg')).content.toString()).toBe('cat');
  });
});

describe('regions', () => {
  it('sends a bucket on the wrong region endpoint to the right one', async () => {
    const shanghai = 'oss-cn-shanghai';
    await aliClient(emu, { credentials: owner(), v4: true, region: shanghai }).putBucket('in-shanghai');
    const right = aliClient(emu, { credentials: owner(), v4: true, region: shanghai, bucket: 'in-shanghai' });
    await right.put('k', Buffer.from('x'));
    const wrong = aliClient(emu, { credentials: owner(), v4: false, bucket: 'in-shanghai' });
    const err = await aliError(wrong.get('k'));
    expect([err.status, err.code]).toEqual([403, 'AccessDenied']);
    expect(err.message).toMatch(/must be addressed using the specified endpoint/);
    const res = await rawRequest(`${emu.endpoint}/in-shanghai/k`);
    expect(xmlField(res.text, 'Endpoint')).toBe(new URL(emu.endpoints[shanghai]!).host);
    expect(xmlField(res.text, 'Bucket')).toBe('in-shanghai');
    const listed = (await aliClient(emu, { credentials: owner(), v4: true }).listBuckets({})) as unknown as { buckets: Array<{ name: string; region: string }> };
    expect(listed.buckets.find((b) => b.name === 'in-shanghai')?.region).toBe(shanghai);
  });
});

describe('RAM policies', () => {
  it('lets photos-reader read and list photos/ only', async () => {
    for (const v4 of [false, true]) {
      const client = aliClient(emu, { credentials: photosReader(), v4, bucket });
      expect((await client.get('photos/cat.jpg')).content.toString()).toBe('cat');
      expect((await client.list({ prefix: 'photos/', 'max-keys': 100 }, {})).objects?.map((o) => o.name)).toEqual(['photos/cat.jpg']);
      const read = await aliError(client.get('docs/secret.txt'));
      expect([read.status, read.code]).toEqual([403, 'AccessDenied']);
      expect((await aliError(client.list({ 'max-keys': 100 }, {}))).code).toBe('AccessDenied');
      expect((await aliError(client.list({ prefix: 'docs/', 'max-keys': 100 }, {}))).code).toBe('AccessDenied');
      expect((await aliError(client.put('photos/new.jpg', Buffer.from('x')))).code).toBe('AccessDenied');
      expect((await aliError(client.delete('photos/cat.jpg'))).code).toBe('AccessDenied');
    }
  });

  it('names the denied action in the AccessDeniedDetail', async () => {
    const client = aliClient(emu, { credentials: photosReader(), v4: true, bucket });
    const url = await client.signatureUrlV4('GET', 60, { headers: {} }, 'docs/secret.txt');
    const res = await rawRequest(url);
    expect(xmlField(res.text, 'AuthAction')).toBe('oss:GetObject');
    expect(xmlField(res.text, 'NoPermissionType')).toBe('ImplicitDeny');
  });
});

describe('ACLs', () => {
  it('denies anonymous access to a private bucket and allows reads once it is public-read', async () => {
    const anonymous = await rawRequest(`${emu.endpoint}/${bucket}/photos/cat.jpg`);
    expect([anonymous.status, xmlField(anonymous.text, 'Code')]).toEqual([403, 'AccessDenied']);
    const client = aliClient(emu, { credentials: owner(), v4: true, bucket });
    await client.putBucketACL(bucket, 'public-read');
    try {
      const read = await rawRequest(`${emu.endpoint}/${bucket}/photos/cat.jpg`);
      expect([read.status, read.text]).toEqual([200, 'cat']);
      const write = await rawRequest(`${emu.endpoint}/${bucket}/anon.txt`, { method: 'PUT', body: 'x' });
      expect([write.status, xmlField(write.text, 'Code')]).toEqual([403, 'AccessDenied']);
      const other = aliClient(emu, { credentials: otherAccount(), v4: true, bucket });
      expect((await other.get('docs/secret.txt')).content.toString()).toBe('secret');
      expect((await aliError(other.put('x', Buffer.from('x')))).code).toBe('AccessDenied');
    } finally {
      await client.putBucketACL(bucket, 'private');
    }
  });

  it('lets an object ACL override the bucket ACL for anonymous readers', async () => {
    const client = aliClient(emu, { credentials: owner(), v4: false, bucket });
    await client.putACL('photos/cat.jpg', 'public-read');
    try {
      const read = await rawRequest(`${emu.endpoint}/${bucket}/photos/cat.jpg`);
      expect([read.status, read.text]).toEqual([200, 'cat']);
      expect((await rawRequest(`${emu.endpoint}/${bucket}/docs/secret.txt`)).status).toBe(403);
      await client.putBucketACL(bucket, 'public-read');
      await client.putACL('docs/secret.txt', 'private');
      const hidden = await rawRequest(`${emu.endpoint}/${bucket}/docs/secret.txt`);
      expect([hidden.status, xmlField(hidden.text, 'Code')]).toEqual([403, 'AccessDenied']);
    } finally {
      await client.putBucketACL(bucket, 'private');
      await client.putACL('photos/cat.jpg', 'default' as never);
      await client.putACL('docs/secret.txt', 'default' as never);
    }
  });

  it('denies another account access to a private bucket', async () => {
    const other = aliClient(emu, { credentials: otherAccount(), v4: false, bucket });
    const err = await aliError(other.get('photos/cat.jpg'));
    expect([err.status, err.code, err.message]).toEqual([403, 'AccessDenied', 'The bucket you access does not belong to you.']);
  });
});

describe('admin API', () => {
  it('refuses requests without the token and seeds objects without signing', async () => {
    const refused = await rawRequest(`${emu.endpoint}/__emulator/info`);
    expect(refused.status).toBe(403);
    const seeded = await admin(emu, 'POST', 'seed', { bucket: 'seeded', objects: [{ key: 'a.txt', body: 'A' }, { key: 'z.bin', size: 3 }] });
    expect(JSON.parse(seeded.text)).toEqual({ seeded: 2 });
    const client = aliClient(emu, { credentials: owner(), v4: true, bucket: 'seeded' });
    expect((await client.get('a.txt')).content.toString()).toBe('A');
    expect((await client.get('z.bin')).content).toEqual(Buffer.alloc(3));
  });
});
