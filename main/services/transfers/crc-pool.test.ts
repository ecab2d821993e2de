import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crc64Combine, crc64Of } from '../oss/crc64';
import { CrcPool } from './crc-pool';

describe.each(['auto', 'js'] as const)('CrcPool (%s)', (engine) => {
  const pool = new CrcPool({ size: 2, engine });
  let dir = '';
  afterAll(async () => {
    await pool.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('hashes file ranges on workers exactly as OSS (hash-wasm) does, and the parts combine to the whole', async () => {
    dir = await mkdtemp(join(tmpdir(), 'crc-pool-'));
    const data = randomBytes(3 * 1024 * 1024 + 12345);
    const path = join(dir, 'f.bin');
    await writeFile(path, data);
    expect(await pool.crcOfRange(path, 0, data.length)).toBe(await crc64Of(data));
    expect(await pool.crcOfRange(path, 7, 1000)).toBe(await crc64Of(data.subarray(7, 1000)));
    const cut = 1024 * 1024 + 3;
    const [a, b] = await Promise.all([pool.crcOfRange(path, 0, cut), pool.crcOfRange(path, cut, data.length)]);
    expect(crc64Combine(a, b, data.length - cut)).toBe(await crc64Of(data));
    expect(await pool.crcOfRange(path, 5, 5)).toBe('0');
  });

  it('fails when the file is shorter than the range (it changed underneath)', async () => {
    const path = join(dir, 'short.bin');
    await writeFile(path, Buffer.from('abc'));
    await expect(pool.crcOfRange(path, 0, 10)).rejects.toMatchObject({ code: 'FileChanged' });
  });
});
