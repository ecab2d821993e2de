import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BookmarkStore } from './bookmark-store';

describe('BookmarkStore', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bookmarks-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps bookmarks per profile across instances, with byte-exact prefixes', async () => {
    const store = new BookmarkStore(dir, () => 1000);
    await store.add('p1', 'photos', 'a//b c/');
    await store.add('p1', 'photos', 'cafe\u0301/', 'Café');
    await store.add('p2', 'logs', '');
    const again = new BookmarkStore(dir);
    expect(await again.list('p1')).toEqual([
      { bucket: 'photos', prefix: 'a//b c/', name: 'oss://photos/a//b c/', createdAt: 1000 },
      { bucket: 'photos', prefix: 'cafe\u0301/', name: 'Café', createdAt: 1000 },
    ]);
    expect(await again.list('p2')).toHaveLength(1);
    expect(await again.list('nobody')).toEqual([]);
  });

  it('renames instead of duplicating, removes, and leaves no temp files after concurrent writes', async () => {
    const store = new BookmarkStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.add('p', 'b', `k${i}/`)));
    await store.add('p', 'b', 'k0/', 'zero');
    expect((await store.list('p')).length).toBe(20);
    expect((await store.list('p')).find((b) => b.prefix === 'k0/')?.name).toBe('zero');
    expect(await store.remove('p', 'b', 'k1/')).toHaveLength(19);
    expect(await readdir(dir)).toEqual(['bookmarks.json']);
    expect(JSON.parse(await readFile(path.join(dir, 'bookmarks.json'), 'utf8')).version).toBe(1);
  });

  it('removeProfile drops only that profile\'s bookmarks, and the file forgets it', async () => {
    const store = new BookmarkStore(dir);
    await store.add('gone', 'b', 'x/');
    await store.add('gone', 'b', 'y/');
    await store.add('kept', 'b', 'z/');
    expect(await store.removeProfile('gone')).toEqual([]);
    const again = new BookmarkStore(dir);
    expect(await again.list('gone')).toEqual([]);
    expect((await again.list('kept')).map((b) => b.prefix)).toEqual(['z/']);
    expect(Object.keys(JSON.parse(await readFile(path.join(dir, 'bookmarks.json'), 'utf8')).profiles)).toEqual(['kept']);
  });
});
