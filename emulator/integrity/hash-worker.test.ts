/** The stream hasher gives the same MD5 and CRC-64 inline and on the worker, under back-pressure and after aborts. */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc64Of } from '../../main/services/oss/crc64';
import { WORKER_THRESHOLD, createStreamHasher } from './hash-worker';

async function hashInPieces(data: Buffer, sizeHint: number | undefined, piece: number) {
  const hasher = await createStreamHasher(sizeHint);
  for (let i = 0; i < data.length; i += piece) {
    const pending = hasher.update(data.subarray(i, i + piece));
    if (pending) await pending;
  }
  return hasher.digest();
}

describe('stream hasher', () => {
  it('gives the same MD5 and CRC-64 inline and on the worker', async () => {
    const data = randomBytes(3 * 1024 * 1024 + 17);
    const expected = { md5Hex: createHash('md5').update(data).digest('hex'), crc64: await crc64Of(data) };
    expect(await hashInPieces(data, data.length, 65_536)).toEqual(expected);
    expect(await hashInPieces(data, undefined, 65_536)).toEqual(expected);
    expect(await hashInPieces(data, WORKER_THRESHOLD, 1_000_003)).toEqual(expected);
  });

  it('holds at most a few blocks in flight and still hashes everything', async () => {
    const chunk = Buffer.alloc(4 * 1024 * 1024, 9);
    const hasher = await createStreamHasher(undefined);
    for (let i = 0; i < 10; i++) await hasher.update(chunk);
    const whole = Buffer.concat(Array.from({ length: 10 }, () => chunk));
    expect(await hasher.digest()).toEqual({ md5Hex: createHash('md5').update(whole).digest('hex'), crc64: await crc64Of(whole) });
  });

  it('reuses pooled workers for consecutive bodies without mixing state', async () => {
    const a = await hashInPieces(Buffer.from('first body'), undefined, 4);
    const b = await hashInPieces(Buffer.from('second body'), undefined, 4);
    expect(a.md5Hex).toBe(createHash('md5').update('first body').digest('hex'));
    expect(b.md5Hex).toBe(createHash('md5').update('second body').digest('hex'));
    expect(b.crc64).toBe(await crc64Of('second body'));
  });

  it('takes a chunk larger than the shared ring (waits for space) and an empty body', async () => {
    const data = randomBytes(20 * 1024 * 1024 + 5);
    const expected = { md5Hex: createHash('md5').update(data).digest('hex'), crc64: await crc64Of(data) };
    expect(await hashInPieces(data, undefined, data.length)).toEqual(expected);
    expect(await hashInPieces(Buffer.alloc(0), undefined, 1)).toEqual({ md5Hex: createHash('md5').digest('hex'), crc64: '0' });
  });

  it('abandons a body mid-stream and hashes the next one correctly', async () => {
    const dropped = await createStreamHasher(undefined);
    await dropped.update(randomBytes(12 * 1024 * 1024));
    dropped.abandon();
    const data = randomBytes(9 * 1024 * 1024);
    for (let i = 0; i < 3; i++) {
      expect((await hashInPieces(data, undefined, 65_536)).md5Hex).toBe(createHash('md5').update(data).digest('hex'));
    }
  });
});
