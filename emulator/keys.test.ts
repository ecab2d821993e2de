/** Bucket-name and object-key rules, and key order (UTF-8 bytes). */
import { describe, expect, it } from 'vitest';
import { OssError } from './core/contract';
import { assertBucketName, assertObjectKey, compareKeys, isValidBucketName } from './keys';

function codeOf(fn: () => void): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof OssError ? error.code : 'not-oss-error';
  }
}

describe('bucket names', () => {
  it.each(['abc', 'a-b', 'my-bucket-01', '0aa', 'a'.repeat(63)])('accepts %s', (name) => {
    expect(isValidBucketName(name)).toBe(true);
  });
  it.each(['ab', 'a'.repeat(64), 'Abc', '-abc', 'abc-', 'a_b', 'a.b', 'a b', ''])('rejects %j', (name) => {
    expect(codeOf(() => assertBucketName(name))).toBe('InvalidBucketName');
  });
});

describe('object keys', () => {
  it.each(['a', 'a//b', 'dir/', ' lead', 'trail ', '%2F', 'a+b', '中文', '😀', 'x'.repeat(1023)])('accepts %j', (key) => {
    expect(codeOf(() => assertObjectKey(key))).toBeNull();
  });
  it('rejects empty, leading slash or backslash, lone surrogates', () => {
    for (const key of ['', '/a', '\\a', 'a\ud800']) expect(codeOf(() => assertObjectKey(key))).toBe('InvalidObjectName');
  });
  it('counts bytes, not characters, for the 1023 limit', () => {
    expect(codeOf(() => assertObjectKey('x'.repeat(1024)))).toBe('KeyTooLong');
    expect(codeOf(() => assertObjectKey('中'.repeat(341)))).toBeNull(); // 1023 bytes
    expect(codeOf(() => assertObjectKey('中'.repeat(342)))).toBe('KeyTooLong');
  });
});

describe('compareKeys', () => {
  it('orders by UTF-8 bytes, including astral vs BMP-private-use', () => {
    const keys = ['\uffff', '😀', 'b', 'a/', 'a', 'a0', 'A', '\ue000', 'é'];
    const byBytes = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...keys].sort(compareKeys)).toEqual(byBytes);
  });
});
