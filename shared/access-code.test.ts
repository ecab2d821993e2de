import { describe, expect, it } from 'vitest';
import { AccessCodeError, decodeAccessCode, encodeAccessCode, type AccessCode } from './access-code';

const code: AccessCode = {
  v: 1,
  accessKeyId: 'STS.NTZdStF79CVRTQuWCfXTT',
  accessKeySecret: 'secret/with+chars=',
  securityToken: 'CAIS' + 'x'.repeat(300),
  expiration: '2030-01-01T01:00:00Z',
  bucket: 'photos-bucket',
  prefix: '照片/2024/',
  region: 'oss-cn-hangzhou',
  actions: ['list', 'read'],
};
const now = new Date('2030-01-01T00:00:00Z');

describe('access codes', () => {
  it('round-trips, including non-ASCII prefixes, as URL-safe text', () => {
    const text = encodeAccessCode(code);
    expect(text).toMatch(/^ossac1\.[A-Za-z0-9_-]+$/);
    expect(decodeAccessCode(`  ${text.slice(0, 40)}\n${text.slice(40)} `, now)).toEqual(code);
  });

  it.each([
    ['hello', 'format', /not an OSS Browser access code/],
    ['ossac2.eyJ2IjoyfQ', 'version', /newer version/],
    ['ossac1.@@@', 'format', /characters/],
    ['ossac1.bm90IGpzb24', 'format', /damaged/],
  ])('refuses %s with a clear reason', (text, reason, message) => {
    const err = (() => {
      try {
        decodeAccessCode(text, now);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AccessCodeError);
    expect(err).toMatchObject({ reason });
    expect((err as Error).message).toMatch(message);
  });

  it('names the missing field without echoing any value', () => {
    const broken = 'ossac1.' + Buffer.from(JSON.stringify({ ...code, bucket: 'Bad_Bucket' })).toString('base64url');
    const err = (() => {
      try {
        decodeAccessCode(broken, now);
      } catch (e) {
        return e as AccessCodeError;
      }
    })()!;
    expect(err.reason).toBe('fields');
    expect(err.message).toMatch(/bucket/);
    expect(err.message).not.toContain(code.accessKeySecret);
  });

  it('refuses an expired code', () => {
    expect(() => decodeAccessCode(encodeAccessCode(code), new Date('2030-01-01T02:00:00Z'))).toThrow(/expired at 2030-01-01T01:00:00Z/);
  });
});

describe('access code expiry is compared as a time, not as text', () => {
  it('refuses a +08:00 code an hour past its expiry (its text sorts after the UTC now)', () => {
    const east = encodeAccessCode({ ...code, expiration: '2030-01-01T08:30:00+08:00' });
    expect(() => decodeAccessCode(east, new Date('2030-01-01T01:30:00Z'))).toThrow(/expired/);
  });

  it('accepts a -05:00 code that is still valid (its text sorts before the UTC now)', () => {
    const west = encodeAccessCode({ ...code, expiration: '2029-12-31T21:00:00-05:00' });
    expect(decodeAccessCode(west, new Date('2030-01-01T01:00:00Z')).bucket).toBe(code.bucket);
  });

  it('refuses a code at the exact millisecond it expires and accepts it one millisecond before', () => {
    const text = encodeAccessCode(code);
    expect(() => decodeAccessCode(text, new Date('2030-01-01T01:00:00.000Z'))).toThrow(/expired/);
    expect(decodeAccessCode(text, new Date('2030-01-01T00:59:59.999Z')).bucket).toBe(code.bucket);
  });
});
