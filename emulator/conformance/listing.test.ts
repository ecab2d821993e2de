/** ListObjects v1 and v2 through ali-oss: prefixes, paging, owner fields, url encoding and limits. */
import type OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_AND_STYLE, bucketName, codeOf, startTarget, type Target } from './target';

let target: Target;
beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
});

const KEYS = ['a.txt', 'b/1', 'b/2', 'b/sub/3', 'c/1', 'c/2', 'd', 'e/x/y', 'f f/1', 'g+g/1'];

describe.each(SIGNING_AND_STYLE)('ListObjects v1 and v2 ($name)', ({ v4, vhost }) => {
  let client: OSS;
  beforeAll(async () => {
    const bucket = bucketName(`list-${v4 ? 'v4' : 'v1'}${vhost ? 'h' : 'p'}`);
    await target.client(undefined, v4, vhost).putBucket(bucket);
    client = target.client(bucket, v4, vhost);
    for (const key of KEYS) await client.put(key, Buffer.from(key));
  });

  it('v1 rolls up common prefixes and pages with NextMarker', async () => {
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await client.list({ delimiter: '/', 'max-keys': 2, ...(marker ? { marker } : {}) }, {});
      seen.push(...(page.objects ?? []).map((o) => o.name), ...(page.prefixes ?? []));
      marker = page.isTruncated ? (page.nextMarker as string) : undefined;
      pages++;
    } while (marker);
    expect(seen.sort()).toEqual(['a.txt', 'b/', 'c/', 'd', 'e/', 'f f/', 'g+g/']);
    expect(pages).toBe(4);
  });

  it('v1 objects carry owner, size, type, storage class and quoted ETag', async () => {
    const page = await client.list({ prefix: 'b/', 'max-keys': 100 }, {});
    expect(page.objects.map((o) => o.name)).toEqual(['b/1', 'b/2', 'b/sub/3']);
    const first = page.objects[0] as OSS.ObjectMeta & { owner: { id: string } };
    expect(first.size).toBe(3);
    expect(first.type).toBe('Normal');
    expect(first.storageClass).toBe('Standard');
    expect(first.etag).toMatch(/^"[0-9A-F]{32}"$/);
    expect(first.owner.id).toMatch(/\S/);
    expect(page.isTruncated).toBe(false);
  });

  it('v2 pages with continuation tokens, start-after, fetch-owner and KeyCount', async () => {
    const all: string[] = [];
    let token: string | null = null;
    do {
      const page: Awaited<ReturnType<OSS['listV2']>> & { keyCount?: number } = await client.listV2({ 'max-keys': '3', ...(token ? { 'continuation-token': token } : {}) }, {});
      all.push(...(page.objects ?? []).map((o) => o.name));
      expect(page.keyCount).toBe((page.objects ?? []).length);
      token = page.nextContinuationToken ?? null;
    } while (token);
    expect(all).toEqual(KEYS);
    const after = await client.listV2({ 'start-after': 'c/1', 'max-keys': '2' }, {});
    expect(after.objects.map((o) => o.name)).toEqual(['c/2', 'd']);
    expect((after.objects[0] as { owner: unknown }).owner).toBeNull();
    const owned = await client.listV2({ prefix: 'd', 'fetch-owner': true, 'max-keys': '5' } as OSS.ListV2ObjectsQuery, {});
    expect((owned.objects[0] as { owner: { id: string } }).owner.id).toMatch(/\S/);
    const folders = await client.listV2({ prefix: 'b/', delimiter: '/', 'max-keys': '10' }, {});
    expect(folders.objects.map((o) => o.name)).toEqual(['b/1', 'b/2']);
    expect(folders.prefixes).toEqual(['b/sub/']);
  });

  it('url-encodes keys and prefixes with encoding-type=url', async () => {
    const page = await client.list({ delimiter: '/', 'max-keys': 100, 'encoding-type': 'url' } as OSS.ListObjectsQuery, {});
    expect(page.prefixes).toContain('f%20f/');
    expect(page.prefixes).toContain('g%2Bg/');
    // An explicit empty prefix (`prefix=`) is signed as such by ali-oss V4 and must verify.
    const empty = await client.list({ prefix: '', marker: '', delimiter: '/', 'max-keys': 100 } as OSS.ListObjectsQuery, {});
    expect(empty.prefixes).toContain('f f/');
  });

  it('rejects max-keys above 1000 and unknown encodings', async () => {
    expect(await codeOf(client.list({ 'max-keys': 1001 }, {}))).toBe('InvalidArgument');
    expect(await codeOf(client.list({ 'max-keys': 10, 'encoding-type': 'base64' } as unknown as OSS.ListObjectsQuery, {}))).toBe('InvalidArgument');
  });

  it('defaults max-keys to 100 and caps at 1000', async () => {
    const bucket = bucketName('many');
    await target.client(undefined, v4, vhost).putBucket(bucket);
    const c = target.client(bucket, v4, vhost);
    for (let i = 0; i < 120; i++) await c.put(`k${String(i).padStart(3, '0')}`, Buffer.from('x'));
    const page = await c.list(undefined as unknown as OSS.ListObjectsQuery, {});
    expect(page.objects).toHaveLength(100);
    expect(page.isTruncated).toBe(true);
    expect(page.nextMarker).toBe('k099');
  });
});
