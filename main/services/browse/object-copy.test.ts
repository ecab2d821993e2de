import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowseServices, type BrowseServices } from './browse-services';
import { eventLog } from '../../test-support/collect-events';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

describe('copy, move and rename against the emulator', () => {
  let fx: BrowseFixture;
  let svc: BrowseServices;
  const log = eventLog();
  const src = 'copy-src';
  const dst = 'copy-dst';

  const keysUnder = async (bucket: string, prefix: string): Promise<string[]> =>
    // Listed from the root: a folder listing hides the folder's own marker object.
    (await svc.listing.listPage({ profileId: 'p', bucket, prefix: '', delimiter: '', maxKeys: 1000 })).rows
      .map((r) => r.key)
      .filter((k) => k.startsWith(prefix))
      .sort();

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(src);
    await fx.createBucket(dst);
    await fx.seed(src, [
      { key: 'album/', body: '' },
      { key: 'album/a.jpg', body: 'AAA', contentType: 'image/jpeg' },
      { key: 'album/sub/b.txt', body: 'BB' },
      { key: 'single.txt', body: 'one' },
    ]);
    svc = createBrowseServices({
      clients: fx.clients,
      dataDir: await mkdtemp(path.join(os.tmpdir(), 'copy-')),
      ...log,
      progressIntervalMs: 0,
      copy: { multipartThreshold: 250 * 1024, partSize: 100 * 1024 },
    });
  });
  afterAll(async () => fx?.close());

  it('copies a folder and a file across buckets, keeping content and type', async () => {
    const id = svc.operations.startCopy({
      profileId: 'p',
      bucket: src,
      items: [
        { key: 'album/', isPrefix: true },
        { key: 'single.txt', isPrefix: false },
      ],
      targetBucket: dst,
      targetPrefix: 'backup/',
      move: false,
    });
    expect(await svc.operations.wait(id)).toMatchObject({ kind: 'copy', done: 4, total: 4, failedCount: 0, bytesDone: 8, bytesTotal: 8 });
    expect(await keysUnder(dst, 'backup/')).toEqual(['backup/album/', 'backup/album/a.jpg', 'backup/album/sub/b.txt', 'backup/single.txt']);
    const copied = await svc.preview.readText('p', dst, 'backup/album/a.jpg', 100);
    expect(copied.text).toBe('AAA');
    expect((await svc.metadata.details('p', dst, 'backup/album/a.jpg')).headers.contentType).toBe('image/jpeg');
    expect(await keysUnder(src, 'album/')).toHaveLength(3);
  });

  it('renames a folder: every key copied, then the originals deleted', async () => {
    const id = svc.operations.startRename({ profileId: 'p', bucket: src, fromKey: 'album/', toKey: 'photos-2024', isPrefix: true });
    expect(await svc.operations.wait(id)).toMatchObject({ kind: 'move', done: 3, failedCount: 0 });
    expect(await keysUnder(src, 'album/')).toEqual([]);
    expect(await keysUnder(src, 'photos-2024/')).toEqual(['photos-2024/', 'photos-2024/a.jpg', 'photos-2024/sub/b.txt']);
  });

  it('keeps a public file public when it is renamed', async () => {
    await fx.seed(src, [{ key: 'site/logo.png', body: 'png' }]);
    await svc.metadata.setAcl('p', src, 'site/logo.png', 'public-read');
    const id = svc.operations.startRename({ profileId: 'p', bucket: src, fromKey: 'site/logo.png', toKey: 'site/brand.png', isPrefix: false });
    expect(await svc.operations.wait(id)).toMatchObject({ done: 1, failedCount: 0 });
    expect((await svc.metadata.details('p', src, 'site/brand.png')).acl).toBe('public-read');
  });

  it('never overwrites on rename, and copies without overwrite when asked', async () => {
    await fx.seed(src, [
      { key: 'clash/a.txt', body: 'new' },
      { key: 'clash/b.txt', body: 'new-b' },
      { key: 'taken/a.txt', body: 'old' },
    ]);
    const id = svc.operations.startRename({ profileId: 'p', bucket: src, fromKey: 'clash/', toKey: 'taken/', isPrefix: true });
    const final = await svc.operations.wait(id);
    expect(final).toMatchObject({ done: 2, failedCount: 1 });
    expect(final!.failed).toEqual([expect.objectContaining({ key: 'clash/a.txt', code: 'FileAlreadyExists', requestId: expect.any(String), ec: expect.any(String) })]);
    expect((await svc.preview.readText('p', src, 'taken/a.txt', 100)).text).toBe('old');
    expect((await svc.preview.readText('p', src, 'taken/b.txt', 100)).text).toBe('new-b');
    expect(await keysUnder(src, 'clash/')).toEqual(['clash/a.txt']);

    const keep = svc.operations.startCopy({ profileId: 'p', bucket: src, items: [{ key: 'clash/a.txt', isPrefix: false }], targetBucket: src, targetPrefix: 'taken/', move: false, overwrite: false });
    expect(await svc.operations.wait(keep)).toMatchObject({ failedCount: 0, skipped: 1 });
    expect((await svc.preview.readText('p', src, 'taken/a.txt', 100)).text).toBe('old');
    const replace = svc.operations.startCopy({ profileId: 'p', bucket: src, items: [{ key: 'clash/a.txt', isPrefix: false }], targetBucket: src, targetPrefix: 'taken/', move: false, overwrite: true });
    expect(await svc.operations.wait(replace)).toMatchObject({ failedCount: 0 });
    expect((await svc.preview.readText('p', src, 'taken/a.txt', 100)).text).toBe('new');
  });

  it('refuses to move a folder into itself before starting', () => {
    expect(() => svc.operations.startCopy({ profileId: 'p', bucket: src, items: [{ key: 'photos-2024/', isPrefix: true }], targetBucket: src, targetPrefix: 'photos-2024/sub/', move: true })).toThrow(
      /into itself/,
    );
  });

  it('copies objects above the threshold with multipart copy, byte for byte', async () => {
    const body = Buffer.alloc(300 * 1024);
    for (let i = 0; i < body.length; i++) body[i] = (i * 31) & 0xff;
    await fx.seed(src, [{ key: 'big.bin', body, contentType: 'application/x-test' }]);
    fx.requests.length = 0;
    const id = svc.operations.startCopy({ profileId: 'p', bucket: src, items: [{ key: 'big.bin', isPrefix: false }], targetBucket: dst, targetPrefix: '', move: true });
    const final = await svc.operations.wait(id);
    expect(final?.failed).toEqual([]);
    expect(final).toMatchObject({ done: 1, failedCount: 0 });
    expect(fx.requests.filter((r) => r.method === 'PUT' && r.url.includes('partNumber=')).length).toBe(3);
    expect(final).toMatchObject({ bytesDone: body.length, bytesTotal: body.length });
    // Bytes advance part by part, not only when the whole object is done.
    const steps = log.operations.filter((p) => p.operationId === id && !p.finished).map((p) => p.bytesDone);
    expect(steps.some((b) => b !== undefined && b > 0 && b < body.length)).toBe(true);
    const copy = await fx.getBytes(dst, 'big.bin');
    expect(copy.equals(body)).toBe(true);
    expect((await svc.metadata.details('p', dst, 'big.bin')).headers.contentType).toBe('application/x-test');
    expect(await keysUnder(src, 'big.bin')).toEqual([]);
    expect((await svc.multipart.list('p', dst)).uploads).toEqual([]);
  });

  it('copies across regions by streaming, with type and metadata', async () => {
    const other = fx.regions.find((r) => r !== fx.region)!;
    await fx.createBucket('far-dst', other);
    await fx.accountClient(src).put('meta.txt', Buffer.from('regional'), { headers: { 'Content-Type': 'text/x-test' }, meta: { origin: 'hz' } } as never);
    fx.requests.length = 0;
    const id = svc.operations.startCopy({ profileId: 'p', bucket: src, items: [{ key: 'meta.txt', isPrefix: false }, { key: 'photos-2024/', isPrefix: true }], targetBucket: 'far-dst', targetPrefix: 'in/', move: false });
    expect(await svc.operations.wait(id)).toMatchObject({ done: 4, failedCount: 0 });
    // OSS cannot CopyObject across regions: the bytes must come through a GET of the source.
    expect(fx.requests.some((r) => r.method === 'GET' && r.url.includes('/copy-src/meta.txt'))).toBe(true);
    expect(fx.requests.some((r) => r.method === 'PUT' && r.url.includes('/far-dst/in/meta.txt'))).toBe(true);
    const d = await svc.metadata.details('p', 'far-dst', 'in/meta.txt');
    expect(d).toMatchObject({ size: 8, headers: { contentType: 'text/x-test' }, meta: { origin: 'hz' } });
    expect(await keysUnder('far-dst', 'in/')).toEqual(['in/meta.txt', 'in/photos-2024/', 'in/photos-2024/a.jpg', 'in/photos-2024/sub/b.txt']);
  });

  it('says when a moved key was copied but its original could not be deleted', async () => {
    await fx.seed(src, [{ key: 'mv/keep-me.txt', body: 'k' }, { key: 'mv/ok.txt', body: 'o' }]);
    await fx.fault({ match: { method: 'POST', operation: 'oss:DeleteObject' }, action: 'error', status: 403, code: 'AccessDenied', times: 1 });
    await fx.fault({ match: { method: 'DELETE', path: 'keep-me' }, action: 'error', status: 403, code: 'AccessDenied' });
    const id = svc.operations.startCopy({ profileId: 'p', bucket: src, items: [{ key: 'mv/', isPrefix: true }], targetBucket: dst, targetPrefix: '', move: true });
    const final = await svc.operations.wait(id);
    await fx.clearFaults();
    expect(final).toMatchObject({ done: 2, failedCount: 1 });
    expect(final!.failed[0]).toMatchObject({ key: 'mv/keep-me.txt', code: 'AccessDenied', message: expect.stringMatching(/^Copied, but the original was not deleted/) });
    expect(await keysUnder(dst, 'mv/')).toEqual(['mv/keep-me.txt', 'mv/ok.txt']);
    expect(await keysUnder(src, 'mv/')).toEqual(['mv/keep-me.txt']);
  });

  it('cancels a multipart copy and leaves no incomplete upload behind', async () => {
    await fx.seed(src, [{ key: 'slow-big.bin', body: Buffer.alloc(400 * 1024, 1) }]);
    await fx.fault({ match: { method: 'PUT', operation: 'oss:PutObject' }, action: 'latency', latencyMs: 400 });
    let sawPart = false;
    fx.onRequest((method, url) => {
      if (method === 'PUT' && url.includes('partNumber=') && url.includes('slow-big')) sawPart = true;
    });
    const id = svc.operations.startCopy({ profileId: 'p', bucket: src, items: [{ key: 'slow-big.bin', isPrefix: false }], targetBucket: dst, targetPrefix: 'cancelled/', move: false });
    await expect.poll(() => sawPart, { timeout: 10_000 }).toBe(true);
    svc.operations.cancel(id);
    const final = await svc.operations.wait(id);
    await fx.clearFaults();
    expect(final).toMatchObject({ cancelled: true, failedCount: 0, done: 0 });
    expect((await svc.multipart.list('p', dst)).uploads).toEqual([]);
    expect(await keysUnder(dst, 'cancelled/')).toEqual([]);
  });

  it('reports a missing source as a failed key', async () => {
    const id = svc.operations.startCopy({ profileId: 'p', bucket: src, items: [{ key: 'nope.txt', isPrefix: false }], targetBucket: dst, targetPrefix: '', move: false });
    const final = await svc.operations.wait(id);
    expect(final?.failed).toEqual([expect.objectContaining({ key: 'nope.txt', code: 'NoSuchKey', message: expect.any(String), requestId: expect.any(String) })]);
  });
});
