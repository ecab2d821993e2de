import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectRow } from '../../../shared/object-types';
import { ObjectListing } from './object-listing';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

describe('ObjectListing against the emulator', () => {
  let fx: BrowseFixture;
  let listing: ObjectListing;
  const bucket = 'listing-bucket';

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(bucket);
    const keys = Array.from({ length: 2500 }, (_, i) => `many/obj-${String(i).padStart(5, '0')}.txt`);
    await fx.seed(bucket, [...keys.map((key) => ({ key, body: 'x' })), { key: 'tree/', body: '' }, { key: 'tree/a/1.txt', body: '11' }, { key: 'tree/b.txt', body: 'bbb' }]);
    listing = new ObjectListing(fx.clients);
  });
  afterAll(async () => fx?.close());

  it('pages 1000 keys at a time until nextToken is null', async () => {
    const pages: ObjectRow[][] = [];
    let token: string | null = null;
    do {
      const page = await listing.listPage({ profileId: 'p', bucket, prefix: 'many/', delimiter: '/', continuationToken: token, maxKeys: 1000 });
      pages.push(page.rows);
      token = page.nextToken;
    } while (token);
    expect(pages.map((p) => p.length)).toEqual([1000, 1000, 500]);
    const all = pages.flat();
    expect(new Set(all.map((r) => r.key)).size).toBe(2500);
    expect(all[0]).toMatchObject({ key: 'many/obj-00000.txt', name: 'obj-00000.txt', isPrefix: false, size: 1, storageClass: 'Standard' });
    expect(all[0]!.etag).toMatch(/^[0-9A-F]{32}$/i);
    expect(all[0]!.lastModified).toBeGreaterThan(Date.UTC(2020, 0, 1));
  });

  it('has the next page on its way before the caller asks for it', async () => {
    const first = await listing.listPage({ profileId: 'p', bucket, prefix: 'many/', delimiter: '/', maxKeys: 1000 });
    const isList = (r: { method: string; url: string }) => r.method === 'GET' && r.url.includes('list-type=2');
    await expect.poll(() => fx.requests.filter((r) => isList(r) && r.url.includes('continuation-token=')).length).toBeGreaterThan(0);
    const before = fx.requests.filter(isList).length;
    const second = await listing.listPage({ profileId: 'p', bucket, prefix: 'many/', delimiter: '/', continuationToken: first.nextToken, maxKeys: 1000 });
    // Served from the read-ahead; only the read-ahead of page 3 went out.
    expect(fx.requests.filter(isList).length).toBe(before + 1);
    expect(second.rows[0]!.key).toBe('many/obj-01000.txt');
    const plain = new ObjectListing(fx.clients, { prefetch: false });
    expect(await plain.listPage({ profileId: 'p', bucket, prefix: 'many/', delimiter: '/', continuationToken: first.nextToken, maxKeys: 1000 })).toEqual(second);
  });

  it('pages the same way with V1 signatures (continuation-token signed as a sub-resource)', async () => {
    const v1 = new ObjectListing(fx.clientsV1);
    let token: string | null = null;
    let total = 0;
    do {
      const page = await v1.listPage({ profileId: 'p', bucket, prefix: 'many/', delimiter: '/', continuationToken: token, maxKeys: 1000 });
      total += page.rows.length;
      token = page.nextToken;
    } while (token);
    expect(total).toBe(2500);
    expect((await v1.count('p', bucket, '')).objects).toBe(2503);
  });

  it('shows folders as prefixes and hides the folder’s own marker object', async () => {
    const page = await listing.listPage({ profileId: 'p', bucket, prefix: 'tree/', delimiter: '/', maxKeys: 1000 });
    expect(page.nextToken).toBeNull();
    expect(page.rows.map((r) => [r.name, r.isPrefix, r.size])).toEqual([
      ['a', true, 0],
      ['b.txt', false, 3],
    ]);
    const root = await listing.listPage({ profileId: 'p', bucket, prefix: '', delimiter: '/', maxKeys: 1000 });
    expect(root.rows.map((r) => r.key).sort()).toEqual(['many/', 'tree/']);
  });

  it('counts objects and bytes recursively', async () => {
    expect(await listing.count('p', bucket, 'tree/')).toEqual({ objects: 3, bytes: 5, complete: true });
    expect((await listing.count('p', bucket, '')).objects).toBe(2503);
  });

  it('stops counting at a limit and says the count is a lower bound', async () => {
    expect(await listing.count('p', bucket, 'many/', 1500)).toMatchObject({ objects: 2000, complete: false });
    expect(await listing.count('p', bucket, 'tree/', 1500)).toMatchObject({ objects: 3, complete: true });
  });
});
