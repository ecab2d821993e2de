/** Paste into another folder against the emulator: conflicts are found first; keep both, skip and replace then do what they say. */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowseServices, type BrowseServices } from './browse-services';
import { DIRECT_CHECK_LIMIT, MAX_PAGES } from './copy-conflicts';
import { eventLog } from '../../test-support/collect-events';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

describe('copy conflicts and keep both into another folder (emulator)', () => {
  let fx: BrowseFixture;
  let svc: BrowseServices;
  const log = eventLog();
  const bucket = 'conflicts';
  const other = 'conflicts-other';
  const text = async (b: string, key: string) => (await svc.preview.readText('p', b, key, 100)).text;
  const conflicts = (items: Array<{ key: string; isPrefix: boolean }>, targetPrefix: string, targetBucket = bucket) =>
    svc.operations.conflicts({ profileId: 'p', items, targetBucket, targetPrefix });
  const copy = async (items: Array<{ key: string; isPrefix: boolean }>, targetPrefix: string, options: { overwrite?: boolean; keepBoth?: boolean; move?: boolean } = {}) =>
    svc.operations.wait(svc.operations.startCopy({ profileId: 'p', bucket, items, targetBucket: bucket, targetPrefix, move: options.move ?? false, ...options }));

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(bucket);
    await fx.createBucket(other);
    await fx.seed(bucket, [
      { key: 'src/report.pdf', body: 'new report' },
      { key: 'src/fresh.txt', body: 'fresh' },
      { key: 'src/album/a.jpg', body: 'new album' },
      { key: 'src/empty/', body: '' },
      { key: 'dst/report.pdf', body: 'old report' },
      { key: 'dst/album/b.jpg', body: 'old album' },
      { key: 'dst/report.pdf.bak', body: 'x' },
      { key: 'dst/deeper/fresh.txt', body: 'not a namesake' },
    ]);
    await fx.seed(other, [{ key: 'report.pdf', body: 'other bucket' }]);
    svc = createBrowseServices({ clients: fx.clients, dataDir: await mkdtemp(path.join(os.tmpdir(), 'conflicts-')), ...log, progressIntervalMs: 0 });
  });
  afterAll(async () => fx?.close());

  const items = [
    { key: 'src/report.pdf', isPrefix: false },
    { key: 'src/fresh.txt', isPrefix: false },
    { key: 'src/album/', isPrefix: true },
    { key: 'src/empty/', isPrefix: true },
  ];

  it('names the files and folders that already exist at the target, and nothing else', async () => {
    expect(await conflicts(items, 'dst/')).toEqual({ names: ['report.pdf', 'album/'] });
    expect(await conflicts(items, 'nowhere/')).toEqual({ names: [] });
    expect(await conflicts(items, '', other)).toEqual({ names: ['report.pdf'] });
  });

  it('finds them in a listing when many items are pasted, also past the listing budget', async () => {
    const many = Array.from({ length: DIRECT_CHECK_LIMIT + 5 }, (_, i) => ({ key: `src/n${String(i).padStart(4, '0')}.txt`, isPrefix: false }));
    const withTaken = [...many, ...items];
    expect(await conflicts(withTaken, 'dst/')).toEqual({ names: ['report.pdf', 'album/'] });
    // A target folder bigger than the listing budget: names past it are checked one by one.
    const big = 'big-target';
    await fx.createBucket(big);
    const filler = Array.from({ length: MAX_PAGES * 1000 + 10 }, (_, i) => ({ key: `t/a${String(i).padStart(6, '0')}`, body: '' }));
    await fx.seed(big, [...filler, { key: 't/zz-report.pdf', body: 'late' }]);
    const late = [...many, { key: 'src/zz-report.pdf', isPrefix: false }, { key: 'src/a000003', isPrefix: false }];
    expect(await conflicts(late, 't/', big)).toEqual({ names: ['zz-report.pdf', 'a000003'] });
  }, 60_000);

  it('overwrite: false leaves the existing bytes untouched and reports skipped, not failed', async () => {
    const final = await copy(items, 'dst/', { overwrite: false });
    expect(final).toMatchObject({ failedCount: 0, skipped: 1 });
    expect(final!.done).toBe(final!.total);
    expect(await text(bucket, 'dst/report.pdf')).toBe('old report');
    expect(await text(bucket, 'dst/fresh.txt')).toBe('fresh');
    // The folder's other keys still arrive; only the taken key is left alone.
    expect(await text(bucket, 'dst/album/a.jpg')).toBe('new album');
    expect(await text(bucket, 'dst/album/b.jpg')).toBe('old album');
  });

  it('a move that skips keeps the skipped source', async () => {
    await fx.seed(bucket, [{ key: 'mv/report.pdf', body: 'moving' }, { key: 'mv-dst/report.pdf', body: 'stays' }]);
    const final = await copy([{ key: 'mv/report.pdf', isPrefix: false }], 'mv-dst/', { move: true });
    expect(final).toMatchObject({ failedCount: 0, skipped: 1 });
    expect(await text(bucket, 'mv/report.pdf')).toBe('moving');
    expect(await text(bucket, 'mv-dst/report.pdf')).toBe('stays');
  });

  it('keep both into another folder saves "name (copy).ext" and "folder (copy)/"', async () => {
    const final = await copy([items[0]!, items[2]!], 'dst/', { keepBoth: true });
    expect(final).toMatchObject({ failedCount: 0, done: 2 });
    expect(await text(bucket, 'dst/report.pdf')).toBe('old report');
    expect(await text(bucket, 'dst/report (copy).pdf')).toBe('new report');
    expect(await text(bucket, 'dst/album (copy)/a.jpg')).toBe('new album');
    const again = await copy([items[0]!], 'dst/', { keepBoth: true });
    expect(again).toMatchObject({ failedCount: 0, done: 1 });
    expect(await text(bucket, 'dst/report (copy 2).pdf')).toBe('new report');
  });

  it('replace (overwrite: true) replaces', async () => {
    expect(await copy([items[0]!], 'dst/', { overwrite: true })).toMatchObject({ failedCount: 0, done: 1 });
    expect(await text(bucket, 'dst/report.pdf')).toBe('new report');
  });
});
