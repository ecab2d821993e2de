/**
 * Safety of what the engine writes and keeps: hostile keys never escape the chosen folder,
 * an expired STS token pauses an upload that continues with the same upload ID after a
 * refresh, progress events stay at or below 4 a second, the queue survives a restart, and
 * neither checkpoints nor the queue file hold a secret.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_CONFIG } from '../../../emulator/config';
import type { UploadCheckpoint } from './checkpoint-store';
import { startHarness, type Harness } from './test-support/engine-harness';

const MiB = 1024 * 1024;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      out.push(relative(dir, p) + (e.isDirectory() ? '/' : ''));
      if (e.isDirectory()) await walk(p);
    }
  };
  await walk(dir);
  return out.sort();
}

const HOSTILE = [
  '..\\escape.txt',
  '..\\..\\etc\\passwd',
  '...',
  '/absolute.txt',
  'C:\\Windows\\evil.dll',
  'C:evil.txt',
  '\\\\server\\share\\unc.txt',
  'CON',
  'aux.txt',
  'trailing. ',
  'a',
  'a/b',
  'Case.txt',
  'case.txt',
  'qu?ote*s<>|.txt',
];
/**
 * Keys with "." / ".." segments cannot even be requested: urllib runs every URL through
 * `new URL()`, which removes dot segments, so OSS sees another key (SignatureDoesNotMatch).
 * They must fail cleanly and write nothing.
 */
const DOT_SEGMENTS = ['../escape.txt', 'dir/../../up.txt', './here.txt'];

