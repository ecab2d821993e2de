import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowseServices, type BrowseServices } from './browse-services';
import { copyName, freeTargetKey } from './copy-names';
import { eventLog } from '../../test-support/collect-events';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

describe('copy names', () => {
  it('puts "(copy)" before the extension, numbers later copies, keeps dotfiles whole', () => {
    expect(copyName('report.pdf', 1)).toBe('report (copy).pdf');
    expect(copyName('report.pdf', 2)).toBe('report (copy 2).pdf');
    expect(copyName('archive.tar.gz', 1)).toBe('archive (copy).tar.gz');
    expect(copyName('archive.tar.gz', 2)).toBe('archive (copy 2).tar.gz');
    expect(copyName('Backup.TAR.BZ2', 1)).toBe('Backup (copy).TAR.BZ2');
    expect(copyName('logs.tar.xz', 1)).toBe('logs (copy).tar.xz');
    expect(copyName('db.tar.zst', 1)).toBe('db (copy).tar.zst');
    // Only known pairs are one extension; a bare ".tar.gz" is a dotfile name.
    expect(copyName('notes.v2.txt', 1)).toBe('notes.v2 (copy).txt');
    expect(copyName('.tar.gz', 1)).toBe('.tar (copy).gz');
    expect(copyName('.env', 1)).toBe('.env (copy)');
    expect(copyName('photos', 3)).toBe('photos (copy 3)');
  });

  it('skips names taken at the target and names this paste already claimed', async () => {
    const taken = new Set(['d/a.txt', 'd/a (copy).txt']);
    const claimed = new Set(['d/a (copy 2).txt']);
    const key = await freeTargetKey('d/', 'a.txt', false, async (k) => taken.has(k), claimed);
    expect(key).toBe('d/a (copy 3).txt');
    expect(claimed.has('d/a (copy 3).txt')).toBe(true);
    expect(await freeTargetKey('d/', 'b.txt', false, async (k) => taken.has(k), claimed)).toBe('d/b.txt');
  });
});

describe('paste into the same folder against the emulator: keep both, never overwrite', () => {
  let fx: BrowseFixture;
  let svc: BrowseServices;
  const log = eventLog();
  const bucket = 'paste-here';

  const keys = async (): Promise<string[]> =>
    (await svc.listing.listPage({ profileId: 'p', bucket, prefix: '', delimiter: '', maxKeys: 1000 })).rows.map((r) => r.key).sort();
  const text = async (key: string) => (await svc.preview.readText('p', bucket, key, 100)).text;
  const paste = async (items: Array<{ key: string; isPrefix: boolean }>, targetPrefix = 'docs/') => {
    const id = svc.operations.startCopy({ profileId: 'p', bucket, items, targetBucket: bucket, targetPrefix, move: false, keepBoth: true });
    return svc.operations.wait(id);
  };

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(bucket);
    await fx.seed(bucket, [
      { key: 'docs/report.pdf', body: 'original' },
      { key: 'docs/album/a.jpg', body: 'AAA' },
      { key: 'other/report.pdf', body: 'from elsewhere' },
    ]);
    svc = createBrowseServices({ clients: fx.clients, dataDir: await mkdtemp(path.join(os.tmpdir(), 'paste-')), ...log, progressIntervalMs: 0 });
  });
  afterAll(async () => fx?.close());

  it('makes "name (copy).ext", then "name (copy 2).ext", for files and folders', async () => {
    expect(await paste([{ key: 'docs/report.pdf', isPrefix: false }])).toMatchObject({ failedCount: 0, done: 1 });
    expect(await paste([{ key: 'docs/report.pdf', isPrefix: false }, { key: 'docs/album/', isPrefix: true }])).toMatchObject({ failedCount: 0, done: 2 });
    expect(await paste([{ key: 'docs/album/', isPrefix: true }])).toMatchObject({ failedCount: 0, done: 1 });
    expect(await keys()).toEqual([
      'docs/album (copy 2)/a.jpg',
      'docs/album (copy)/a.jpg',
      'docs/album/a.jpg',
      'docs/report (copy 2).pdf',
      'docs/report (copy).pdf',
      'docs/report.pdf',
      'other/report.pdf',
    ]);
    expect(await text('docs/report (copy 2).pdf')).toBe('original');
    expect(await text('docs/album (copy)/a.jpg')).toBe('AAA');
  });

  it('a same-named file from another folder is kept apart too: nothing is overwritten', async () => {
    expect(await paste([{ key: 'other/report.pdf', isPrefix: false }])).toMatchObject({ failedCount: 0, done: 1 });
    expect(await text('docs/report.pdf')).toBe('original');
    expect(await text('docs/report (copy 3).pdf')).toBe('from elsewhere');
  });

  it('still refuses a folder pasted into its own subfolder', () => {
    expect(() =>
      svc.operations.startCopy({ profileId: 'p', bucket, items: [{ key: 'docs/', isPrefix: true }], targetBucket: bucket, targetPrefix: 'docs/album/', move: false, keepBoth: true }),
    ).toThrow(/into itself/);
  });
});
