/**
 * Resume after a hard kill: the engine runs in its own Node process (the real entry file)
 * and is SIGKILLed at 10 points of a 300 MB multipart upload. After every restart only the
 * parts OSS does not have are sent, the upload ID never changes, and the object's CRC-64
 * equals the file's. A file edited between a kill and the restart starts a fresh upload and
 * the old upload ID is aborted.
 */
import OSS from 'ali-oss';
import { randomBytes } from 'node:crypto';
import { open, mkdtemp, readdir, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../emulator/index';
import type { UploadCheckpoint } from './checkpoint-store';
import { CrcPool } from './crc-pool';
import type { Connection } from './engine-process';
import { startEngineChild, type EngineChild } from './test-support/engine-child';

const MiB = 1024 * 1024;
const SIZE = 300 * MiB;
const PART = 4 * MiB;

let emulator: Awaited<ReturnType<typeof startEmulator>>;
let dir: string;
let connection: Connection;
let oss: OSS;

beforeAll(async () => {
  emulator = await startEmulator({ memory: true, port: 0 });
  const acct = emulator.accounts.find((a) => a.name === 'sandbox')!;
  connection = { endpoint: emulator.endpoint, region: emulator.region, accessKeyId: acct.accessKeyId, accessKeySecret: acct.accessKeySecret };
  oss = new OSS({ ...connection, bucket: 'kill-test', authorizationV4: true, sldEnable: true } as unknown as OSS.Options);
  await fetch(`${emulator.endpoint}/__emulator/buckets`, {
    method: 'POST',
    headers: { 'x-emulator-admin-token': emulator.adminToken, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'kill-test' }),
  });
  dir = await mkdtemp(join(tmpdir(), 'engine-kill-'));
});

afterAll(async () => {
  await emulator?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function writeRandom(path: string, size: number): Promise<void> {
  const fh = await open(path, 'w');
  for (let off = 0; off < size; off += 8 * MiB) await fh.write(randomBytes(Math.min(8 * MiB, size - off)));
  await fh.close();
}

async function checkpoint(dataDir: string): Promise<UploadCheckpoint | undefined> {
  const names = (await readdir(join(dataDir, 'checkpoints')).catch(() => [])).filter((n) => n.endsWith('.json'));
  if (names.length === 0) return undefined;
  return JSON.parse(await readFile(join(dataDir, 'checkpoints', names[0]!), 'utf8')) as UploadCheckpoint;
}

async function serverParts(key: string, uploadId: string): Promise<Set<number>> {
  const res = await oss.listParts(key, uploadId, { 'max-parts': 1000 } as OSS.ListPartsQuery);
  return new Set((res.parts ?? []).map((p) => Number(p.PartNumber)));
}

const partsSent = (child: EngineChild): number[] =>
  child.requests.filter((r) => r.method === 'PUT' && /[?&]partNumber=\d+/.test(r.url)).map((r) => Number(/partNumber=(\d+)/.exec(r.url)![1]));

const init = (dataDir: string) =>
  ({ cmd: 'init', dataDir, connection, reportRequests: true, tuning: { retryBaseMs: 20, multipartThreshold: 16 * MiB }, settings: { partSize: PART, parallelParts: 3, parallelFiles: 1 } }) as const;

describe('engine process killed mid-upload', () => {
  it('resumes after SIGKILL at 10 points, sending only missing parts, and the CRC-64 matches', async () => {
    const file = join(dir, 'big.bin');
    await writeRandom(file, SIZE);
    const pool = new CrcPool({ size: 1 });
    const fileCrc = await pool.crcOfRange(file, 0, SIZE);
    await pool.close();
    const dataDir = join(dir, 'data-kill');

    let child = await startEngineChild(init(dataDir));
    child.send({ cmd: 'upload', req: { profileId: 'p', bucket: 'kill-test', prefix: '', paths: [file], policy: 'overwrite' } });
    let uploadId: string | undefined;
    let kills = 0;
    for (let k = 1; k <= 10; k++) {
      const threshold = (k * SIZE) / 12;
      await child.until(() => child.transferred >= threshold || (child.states.done ?? 0) > 0);
      expect(child.states.done ?? 0, `finished before kill point ${k}`).toBe(0);
      await child.kill();
      kills++;
      const cp = await checkpoint(dataDir);
      expect(cp, `checkpoint after kill ${k}`).toBeDefined();
      uploadId ??= cp!.uploadId;
      expect(cp!.uploadId).toBe(uploadId); // resumed, never restarted
      const onServer = await serverParts('big.bin', cp!.uploadId);
      child = await startEngineChild(init(dataDir));
      // Wait until this run sent at least one part, then check none of them was already on OSS.
      await child.until(() => partsSent(child).length > 0 || (child.states.done ?? 0) > 0);
      const resent = partsSent(child).filter((n) => onServer.has(n));
      expect(resent, `parts sent again after kill ${k}`).toEqual([]);
      expect(partsSent(child).length).toBeGreaterThan(0);
    }
    expect(kills).toBe(10);
    await child.until(() => (child.states.done ?? 0) === 1, 120_000);
    const head = await oss.head('big.bin');
    expect((head.res.headers as Record<string, string>)['x-oss-hash-crc64ecma']).toBe(fileCrc);
    expect(await checkpoint(dataDir)).toBeUndefined();
    child.send({ cmd: 'close' });
    await child.waitFor((m) => m.event === 'closed');
  }, 180_000);

  it('a file edited between the kill and the restart is uploaded afresh and the old upload ID is aborted', async () => {
    const file = join(dir, 'edited.bin');
    await writeRandom(file, 40 * MiB);
    const dataDir = join(dir, 'data-edit');
    let child = await startEngineChild(init(dataDir));
    child.send({ cmd: 'upload', req: { profileId: 'p', bucket: 'kill-test', prefix: '', paths: [file], policy: 'overwrite' } });
    // Kill once OSS confirmed a few parts (the checkpoint records them after each part).
    let confirmed = 0;
    const poll = setInterval(() => void checkpoint(dataDir).then((cp) => (confirmed = cp?.parts.length ?? 0)), 20);
    await child.until(() => confirmed >= 2);
    clearInterval(poll);
    await child.kill();
    const old = (await checkpoint(dataDir))!;
    expect((await serverParts('edited.bin', old.uploadId)).size).toBeGreaterThan(0);

    // Edit the file: new bytes at the start, new mtime.
    const fh = await open(file, 'r+');
    await fh.write(randomBytes(1024), 0, 1024, 0);
    await fh.close();
    await utimes(file, new Date(), new Date(Date.now() + 5000));

    child = await startEngineChild(init(dataDir));
    await child.until(() => (child.states.done ?? 0) === 1);
    await expect(oss.listParts('edited.bin', old.uploadId, {} as OSS.ListPartsQuery)).rejects.toMatchObject({ code: 'NoSuchUpload' });
    const pool = new CrcPool({ size: 1 });
    const crc = await pool.crcOfRange(file, 0, 40 * MiB);
    await pool.close();
    const head = await oss.head('edited.bin');
    expect((head.res.headers as Record<string, string>)['x-oss-hash-crc64ecma']).toBe(crc);
    // Every part of the fresh upload was sent (part 1 included).
    expect(partsSent(child)).toContain(1);
    child.send({ cmd: 'close' });
    await child.waitFor((m) => m.event === 'closed');
  }, 120_000);
});
