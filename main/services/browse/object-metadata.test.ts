import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectTags } from '../oss/copy-properties';
import { ObjectMetadata } from './object-metadata';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

describe('object details and edits against the emulator', () => {
  let fx: BrowseFixture;
  let meta: ObjectMetadata;
  const bucket = 'meta-bucket';

  beforeAll(async () => {
    fx = await startBrowseFixture({ restoreDelayMs: 300 });
    await fx.createBucket(bucket);
    await fx.seed(bucket, [{ key: 'doc.txt', body: 'hello world', contentType: 'text/plain' }]);
    meta = new ObjectMetadata(fx.clients);
  });
  afterAll(async () => fx?.close());

  it('shows size, ETag, CRC64, class, restore state, ACL and URL', async () => {
    const d = await meta.details('p', bucket, 'doc.txt');
    expect(d).toMatchObject({ bucket, key: 'doc.txt', size: 11, storageClass: 'Standard', objectType: 'Normal', acl: 'default', restore: { state: 'not-needed' } });
    expect(d.etag).toBe('5EB63BBBE01EEED093CB22BB8F5ACDC3');
    // CRC-64/ECMA-182 (OSS variant) of "hello world"
    expect(d.crc64).toBe('5981764153023615706');
    expect(d.url).toMatch(/\/meta-bucket\/doc\.txt$/);
    expect(d.headers.contentType).toBe('text/plain');
  });

  it('sets and reads the object ACL', async () => {
    expect((await meta.setAcl('p', bucket, 'doc.txt', 'public-read')).acl).toBe('public-read');
    expect((await meta.setAcl('p', bucket, 'doc.txt', 'default')).acl).toBe('default');
  });

  it('replaces HTTP headers and x-oss-meta-*, keeping the body and storage class', async () => {
    await meta.setHeaders('p', bucket, 'doc.txt', { contentType: 'text/plain' }, { first: '1' });
    const d = await meta.setHeaders('p', bucket, 'doc.txt', { contentType: 'text/markdown', cacheControl: 'max-age=60', contentDisposition: 'attachment' }, { owner: 'Ann', Project: 'x-1' });
    expect(d.headers).toMatchObject({ contentType: 'text/markdown', cacheControl: 'max-age=60', contentDisposition: 'attachment' });
    expect(d.meta).toEqual({ owner: 'Ann', project: 'x-1' });
    expect(d.size).toBe(11);
    await expect(meta.setHeaders('p', bucket, 'doc.txt', {}, { city: '杭州' })).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('keeps a non-default object ACL through header and class edits', async () => {
    await meta.setAcl('p', bucket, 'doc.txt', 'public-read');
    expect((await meta.setHeaders('p', bucket, 'doc.txt', { contentType: 'text/markdown', cacheControl: 'max-age=60', contentDisposition: 'attachment' }, { owner: 'Ann', Project: 'x-1' })).acl).toBe('public-read');
    expect((await meta.setStorageClass('p', bucket, 'doc.txt', 'Standard')).acl).toBe('public-read');
    await meta.setAcl('p', bucket, 'doc.txt', 'default');
  });

  it('changes the storage class and keeps metadata', async () => {
    const d = await meta.setStorageClass('p', bucket, 'doc.txt', 'IA');
    expect(d.storageClass).toBe('IA');
    expect(d.meta).toEqual({ owner: 'Ann', project: 'x-1' });
  });

  it('restores an Archive object: archived → in progress → restored', async () => {
    await fx.seed(bucket, [{ key: 'cold.bin', body: 'frozen', storageClass: 'Archive' }]);
    expect((await meta.details('p', bucket, 'cold.bin')).restore).toEqual({ state: 'archived' });
    await expect(fx.getBytes(bucket, 'cold.bin')).rejects.toMatchObject({ code: 'InvalidObjectState' });
    expect(await meta.restore('p', bucket, 'cold.bin', 3)).toEqual({ state: 'in-progress' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const restored = (await meta.details('p', bucket, 'cold.bin')).restore;
    expect(restored.state).toBe('restored');
    expect(restored.expiresAt).toBeGreaterThan(Date.now() + 2 * 86_400_000);
    expect((await fx.getBytes(bucket, 'cold.bin')).toString()).toBe('frozen');
    await expect(meta.restore('p', bucket, 'doc.txt', 1)).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('restores a ColdArchive object with a retrieval tier', async () => {
    await fx.seed(bucket, [{ key: 'colder.bin', body: 'ice', storageClass: 'ColdArchive' }]);
    expect(await meta.restore('p', bucket, 'colder.bin', 1, 'Bulk')).toEqual({ state: 'in-progress' });
    await expect.poll(async () => (await meta.details('p', bucket, 'colder.bin')).restore.state, { timeout: 5000 }).toBe('restored');
  });

  it('creates and reads symlinks, and folders', async () => {
    const row = await meta.createSymlink('p', bucket, 'links/to doc', 'doc.txt');
    expect(row).toMatchObject({ key: 'links/to doc', type: 'Symlink' });
    expect(await meta.symlinkTarget('p', bucket, 'links/to doc')).toBe('doc.txt');
    const d = await meta.details('p', bucket, 'links/to doc');
    expect(d.objectType).toBe('Symlink');
    expect(d.symlinkTarget).toBe('doc.txt');

    expect(await meta.createFolder('p', bucket, 'new folder')).toMatchObject({ key: 'new folder/', isPrefix: true, name: 'new folder' });
    expect((await meta.details('p', bucket, 'new folder/')).size).toBe(0);
  });

  it('rewrites objects above the copy limit part by part, keeping bytes and metadata', async () => {
    const big = new ObjectMetadata(fx.clients, { multipartThreshold: 250 * 1024, partSize: 100 * 1024 });
    const body = Buffer.alloc(300 * 1024, 7);
    await fx.accountClient(bucket).put('big.bin', body, { headers: { 'Content-Type': 'application/x-big', 'x-oss-object-acl': 'private', 'x-oss-tagging': 'team=ops' }, meta: { tag: 'keep' } } as never);
    fx.requests.length = 0;
    const d = await big.setStorageClass('p', bucket, 'big.bin', 'IA');
    expect(d).toMatchObject({ storageClass: 'IA', size: body.length, headers: { contentType: 'application/x-big' }, meta: { tag: 'keep' } });
    expect(fx.requests.filter((r) => r.url.includes('partNumber=')).length).toBe(3);
    const edited = await big.setHeaders('p', bucket, 'big.bin', { contentType: 'text/plain' }, { tag: 'new' });
    expect(edited).toMatchObject({ storageClass: 'IA', headers: { contentType: 'text/plain' }, meta: { tag: 'new' } });
    expect((await fx.getBytes(bucket, 'big.bin')).equals(body)).toBe(true);
    // ACL and tags survive the part-by-part rewrite, the ACL set with the rewrite itself.
    expect(edited.acl).toBe('private');
    expect(await objectTags(fx.accountClient(bucket), 'big.bin')).toEqual({ team: 'ops' });
    expect(fx.requests.filter((r) => r.method === 'PUT' && /[?&]acl(=|&|$)/.test(r.url))).toEqual([]);
  });

  it('refuses to rewrite an object whose ACL it may not read, leaving it as it was', async () => {
    await fx.accountClient(bucket).put('guarded.txt', Buffer.from('g'), { headers: { 'x-oss-object-acl': 'private' } });
    await fx.fault({ match: { method: 'GET', path: 'guarded.txt', operation: 'oss:GetObjectAcl' }, action: 'error', status: 403, code: 'AccessDenied' });
    await expect(meta.setHeaders('p', bucket, 'guarded.txt', { contentType: 'text/x-new' }, {})).rejects.toMatchObject({ code: 'AccessDenied', message: expect.stringMatching(/^Not changed: who may open it/) });
    await fx.clearFaults();
    expect((await meta.details('p', bucket, 'guarded.txt'))).toMatchObject({ acl: 'private', headers: { contentType: 'text/plain' } });
  });

  it('passes OSS errors through with code and request ID', async () => {
    await expect(meta.details('p', bucket, 'missing.txt')).rejects.toMatchObject({ code: 'NoSuchKey', status: 404 });
  });
});
