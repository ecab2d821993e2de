import { describe, expect, it } from 'vitest';
import type { ObjectPage, ObjectRow } from '../../../../shared/object-types';
import { FolderListing } from './folder-listing';

function rows(from: number, n: number): ObjectRow[] {
  return Array.from({ length: n }, (_, i) => {
    const k = `f/k${String(from + i).padStart(5, '0')}`;
    return { key: k, name: k.slice(2), isPrefix: false, size: from + i, lastModified: 0, etag: '', storageClass: 'Standard' };
  });
}

/** A paged source over `total` keys that records the page sizes asked for. */
function source(total: number, gate?: () => Promise<void>) {
  const asked: number[] = [];
  const fetch = async (token: string | null, maxKeys: number): Promise<ObjectPage> => {
    asked.push(maxKeys);
    if (gate) await gate();
    const start = token ? Number(token) : 0;
    const n = Math.min(maxKeys, total - start);
    return { rows: rows(start, n), nextToken: start + n < total ? String(start + n) : null };
  };
  return { asked, fetch };
}

function until(l: FolderListing, pred: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    if (pred()) return resolve();
    const off = l.subscribe(() => {
      if (pred()) {
        off();
        resolve();
      }
    });
  });
}

describe('folder listing', () => {
  it('pulls a small first page, then 1000-key pages, until complete', async () => {
    const src = source(2500);
    const l = new FolderListing(src.fetch, 2);
    const seen: number[] = [];
    l.subscribe(() => seen.push(l.getSnapshot().count));
    l.start();
    await until(l, () => l.getSnapshot().status === 'complete');
    expect(src.asked).toEqual([200, 1000, 1000, 1000]);
    expect(seen[0]).toBe(200);
    expect(l.getSnapshot().count).toBe(2500);
    expect(l.model.sorted.length).toBe(2500);
    expect(l.model.cols.nameOf(l.model.sorted[0]!)).toBe('k00000');
  });

  it('stops after the page in flight and resumes where it stopped', async () => {
    let release: () => void = () => undefined;
    const gate = () => new Promise<void>((r) => (release = r));
    const src = source(3000, gate);
    const l = new FolderListing(src.fetch, 2);
    l.start();
    release();
    await until(l, () => l.getSnapshot().count === 200);
    l.stop();
    release();
    await until(l, () => l.getSnapshot().status === 'stopped');
    expect(l.getSnapshot().count).toBe(1200);
    l.start();
    expect(l.getSnapshot().status).toBe('loading');
    const done = until(l, () => l.getSnapshot().status === 'complete');
    const pump = setInterval(() => release(), 1);
    await done;
    clearInterval(pump);
    expect(l.getSnapshot().count).toBe(3000);
    expect(new Set(l.model.cols.keys).size).toBe(3000);
  });

  it('leaving mid-page drops that page; coming back resumes without duplicates', async () => {
    let release: () => void = () => undefined;
    const gate = () => new Promise<void>((r) => (release = r));
    const src = source(2200, gate);
    const l = new FolderListing(src.fetch, 2);
    l.start();
    release();
    await until(l, () => l.getSnapshot().count === 200);
    // Leave while the second page is in flight: its rows must not land in a detached listing.
    l.dispose();
    release();
    await new Promise((r) => setTimeout(r, 5));
    expect(l.getSnapshot().count).toBe(200);
    l.start();
    const done = until(l, () => l.getSnapshot().status === 'complete');
    const pump = setInterval(() => release(), 1);
    await done;
    clearInterval(pump);
    expect(l.getSnapshot().count).toBe(2200);
    expect(new Set(l.model.cols.keys).size).toBe(2200);
    // Back while still in flight: start() re-attaches to the running loop instead of forking another.
    const l2 = new FolderListing(source(1500).fetch, 2);
    l2.start();
    l2.dispose();
    l2.start();
    await until(l2, () => l2.getSnapshot().status === 'complete');
    expect(l2.model.cols.count).toBe(1500);
  });

  it('reports an error with its code and keeps the rows it had', async () => {
    let calls = 0;
    const l = new FolderListing(async () => {
      if (calls++ > 0) throw Object.assign(new Error('denied'), { code: 'AccessDenied', requestId: 'R1' });
      return { rows: rows(0, 200), nextToken: '200' };
    }, 2);
    l.start();
    await until(l, () => l.getSnapshot().status === 'error');
    expect(l.getSnapshot().error).toMatchObject({ code: 'AccessDenied', message: 'denied', requestId: 'R1' });
    expect(l.getSnapshot().count).toBe(200);
  });

  it('retrying after an error continues from the page that failed', async () => {
    const src = source(1700);
    let fail = true;
    const l = new FolderListing(async (token, maxKeys) => {
      if (token === '200' && fail) {
        fail = false;
        throw Object.assign(new Error('busy'), { code: 'ServiceUnavailable' });
      }
      return src.fetch(token, maxKeys);
    }, 2);
    l.start();
    await until(l, () => l.getSnapshot().status === 'error');
    l.start();
    await until(l, () => l.getSnapshot().status === 'complete');
    expect(l.getSnapshot()).toMatchObject({ count: 1700, error: null });
    expect(new Set(l.model.cols.keys).size).toBe(1700);
    expect(src.asked).toEqual([200, 1000, 1000]);
  });
});

describe('revalidating a listed folder', () => {
  const row = (key: string, size: number): ObjectRow => ({ key, name: key.slice(2), isPrefix: false, size, lastModified: 1, etag: `e${size}`, storageClass: 'Standard' });

  it('patches added, removed and changed rows; unchanged rows keep their ids; no change, no redraw', async () => {
    let server = [row('f/a', 1), row('f/b', 2), row('f/c', 3)];
    const l = new FolderListing(async () => ({ rows: server, nextToken: null }), 2);
    l.start();
    await until(l, () => l.getSnapshot().status === 'complete');
    const idOf = (key: string) => l.model.cols.findKey(key);
    const a = idOf('f/a');
    const version = l.getSnapshot().version;
    expect(await l.revalidate()).toBe(false);
    expect(l.getSnapshot().version).toBe(version);

    server = [row('f/a', 1), row('f/c', 30), row('f/d', 4)];
    expect(await l.revalidate()).toBe(true);
    expect(idOf('f/a')).toBe(a);
    expect(idOf('f/b')).toBe(-1);
    expect(l.model.cols.sizes[idOf('f/c')]).toBe(30);
    expect(Array.from(l.model.sorted, (id) => l.model.cols.keys[id])).toEqual(['f/a', 'f/c', 'f/d']);
    expect(l.getSnapshot()).toMatchObject({ status: 'complete', count: 3 });
  });

  it('leaves a folder alone while it is still listing, and when the check fails', async () => {
    let fail = false;
    let release: () => void = () => undefined;
    const gate = () => new Promise<void>((r) => (release = r));
    const src = source(300, () => (fail ? Promise.reject(new Error('offline')) : gate()));
    const l = new FolderListing(src.fetch, 2);
    l.start();
    expect(await l.revalidate()).toBe(false);
    release();
    await until(l, () => l.getSnapshot().status !== 'loading' || l.model.cols.live === 200);
    release();
    await until(l, () => l.getSnapshot().status === 'complete');
    fail = true;
    expect(await l.revalidate()).toBe(false);
    expect(l.getSnapshot()).toMatchObject({ status: 'complete', count: 300, error: null });
  });
});
