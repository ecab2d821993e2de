import { describe, expect, it } from 'vitest';
import { crumbsFor, formatAddress, parentPrefix, parseAddress } from './address';
import { bucketNameProblem } from './bucket-name-check';

describe('address bar parsing', () => {
  it('parses buckets, folders and object paths', () => {
    expect(parseAddress('oss://my-bucket/photos/2024/')).toEqual({ ok: true, location: { bucket: 'my-bucket', prefix: 'photos/2024/' } });
    expect(parseAddress('  OSS://my-bucket  ')).toEqual({ ok: true, location: { bucket: 'my-bucket', prefix: '' } });
    expect(parseAddress('my-bucket/a b+c%20#?/')).toEqual({ ok: true, location: { bucket: 'my-bucket', prefix: 'a b+c%20#?/' } });
    expect(parseAddress('oss://my-bucket/docs/readme.md')).toEqual({ ok: true, location: { bucket: 'my-bucket', prefix: 'docs/' }, focusName: 'readme.md' });
    expect(parseAddress('oss://my-bucket/a//b/')).toEqual({ ok: true, location: { bucket: 'my-bucket', prefix: 'a//b/' } });
    // A trailing space belongs to the key; a pasted line break does not.
    expect(parseAddress('oss://my-bucket/dir/name \n')).toEqual({ ok: true, location: { bucket: 'my-bucket', prefix: 'dir/' }, focusName: 'name ' });
    expect(parseAddress('oss://')).toEqual({ ok: true, location: null });
    expect(parseAddress('')).toEqual({ ok: true, location: null });
  });

  it('turns a pasted https OSS URL (virtual-host or path style, signed or not) into its oss:// place', () => {
    expect(parseAddress('https://my-bucket.oss-cn-hangzhou.aliyuncs.com/photos/2024/cat%20one.png?OSSAccessKeyId=x&Expires=1&Signature=y')).toEqual({
      ok: true,
      location: { bucket: 'my-bucket', prefix: 'photos/2024/' },
      focusName: 'cat one.png',
    });
    expect(parseAddress('https://oss-cn-shanghai.aliyuncs.com/my-bucket/docs/')).toEqual({ ok: true, location: { bucket: 'my-bucket', prefix: 'docs/' } });
    expect(parseAddress('https://my-bucket.oss-cn-beijing-internal.aliyuncs.com/%E4%B8%AD%E6%96%87/')).toEqual({ ok: true, location: { bucket: 'my-bucket', prefix: '中文/' } });
    expect(parseAddress('https://my-bucket.oss-accelerate.aliyuncs.com/')).toEqual({ ok: true, location: { bucket: 'my-bucket', prefix: '' } });
    expect(parseAddress('https://example.com/my-bucket/a')).toEqual({ ok: false, error: 'scheme' });
  });

  it('rejects other schemes, bad bucket names, leading slashes and over-long keys', () => {
    expect(parseAddress('https://x.com/a')).toEqual({ ok: false, error: 'scheme' });
    expect(parseAddress('oss://My_Bucket/')).toEqual({ ok: false, error: 'bucket' });
    expect(parseAddress('oss://ab/')).toEqual({ ok: false, error: 'bucket' });
    expect(parseAddress('oss://good-bucket//x')).toEqual({ ok: false, error: 'leadingSlash' });
    expect(parseAddress(`oss://good-bucket/${'é'.repeat(512)}`)).toEqual({ ok: false, error: 'tooLong' });
    expect(parseAddress(`oss://good-bucket/${'a'.repeat(1023)}`).ok).toBe(true);
  });

  it('formats, builds crumbs and finds parents, keeping empty segments', () => {
    expect(formatAddress({ bucket: 'b1c', prefix: 'x/y/' })).toBe('oss://b1c/x/y/');
    expect(crumbsFor('a//b/')).toEqual([
      { label: 'a', prefix: 'a/' },
      { label: '', prefix: 'a//' },
      { label: 'b', prefix: 'a//b/' },
    ]);
    expect(crumbsFor('')).toEqual([]);
    expect(parentPrefix('a//b/')).toBe('a//');
    expect(parentPrefix('a/')).toBe('');
    expect(parentPrefix('')).toBeNull();
  });

  it('validates bucket names live', () => {
    expect(bucketNameProblem('ab')).toBe('length');
    expect(bucketNameProblem('a'.repeat(64))).toBe('length');
    expect(bucketNameProblem('Abc')).toBe('chars');
    expect(bucketNameProblem('-abc')).toBe('hyphenEdge');
    expect(bucketNameProblem('abc-')).toBe('hyphenEdge');
    expect(bucketNameProblem('abc-1')).toBeNull();
  });
});

describe('deep links', () => {
  it('round-trips profile and address, including awkward keys', async () => {
    const { deepLinkHash, parseDeepLink } = await import('./deep-link');
    const hash = deepLinkHash('p 1&x', 'oss://my-bucket/a b/c#d?e%/');
    expect(parseDeepLink(hash)).toEqual({ profileId: 'p 1&x', location: { bucket: 'my-bucket', prefix: 'a b/c#d?e%/' } });
    expect(parseDeepLink(deepLinkHash('p', 'oss://my-bucket/x/file.txt'))).toEqual({ profileId: 'p', location: { bucket: 'my-bucket', prefix: 'x/' }, focusName: 'file.txt' });
    expect(parseDeepLink('#open?address=oss://my-bucket/')).toBeNull();
    expect(parseDeepLink(deepLinkHash('p', 'oss://BAD/'))).toBeNull();
    expect(parseDeepLink('#other')).toBeNull();
  });
});

describe('bucket name rule', () => {
  it('agrees with the shared rule the contract enforces', async () => {
    const { isValidBucketName } = await import('../../../../shared/bucket-name');
    for (const name of ['abc', 'a-b-c', '123', 'ab', 'a'.repeat(63), 'a'.repeat(64), '-ab', 'ab-', 'aBc', 'a_b', 'a.b', 'ab c', '中文桶']) {
      expect(bucketNameProblem(name) === null).toBe(isValidBucketName(name));
    }
  });
});
