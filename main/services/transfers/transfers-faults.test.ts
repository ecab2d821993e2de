/**
 * Both directions under faults (5% of requests answered 500, connections dropped mid-body
 * on uploads and downloads): a 200 MB file and a 2,000-file folder arrive complete and
 * CRC-verified, and nothing is left behind (no checkpoint, no temp file).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './test-support/engine-harness';

const MiB = 1024 * 1024;
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ tuning: { retryBaseMs: 10, requestAttempts: 10 }, settings: { parallelFiles: 8, parallelParts: 4 } });
  await h.fx.createBucket('faulty');
});
afterAll(async () => {
  await h?.close();
});

async function crcOfFile(path: string, size: number): Promise<string> {
  return h.engine.crc.crcOfRange(path, 0, size);
}

describe('transfers under faults', () => {
  it('a 200 MB file goes up and comes back CRC-verified despite 5xx answers and dropped connections', async () => {
    await setFaults(0.05);
    await h.fx.fault({ match: { method: 'PUT' }, action: 'drop', afterBytes: 2 * MiB, times: 3 });
    await h.fx.fault({ match: { method: 'GET', path: '/faulty/big/' }, action: 'drop', afterBytes: 3 * MiB, times: 3 });
    const path = join(h.dir, 'src', 'big.bin');
    await mkdir(join(h.dir, 'src'), { recursive: true });
    const fh = await open(path, 'w');
    for (let i = 0; i < 25; i++) await fh.write(randomBytes(8 * MiB));
    await fh.close();
    const crc = await crcOfFile(path, 200 * MiB);

    await h.intake.upload({ profileId: 'p', bucket: 'faulty', prefix: 'big/', paths: [path], policy: 'overwrite' });
    await h.settle(120_000);
    const up = h.engine.list(0, 10).items.find((i) => i.key === 'big/big.bin')!;
    expect(up).toMatchObject({ state: 'done', verified: true });
    const head = await h.fx.accountClient('faulty').head('big/big.bin');
    expect((head.res.headers as Record<string, string>)['x-oss-hash-crc64ecma']).toBe(crc);

    const out = join(h.dir, 'down-big');
    await h.intake.download({ profileId: 'p', bucket: 'faulty', basePrefix: 'big/', items: [{ key: 'big/big.bin', isPrefix: false }], root: out, policy: 'overwrite' });
    await h.settle(120_000);
    const down = h.engine.list(0, 10).items.find((i) => i.direction === 'download')!;
    expect(down).toMatchObject({ state: 'done', verified: true });
    expect(await crcOfFile(join(out, 'big.bin'), 200 * MiB)).toBe(crc);
    expect(await readdir(out)).toEqual(['big.bin']);
    expect(await readdir(join(h.dataDir, 'checkpoints'))).toEqual([]);
    await rm(path);
    await rm(out, { recursive: true });
    await h.engine.clearFinished();
  }, 150_000);

  it('a 2,000-file folder goes up and comes back complete and verified', async () => {
    await setFaults(0.05);
    await h.fx.fault({ match: { method: 'PUT' }, action: 'drop', afterBytes: 100, times: 20 });
    await h.fx.fault({ match: { method: 'GET', path: '/faulty/many/' }, action: 'drop', afterBytes: 100, times: 20 });
    const root = join(h.dir, 'many');
    for (let d = 0; d < 20; d++) {
      await mkdir(join(root, `d${d}`), { recursive: true });
      for (let f = 0; f < 100; f++) await writeFile(join(root, `d${d}`, `f${f}.txt`), randomBytes(200 + ((d * 100 + f) % 900)));
    }
    await h.intake.upload({ profileId: 'p', bucket: 'faulty', prefix: '', paths: [root], policy: 'overwrite' });
    await h.settle(120_000);
    let page = h.engine.list(0, 1000);
    expect(page.total).toBe(2000);
    expect(page.totals.done).toBe(2000);
    expect(h.engine.list(0, 1000).items.concat(h.engine.list(1000, 1000).items).every((i) => i.state === 'done' && i.verified)).toBe(true);
    await h.engine.clearFinished();

    const out = join(h.dir, 'down-many');
    await h.intake.download({ profileId: 'p', bucket: 'faulty', basePrefix: '', items: [{ key: 'many/', isPrefix: true }], root: out, policy: 'overwrite' });
    await h.settle(120_000);
    page = h.engine.list(0, 1000);
    expect(page.total).toBe(2000);
    expect(page.totals.failed).toBe(0);
    expect(page.totals.done).toBe(2000);
    let compared = 0;
    for (let d = 0; d < 20; d += 7) {
      for (let f = 0; f < 100; f += 13) {
        const local = join(root, `d${d}`, `f${f}.txt`);
        const back = join(out, 'many', `d${d}`, `f${f}.txt`);
        const size = 200 + ((d * 100 + f) % 900);
        expect(await crcOfFile(back, size)).toBe(await crcOfFile(local, size));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10);
    expect((await readdir(join(out, 'many', 'd19'))).length).toBe(100);
  }, 150_000);
});

async function setFaults(errorRate: number): Promise<void> {
  await h.fx.clearFaults();
  await h.fx.setFaults({ errorRate, errorStatus: 500 });
}
