import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../conformance/store-harness';
import { ossClient } from '../conformance/oss-client';

describe('store on disk', () => {
  let dir = '';
  let harness: Harness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps buckets, objects and uploads across a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'store-'));
    harness = await startHarness({ dataDir: dir });
    let client = ossClient(harness.endpoint, 'persist', true);
    await client.putBucket('persist');
    await client.put('a/b.txt', Buffer.from('hello'));
    await client.put('gone', Buffer.from('x'));
    await client.delete('gone');
    await client.put('a/b.txt', Buffer.from('hello again'));
    await harness.close();

    harness = await startHarness({ dataDir: dir });
    client = ossClient(harness.endpoint, 'persist', true);
    const got = await client.get('a/b.txt');
    expect(got.content.toString()).toBe('hello again');
    const list = await client.listV2({ 'max-keys': '10' }, {});
    expect(list.objects.map((o) => o.name)).toEqual(['a/b.txt']);
    expect((await harness.store.getBucket('persist'))?.region).toBe('oss-cn-hangzhou');
  });

  it('seeds 100k keys quickly and lists them in pages', async () => {
    dir = mkdtempSync(join(tmpdir(), 'store-'));
    harness = await startHarness({ dataDir: dir });
    await harness.store.createBucket('seeded', '1234567890123456', 'oss-cn-hangzhou');
    const keys = Array.from({ length: 100_000 }, (_, i) => `folder/file-${String(i).padStart(6, '0')}.bin`);
    expect(await harness.store.seedObjects('seeded', keys.map((key) => ({ key, size: 10 })))).toBe(100_000);
    const client = ossClient(harness.endpoint, 'seeded', false);
    const page = await client.listV2({ prefix: 'folder/', 'max-keys': '1000', 'start-after': 'folder/file-049999.bin' }, {});
    expect(page.objects).toHaveLength(1000);
    expect(page.objects[0]?.name).toBe('folder/file-050000.bin');
    expect(page.objects[0]?.size).toBe(10);
    const body = await client.get('folder/file-000007.bin');
    expect(body.content).toEqual(Buffer.alloc(10));
    await harness.close();
    harness = await startHarness({ dataDir: dir });
    const again = await ossClient(harness.endpoint, 'seeded', false).list({ prefix: 'folder/file-09999', 'max-keys': '1000' }, {});
    expect(again.objects.map((o) => o.name)).toEqual(keys.slice(99_990));
  });
});
