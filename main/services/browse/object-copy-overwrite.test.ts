/**
 * Overwrite protection on every copy path, not only CopyObject in one bucket: a rename or a
 * copy with "keep existing" must refuse an existing target for large objects (multipart
 * UploadPartCopy), for another bucket (a different client) and for a bucket in another
 * region (GET piped into PUT) — and leave the target's bytes and no half-finished upload.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowseServices, type BrowseServices } from './browse-services';
import { eventLog } from '../../test-support/collect-events';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

/** Over the 250 KiB test threshold, so these take the multipart path. */
const BIG_NEW = Buffer.alloc(300 * 1024, 1);
const BIG_OLD = Buffer.alloc(280 * 1024, 2);

describe('overwrite protection on multipart, cross-bucket and cross-region copies', () => {
  let fx: BrowseFixture;
  let svc: BrowseServices;
  const log = eventLog();
  const src = 'ow-src';
  const dst = 'ow-dst';
  const far = 'ow-far';

  /** A copy with overwrite: false leaves taken keys alone and reports them as skipped, not failed. */
  const expectSkipped = async (id: string, count: number): Promise<void> => {
    const final = await svc.operations.wait(id);
    expect(final).toMatchObject({ failedCount: 0, skipped: count, done: count });
  };
  const expectRefused = async (id: string, keys: string[]): Promise<void> => {
    const final = await svc.operations.wait(id);
    expect(final).toMatchObject({ failedCount: keys.length });
    expect(final!.failed.map((f) => [f.key, f.code]).sort()).toEqual(keys.map((k) => [k, 'FileAlreadyExists']).sort());
  };

  // The fixture's seed and read helpers use the default region; the provider routes by bucket.
  const put = async (bucket: string, key: string, body: Buffer | string): Promise<void> => {
    await (await fx.clients.forBucket('p', bucket)).put(key, Buffer.from(body));
  };
  const bytes = async (bucket: string, key: string): Promise<Buffer> => (await (await fx.clients.forBucket('p', bucket)).get(key)).content as Buffer;

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(src);
    await fx.createBucket(dst);
    await fx.createBucket(far, fx.regions.find((r) => r !== fx.region));
    svc = createBrowseServices({
      clients: fx.clients,
      dataDir: await mkdtemp(path.join(os.tmpdir(), 'copy-overwrite-')),
      ...log,
      progressIntervalMs: 0,
      copy: { multipartThreshold: 250 * 1024, partSize: 100 * 1024 },
    });
  });
  afterAll(async () => fx?.close());

  it('never overwrites a large object when a folder is renamed onto an existing one', async () => {
    await fx.seed(src, [
      { key: 'clash/big.bin', body: BIG_NEW },
      { key: 'taken/big.bin', body: BIG_OLD },
    ]);
    const id = svc.operations.startRename({ profileId: 'p', bucket: src, fromKey: 'clash/', toKey: 'taken/', isPrefix: true });
    await expectRefused(id, ['clash/big.bin']);
    expect((await fx.getBytes(src, 'taken/big.bin')).equals(BIG_OLD)).toBe(true);
    // The refused source stays where it was.
    expect((await fx.getBytes(src, 'clash/big.bin')).equals(BIG_NEW)).toBe(true);
    expect((await svc.multipart.list('p', src)).uploads).toEqual([]);
  });

  it('never overwrites a large object on a single-object rename', async () => {
    await fx.seed(src, [
      { key: 'one/big.bin', body: BIG_NEW },
      { key: 'one/big-old.bin', body: BIG_OLD },
    ]);
    const id = svc.operations.startRename({ profileId: 'p', bucket: src, fromKey: 'one/big.bin', toKey: 'one/big-old.bin', isPrefix: false });
    await expectRefused(id, ['one/big.bin']);
    expect((await fx.getBytes(src, 'one/big-old.bin')).equals(BIG_OLD)).toBe(true);
  });

  it('keeps existing large and small objects in another bucket when asked to', async () => {
    await fx.seed(src, [
      { key: 'set/big.bin', body: BIG_NEW },
      { key: 'set/small.txt', body: 'new' },
    ]);
    await fx.seed(dst, [
      { key: 'set/big.bin', body: BIG_OLD },
      { key: 'set/small.txt', body: 'old' },
    ]);
    const id = svc.operations.startCopy({ profileId: 'p', bucket: src, items: [{ key: 'set/', isPrefix: true }], targetBucket: dst, targetPrefix: '', move: true, overwrite: false });
    await expectSkipped(id, 2);
    expect((await fx.getBytes(dst, 'set/big.bin')).equals(BIG_OLD)).toBe(true);
    expect((await fx.getBytes(dst, 'set/small.txt')).toString()).toBe('old');
    // A move whose copy was refused keeps its source.
    expect((await fx.getBytes(src, 'set/big.bin')).equals(BIG_NEW)).toBe(true);
    expect((await svc.multipart.list('p', dst)).uploads).toEqual([]);
  });

  it('keeps existing objects in a bucket of another region when asked to', async () => {
    await fx.seed(src, [
      { key: 'far/big.bin', body: BIG_NEW },
      { key: 'far/small.txt', body: 'new' },
    ]);
    await put(far, 'far/big.bin', BIG_OLD);
    await put(far, 'far/small.txt', 'old');
    const id = svc.operations.startCopy({ profileId: 'p', bucket: src, items: [{ key: 'far/', isPrefix: true }], targetBucket: far, targetPrefix: '', move: false, overwrite: false });
    await expectSkipped(id, 2);
    expect((await bytes(far, 'far/big.bin')).equals(BIG_OLD)).toBe(true);
    expect((await bytes(far, 'far/small.txt')).toString()).toBe('old');
  });

  it('leaves existing objects alone by default (no overwrite named)', async () => {
    const id = svc.operations.startCopy({ profileId: 'p', bucket: src, items: [{ key: 'far/', isPrefix: true }], targetBucket: far, targetPrefix: '', move: false });
    await expectSkipped(id, 2);
    expect((await bytes(far, 'far/big.bin')).equals(BIG_OLD)).toBe(true);
  });

  it('does overwrite on every path when overwriting is allowed', async () => {
    const id = svc.operations.startCopy({ profileId: 'p', bucket: src, items: [{ key: 'far/', isPrefix: true }], targetBucket: far, targetPrefix: '', move: false, overwrite: true });
    expect(await svc.operations.wait(id)).toMatchObject({ failedCount: 0 });
    expect((await bytes(far, 'far/big.bin')).equals(BIG_NEW)).toBe(true);
    const same = svc.operations.startCopy({ profileId: 'p', bucket: src, items: [{ key: 'set/', isPrefix: true }], targetBucket: dst, targetPrefix: '', move: false, overwrite: true });
    expect(await svc.operations.wait(same)).toMatchObject({ failedCount: 0 });
    expect((await fx.getBytes(dst, 'set/big.bin')).equals(BIG_NEW)).toBe(true);
  });
});
