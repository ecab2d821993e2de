import { describe, expect, it } from 'vitest';
import { checkBucketName, isValidBucketName } from './bucket-name';

describe('checkBucketName', () => {
  it.each(['abc', 'my-bucket-01', 'a'.repeat(63), '0ab'])('accepts %s', (name) => {
    expect(checkBucketName(name)).toEqual({ ok: true });
  });

  it.each([
    ['ab', '3 to 63'],
    ['a'.repeat(64), '3 to 63'],
    ['My-Bucket', 'lowercase'],
    ['my_bucket', 'lowercase'],
    ['my.bucket', 'lowercase'],
    ['-abc', 'hyphen'],
    ['abc-', 'hyphen'],
  ])('rejects %s with a reason naming the rule', (name, rule) => {
    const check = checkBucketName(name);
    expect(check.ok).toBe(false);
    expect(check.ok ? '' : check.reason).toContain(rule);
    expect(isValidBucketName(name)).toBe(false);
  });
});
