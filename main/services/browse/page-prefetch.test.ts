import { describe, expect, it } from 'vitest';
import { PagePrefetch } from './page-prefetch';

describe('PagePrefetch', () => {
  it('hands a page fetched ahead out once, then fetches fresh', async () => {
    const cache = new PagePrefetch<string>();
    let calls = 0;
    const fetch = async () => `page-${++calls}`;
    cache.start('k', fetch);
    expect(await cache.take('k', fetch)).toBe('page-1');
    expect(await cache.take('k', fetch)).toBe('page-2');
    expect(cache.size).toBe(0);
  });

  it('retries with a fresh request when the read-ahead failed or expired', async () => {
    let now = 0;
    const cache = new PagePrefetch<string>({ ttlMs: 100, clock: () => now });
    cache.start('bad', () => Promise.reject(new Error('503')));
    expect(await cache.take('bad', async () => 'fresh')).toBe('fresh');
    cache.start('old', async () => 'stale');
    now = 500;
    expect(await cache.take('old', async () => 'fresh')).toBe('fresh');
  });

  it('drops the read-aheads of a listing that starts over', async () => {
    const cache = new PagePrefetch<string>();
    cache.start('folder-a\ntoken-2', async () => 'old page 2');
    cache.start('folder-b\ntoken-2', async () => 'other folder');
    cache.dropStartingWith('folder-a\n');
    expect(await cache.take('folder-a\ntoken-2', async () => 'fresh page 2')).toBe('fresh page 2');
    expect(await cache.take('folder-b\ntoken-2', async () => 'fresh')).toBe('other folder');
  });

  it('holds at most maxEntries pages', () => {
    const cache = new PagePrefetch<number>({ maxEntries: 2 });
    for (let i = 0; i < 5; i++) cache.start(`k${i}`, async () => i);
    expect(cache.size).toBe(2);
  });
});