describe('transfers safety', () => {
  it('downloads 15 hostile keys without writing anything outside the chosen folder', async () => {
    h = await startHarness();
    await h.fx.createBucket('hostile');
    // Under "h/" (the folder on screen), so "h//absolute.txt" becomes the relative name "/absolute.txt".
    await h.fx.seed('hostile', [...HOSTILE, ...DOT_SEGMENTS].map((key, i) => ({ key: `h/${key}`, body: `body ${i}` })));
    const parent = join(h.dir, 'parent');
    await h.file('parent/sibling.txt', 'do not touch');
    await h.file('parent/inside/.keep', '');
    const before = await listTree(parent);
    await h.intake.download({ profileId: 'p', bucket: 'hostile', basePrefix: 'h/', items: [{ key: 'h/', isPrefix: true }], root: join(parent, 'inside'), policy: 'overwrite' });
    await h.settle();
    const after = await listTree(parent);
    // Everything new is under inside/; nothing else in the parent changed.
    expect(after.filter((p) => !p.startsWith('inside/'))).toEqual(before.filter((p) => !p.startsWith('inside/')));
    expect(await readFile(join(parent, 'sibling.txt'), 'utf8')).toBe('do not touch');
    const items = h.engine.list(0, 100).items;
    expect(items).toHaveLength(18);
    expect(items.filter((i) => i.state !== 'done').map((i) => i.key).sort()).toEqual(DOT_SEGMENTS.map((k) => `h/${k}`).sort());
    expect(items.filter((i) => i.state === 'failed').every((i) => i.error?.hint)).toBe(true);
    // Every object landed as its own file (no two keys merged into one path).
    const files = after.filter((p) => p.startsWith('inside/') && !p.endsWith('/') && p !== 'inside/.keep');
    expect(files).toHaveLength(15);
    const bodies = new Set(await Promise.all(files.map((f) => readFile(join(parent, f), 'utf8'))));
    expect(bodies.size).toBe(15);
  });

  it('an expired STS token pauses the upload; after a refresh it continues with the same upload ID', async () => {
    h = await startHarness({ tuning: { multipartThreshold: 2 * MiB, autoPartSize: 1 * MiB }, record: true });
    await h.fx.createBucket('sts');
    const path = await h.file('sts/long.bin', 8 * MiB);
    await h.fx.fault({ match: { method: 'PUT', query: 'partNumber=5(&|$)' }, action: 'error', status: 403, code: 'SecurityTokenExpired', times: 1 });
    await h.intake.upload({ profileId: 'p', bucket: 'sts', prefix: '', paths: [path], policy: 'overwrite' });
    await h.settle();
    const [waiting] = h.engine.list(0, 1).items;
    expect(waiting).toMatchObject({ state: 'waiting-credentials' });
    expect(waiting!.error?.code).toBe('SecurityTokenExpired');
    const cpFile = (await readdir(join(h.dataDir, 'checkpoints'))).find((n) => n.endsWith('.json'))!;
    const before = JSON.parse(await readFile(join(h.dataDir, 'checkpoints', cpFile), 'utf8')) as UploadCheckpoint;
    const sentBefore = h.requests.length;
    expect(before.parts.length).toBeGreaterThan(0);

    h.engine.credentialsRefreshed('p');
    await h.settle();
    expect(h.engine.list(0, 1).items[0]).toMatchObject({ state: 'done', verified: true });
    const after = h.requests.slice(sentBefore);
    // No new InitiateMultipartUpload; every part and the Complete went to the same upload ID.
    expect(after.filter((r) => r.method === 'POST' && /[?&]uploads(=|&|$)/.test(r.url))).toEqual([]);
    const ids = new Set(after.filter((r) => /uploadId=/.test(r.url)).map((r) => /uploadId=([^&]+)/.exec(r.url)![1]));
    expect([...ids]).toEqual([before.uploadId]);
    // Parts confirmed before the expiry were not sent again.
    const resent = after.filter((r) => r.method === 'PUT').map((r) => Number(/partNumber=(\d+)/.exec(r.url)![1]));
    expect(resent.filter((n) => before.parts.some((p) => p.number === n))).toEqual([]);
  });

  it('sends at most 4 progress events a second, and keeps the queue (with states) across a restart', async () => {
    h = await startHarness({ settings: { bandwidthUp: 4 * MiB } });
    await h.fx.createBucket('prog');
    for (let i = 0; i < 40; i++) await h.file(`prog/f${i}.bin`, 100 * 1024);
    await h.intake.upload({ profileId: 'p', bucket: 'prog', prefix: '', paths: [join(h.dir, 'prog')], policy: 'overwrite' });
    await h.settle();
    const times = h.progressEvents;
    expect(times.length).toBeGreaterThan(2);
    for (let i = 4; i < times.length; i++) expect(times[i]! - times[i - 4]!, 'five events within one second').toBeGreaterThanOrEqual(990);

    // A batch waiting for a conflict answer, and a paused one, both survive a restart.
    await h.intake.upload({ profileId: 'p', bucket: 'prog', prefix: 'prog/', paths: [join(h.dir, 'prog/f0.bin')], policy: 'ask' });
    await h.settle();
    expect(h.plans).toHaveLength(1);
    const later = await h.file('later/one.bin', 3 * MiB);
    await h.engine.configure({ ...h.engine.currentSettings, bandwidthUp: 64 * 1024 });
    await h.intake.upload({ profileId: 'p', bucket: 'prog', prefix: 'x/', paths: [later], policy: 'overwrite' });
    const slow = [...h.engine.store.items.values()].find((r) => r.key === 'x/one.bin')!;
    await h.engine.pause([slow.id]);
    await h.restart();
    const states = h.engine.list(0, 100).items.map((i) => i.state);
    expect(states.filter((s) => s === 'done')).toHaveLength(40);
    expect(states.filter((s) => s === 'paused')).toHaveLength(1);
    expect(states.filter((s) => s === 'queued')).toHaveLength(1);
    await h.settle();
    expect(h.plans).toHaveLength(2); // asked again after the restart, nothing started meanwhile
  });

  it('never writes a secret into the queue, checkpoints or settings', async () => {
    h = await startHarness({ tuning: { multipartThreshold: 2 * MiB, autoPartSize: 1 * MiB } });
    await h.fx.createBucket('secret');
    const path = await h.file('s/big.bin', 6 * MiB);
    await h.intake.upload({ profileId: 'p', bucket: 'secret', prefix: '', paths: [path], policy: 'overwrite' });
    await h.engine.pause(h.engine.ids({ all: true }));
    await h.engine.store.flush();
    const secret = SANDBOX_CONFIG.accounts.find((a) => a.name === 'sandbox')!.accessKeys[0]!.secret;
    const tree = await listTree(h.dataDir);
    expect(tree.some((p) => p.startsWith('checkpoints/'))).toBe(true);
    for (const p of tree.filter((x) => !x.endsWith('/'))) {
      expect(await readFile(join(h.dataDir, p), 'utf8'), p).not.toContain(secret);
    }
  });
});
