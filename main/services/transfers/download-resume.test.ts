/**
 * Downloads resume by Range: after a restart mid-download only the ranges the checkpoint
 * lacks are fetched again, the note says where it resumed, and the file is CRC-verified;
 * an object replaced while the download was paused (another ETag) is fetched afresh, never stitched
 * together from two versions.
 */
import { randomBytes } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DownloadCheckpoint } from './checkpoint-store';
import { startHarness, type Harness } from './test-support/engine-harness';

const MiB = 1024 * 1024;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** 1 MiB ranges (4 × the 256 KiB auto part), parts fetched one at a time, slowly enough to stop midway. */
const options = { record: true, tuning: { multipartThreshold: 2 * MiB, autoPartSize: 256 * 1024 }, settings: { parallelParts: 1, bandwidthDown: 2 * MiB } } as const;

async function checkpointOf(dataDir: string): Promise<DownloadCheckpoint | undefined> {
  const names = (await readdir(join(dataDir, 'checkpoints')).catch(() => [])).filter((n) => n.endsWith('.json'));
  return names.length ? (JSON.parse(await readFile(join(dataDir, 'checkpoints', names[0]!), 'utf8')) as DownloadCheckpoint) : undefined;
}

async function stopAfterParts(harness: Harness, parts: number): Promise<DownloadCheckpoint> {
  for (;;) {
    const cp = await checkpointOf(harness.dataDir);
    if (cp && cp.parts.length >= parts) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await harness.restart(); // the engine stops (as on quit) and starts again from its files
  return (await checkpointOf(harness.dataDir))!;
}

const gets = (harness: Harness, key: string) => harness.requests.filter((r) => r.method === 'GET' && r.url.includes(`/${key}`)).length;

describe('download resume', () => {
  it('after a restart fetches only the missing ranges and verifies the whole file', async () => {
    h = await startHarness(options);
    await h.fx.createBucket('dl-resume');
    const body = randomBytes(8 * MiB + 123);
    await h.fx.seed('dl-resume', [{ key: 'big.bin', body }]);
    const out = join(h.dir, 'out');
    await h.intake.download({ profileId: 'p', bucket: 'dl-resume', basePrefix: '', items: [{ key: 'big.bin', isPrefix: false }], root: out, policy: 'overwrite' });
    const saved = await stopAfterParts(h, 3);
    expect(saved.parts.length).toBeGreaterThanOrEqual(3);
    const before = gets(h, 'big.bin');
    // Pause the bandwidth brake: the rest may go at full speed.
    h.engine.configure({ ...h.engine.currentSettings, bandwidthDown: 0 });
    await h.settle();
    const [item] = h.engine.list(0, 1).items;
    expect(item).toMatchObject({ state: 'done', verified: true, note: { kind: 'resumed' } });
    expect(gets(h, 'big.bin') - before).toBe(9 - saved.parts.length); // 9 ranges of 1 MiB in all
    expect((await readFile(join(out, 'big.bin'))).equals(body)).toBe(true);
    expect(await readdir(out)).toEqual(['big.bin']);
  });

  it('starts over when the object was replaced while the download was paused', async () => {
    h = await startHarness(options);
    await h.fx.createBucket('dl-changed');
    await h.fx.seed('dl-changed', [{ key: 'v.bin', body: randomBytes(6 * MiB) }]);
    const out = join(h.dir, 'out');
    await h.intake.download({ profileId: 'p', bucket: 'dl-changed', basePrefix: '', items: [{ key: 'v.bin', isPrefix: false }], root: out, policy: 'overwrite' });
    while (((await checkpointOf(h.dataDir))?.parts.length ?? 0) < 2) await new Promise((r) => setTimeout(r, 20));
    const id = h.engine.list(0, 1).items[0]!.id;
    await h.engine.pause([id]);
    expect((await checkpointOf(h.dataDir))?.parts.length).toBeGreaterThanOrEqual(2); // a pause keeps what arrived
    const second = randomBytes(6 * MiB);
    await h.fx.seed('dl-changed', [{ key: 'v.bin', body: second }]);
    const before = gets(h, 'v.bin');
    h.engine.configure({ ...h.engine.currentSettings, bandwidthDown: 0 });
    await h.engine.resume([id]);
    await h.settle();
    expect(h.engine.list(0, 1).items[0]).toMatchObject({ state: 'done', verified: true });
    expect(gets(h, 'v.bin') - before).toBe(6); // every range again, once: nothing kept from the old version
    expect((await readFile(join(out, 'v.bin'))).equals(second)).toBe(true);
  });
});
