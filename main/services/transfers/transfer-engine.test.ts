import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { crc64Of } from '../oss/crc64';
import { startHarness, type Harness } from './test-support/engine-harness';

const MiB = 1024 * 1024;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('TransferEngine against the emulator', () => {
  it('uploads a folder (PUT and multipart), verifies every CRC-64, and downloads it back byte for byte', async () => {
    h = await startHarness({ tuning: { multipartThreshold: 2 * MiB, autoPartSize: 1 * MiB } });
    await h.fx.createBucket('tx-basic');
    await h.file('src/album/a.txt', 'hello');
    await h.file('src/album/deep/b.bin', 5 * MiB + 17);
    await h.file('src/album/empty.txt', '');
    const res = await h.intake.upload({ profileId: 'p', bucket: 'tx-basic', prefix: 'up/', paths: [join(h.dir, 'src/album')], policy: 'overwrite' });
    expect(res.rejected).toEqual([]);
    await h.settle();
    const items = h.engine.list(0, 100).items;
    expect(items.map((i) => [i.key, i.state, i.verified]).sort()).toEqual([
      ['up/album/a.txt', 'done', true],
      ['up/album/deep/b.bin', 'done', true],
      ['up/album/empty.txt', 'done', true],
    ]);
    const big = await readFile(join(h.dir, 'src/album/deep/b.bin'));
    expect((await h.fx.getBytes('tx-basic', 'up/album/deep/b.bin')).equals(big)).toBe(true);
    // A multipart upload (6 parts) leaves no checkpoint behind.
    expect(await readdir(join(h.dataDir, 'checkpoints')).catch(() => [])).toEqual([]);

    const out = join(h.dir, 'out');
    await h.intake.download({ profileId: 'p', bucket: 'tx-basic', basePrefix: 'up/', items: [{ key: 'up/album/', isPrefix: true }], root: out, policy: 'overwrite' });
    await h.settle();
    expect(await readFile(join(out, 'album/a.txt'), 'utf8')).toBe('hello');
    expect((await readFile(join(out, 'album/deep/b.bin'))).equals(big)).toBe(true);
    expect((await stat(join(out, 'album/empty.txt'))).size).toBe(0);
    expect(await readdir(join(out, 'album/deep'))).toEqual(['b.bin']); // no temp file left
    expect(h.finished.length).toBe(2);
  });

  it('asks before a batch with conflicts with a plan (new, changed, identical) and applies the answer to all', async () => {
    h = await startHarness();
    await h.fx.createBucket('tx-plan');
    await h.fx.seed('tx-plan', [
      { key: 'd/same.txt', body: 'same' },
      { key: 'd/changed.txt', body: 'old content' },
    ]);
    await h.file('d/same.txt', 'same');
    await h.file('d/changed.txt', 'new content!');
    await h.file('d/new.txt', 'brand new');
    await h.intake.upload({ profileId: 'p', bucket: 'tx-plan', prefix: '', paths: [join(h.dir, 'd')], policy: 'ask' });
    await h.settle();
    expect(h.plans).toHaveLength(1);
    expect(h.plans[0]).toMatchObject({ newCount: 1, changedCount: 1, identicalCount: 1, complete: true });
    expect(h.engine.totals().queued).toBe(3); // nothing started before the answer
    await h.engine.answer(h.plans[0]!.batchId, 'skip-identical');
    await h.settle();
    const byKey = Object.fromEntries(h.engine.list(0, 10).items.map((i) => [i.key, i.state]));
    expect(byKey).toEqual({ 'd/same.txt': 'skipped', 'd/changed.txt': 'done', 'd/new.txt': 'done' });
    expect((await h.fx.getBytes('tx-plan', 'd/changed.txt')).toString()).toBe('new content!');
  });

  it('skip uses x-oss-forbid-overwrite and keep-both picks "name (1).ext", for uploads and downloads', async () => {
    h = await startHarness();
    await h.fx.createBucket('tx-keep');
    await h.fx.seed('tx-keep', [{ key: 'k/a.txt', body: 'remote' }]);
    const local = await h.file('k/a.txt', 'local');
    await h.intake.upload({ profileId: 'p', bucket: 'tx-keep', prefix: 'k/', paths: [local], policy: 'skip' });
    await h.settle();
    expect((await h.fx.getBytes('tx-keep', 'k/a.txt')).toString()).toBe('remote');
    expect(h.engine.list(0, 10).items[0]).toMatchObject({ state: 'skipped', note: { kind: 'skipped', reason: 'exists' } });
    await h.intake.upload({ profileId: 'p', bucket: 'tx-keep', prefix: 'k/', paths: [local], policy: 'keep-both' });
    await h.settle();
    expect((await h.fx.getBytes('tx-keep', 'k/a (1).txt')).toString()).toBe('local');

    const out = join(h.dir, 'dl');
    await h.file('dl/a.txt', 'mine');
    await h.intake.download({ profileId: 'p', bucket: 'tx-keep', basePrefix: 'k/', items: [{ key: 'k/a.txt', isPrefix: false }], root: out, policy: 'keep-both' });
    await h.settle();
    expect(await readFile(join(out, 'a.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(out, 'a (1).txt'), 'utf8')).toBe('remote');
    await h.intake.download({ profileId: 'p', bucket: 'tx-keep', basePrefix: 'k/', items: [{ key: 'k/a.txt', isPrefix: false }], root: out, policy: 'skip' });
    await h.settle();
    expect(await readFile(join(out, 'a.txt'), 'utf8')).toBe('mine');
  });

  it('a failed download leaves an existing file untouched and no temp file', async () => {
    h = await startHarness({ tuning: { requestAttempts: 2 } });
    await h.fx.createBucket('tx-fail');
    await h.fx.seed('tx-fail', [{ key: 'f.txt', body: 'remote version' }]);
    const out = join(h.dir, 'keep');
    await h.file('keep/f.txt', 'precious local data');
    await h.fx.fault({ match: { method: 'GET', path: '/tx-fail/f.txt' }, action: 'error', status: 500 });
    await h.intake.download({ profileId: 'p', bucket: 'tx-fail', basePrefix: '', items: [{ key: 'f.txt', isPrefix: false }], root: out, policy: 'overwrite' });
    await h.settle();
    const [item] = h.engine.list(0, 1).items;
    expect(item).toMatchObject({ state: 'failed', verified: false });
    expect(item!.error?.hint).toBeTruthy();
    expect(await readFile(join(out, 'f.txt'), 'utf8')).toBe('precious local data');
    expect(await readdir(out)).toEqual(['f.txt']);
  });

  it('says "verified" only when OSS sent a CRC-64 to compare with; without one the item is done, unverified', async () => {
    h = await startHarness({ stripCrc: true, tuning: { multipartThreshold: 2 * MiB, autoPartSize: 1 * MiB } });
    await h.fx.createBucket('tx-nocrc');
    await h.file('n/small.txt', 'tiny');
    await h.file('n/medium.bin', 600 * 1024);
    await h.file('n/large.bin', 3 * MiB);
    await h.intake.upload({ profileId: 'p', bucket: 'tx-nocrc', prefix: '', paths: [join(h.dir, 'n')], policy: 'overwrite' });
    await h.settle();
    const up = h.engine.list(0, 10).items.map((i) => [i.key, i.state, i.verified]).sort();
    expect(up).toEqual([
      ['n/large.bin', 'done', false],
      ['n/medium.bin', 'done', false],
      ['n/small.txt', 'done', false],
    ]);
    await h.engine.clearFinished();
    await h.intake.download({ profileId: 'p', bucket: 'tx-nocrc', basePrefix: '', items: [{ key: 'n/', isPrefix: true }], root: join(h.dir, 'back'), policy: 'overwrite' });
    await h.settle();
    const down = h.engine.list(0, 10).items.filter((i) => !i.key.endsWith('/'));
    expect(down.map((i) => [i.state, i.verified])).toEqual([
      ['done', false],
      ['done', false],
      ['done', false],
    ]);
    expect((await readFile(join(h.dir, 'back/n/large.bin'))).equals(await readFile(join(h.dir, 'n/large.bin')))).toBe(true);
  });

  it('rejects dropped paths that are missing or not files/folders, and never writes to them', async () => {
    h = await startHarness();
    await h.fx.createBucket('tx-drop');
    const ok = await h.file('drop/ok.txt', 'ok');
    const res = await h.intake.upload({ profileId: 'p', bucket: 'tx-drop', prefix: '', paths: [ok, join(h.dir, 'nope.txt'), '/dev/null'], policy: 'overwrite' });
    expect(res.rejected.map((r) => r.name)).toEqual(['nope.txt', 'null']);
    await h.settle();
    expect(await readFile(ok, 'utf8')).toBe('ok');
    expect(await crc64Of('ok')).toBe(await crc64Of(await readFile(ok)));
    await writeFile(ok, 'ok'); // still writable by us, unchanged by the engine
  });
});
