import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc64Combine, crc64Of, createCrc64Hasher, hexToDecimal } from './crc64';

describe('crc64 (ECMA-182, XZ variant as OSS uses it)', () => {
  it('matches the published check value for "123456789"', async () => {
    expect(await crc64Of('123456789')).toBe('11051210869376104954');
    expect(BigInt(await crc64Of('123456789'))).toBe(0x995dc9bbdf1939fan);
  });

  it('is 0 for the empty input and matches other reference vectors', async () => {
    expect(await crc64Of('')).toBe('0');
    // Reference values from the XZ utils / Go hash/crc64 ECMA table with ^0 in and out.
    expect(BigInt(await crc64Of('a'))).toBe(0x330284772e652b05n);
    expect(BigInt(await crc64Of('hello world'))).toBe(0x53037ecdef2352dan);
  });

  it('streams identically to one-shot hashing', async () => {
    const data = randomBytes(100_000);
    const hasher = await createCrc64Hasher();
    for (let i = 0; i < data.length; i += 7777) hasher.update(data.subarray(i, i + 7777));
    expect(hexToDecimal(hasher.digest('hex'))).toBe(await crc64Of(data));
  });

  it('combines CRCs of concatenated pieces without the data', async () => {
    for (const [la, lb] of [[0, 5], [5, 0], [1, 1], [1000, 3], [65_537, 100_003]] as const) {
      const a = randomBytes(la);
      const b = randomBytes(lb);
      const combined = crc64Combine(await crc64Of(a), await crc64Of(b), lb);
      expect(combined).toBe(await crc64Of(Buffer.concat([a, b])));
    }
  });
});
