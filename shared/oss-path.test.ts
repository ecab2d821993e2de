import { describe, expect, it } from 'vitest';
import { asFolderPrefix, baseName, breadcrumbs, formatOssPath, joinKey, keyByteLength, parentPrefix, parseOssPath } from './oss-path';

describe('parseOssPath / formatOssPath', () => {
  it('parses scheme, bucket and prefix and round-trips', () => {
    expect(parseOssPath('oss://photos/2024/trip/')).toEqual({ bucket: 'photos', prefix: '2024/trip/' });
    expect(parseOssPath('OSS://photos')).toEqual({ bucket: 'photos', prefix: '' });
    expect(parseOssPath('photos/a/')).toEqual({ bucket: 'photos', prefix: 'a/' });
    expect(formatOssPath({ bucket: 'photos', prefix: 'a b/' })).toBe('oss://photos/a b/');
  });

  it('keeps awkward keys byte-exact (spaces, %, #, ?, a//b, NFD) and drops only a pasted line break', () => {
    const nfd = 'cafe\u0301/';
    for (const prefix of [' lead/trail /', '100%/#x?y/', 'a//b/', nfd, '+plus+/']) {
      const parsed = parseOssPath(`oss://bkt/${prefix}`);
      expect(parsed?.prefix).toBe(prefix);
    }
    expect(parseOssPath(`oss://bkt/${nfd}`)?.prefix).not.toBe(nfd.normalize('NFC'));
    expect(parseOssPath('oss://bkt/a/\n')).toEqual({ bucket: 'bkt', prefix: 'a/' });
  });

  it('rejects invalid bucket names', () => {
    expect(parseOssPath('oss://Bad_Bucket/a')).toBeNull();
    expect(parseOssPath('oss://')).toBeNull();
    expect(parseOssPath('')).toBeNull();
  });
});

describe('breadcrumbs, parent, join, baseName', () => {
  it('keeps empty segments of a//b', () => {
    expect(breadcrumbs('a//b/')).toEqual([
      { name: 'a', prefix: 'a/' },
      { name: '', prefix: 'a//' },
      { name: 'b', prefix: 'a//b/' },
    ]);
    expect(breadcrumbs('')).toEqual([]);
    expect(breadcrumbs('x/partial')).toEqual([
      { name: 'x', prefix: 'x/' },
      { name: 'partial', prefix: 'x/partial' },
    ]);
  });

  it('finds the parent folder', () => {
    expect(parentPrefix('a/b/')).toBe('a/');
    expect(parentPrefix('a/b.txt')).toBe('a/');
    expect(parentPrefix('a//')).toBe('a/');
    expect(parentPrefix('a/')).toBe('');
    expect(parentPrefix('')).toBeNull();
  });

  it('joins and names without changing bytes', () => {
    expect(joinKey('a', 'b c')).toBe('a/b c');
    expect(joinKey('', 'x')).toBe('x');
    expect(asFolderPrefix('a/b')).toBe('a/b/');
    expect(baseName('a/b/')).toBe('b');
    expect(baseName('a/😀.txt')).toBe('😀.txt');
  });

  it('counts UTF-8 bytes like OSS does', () => {
    const samples = ['abc', 'é', '中文', '😀', 'cafe\u0301', 'x'.repeat(1023)];
    for (const s of samples) expect(keyByteLength(s)).toBe(new TextEncoder().encode(s).length);
  });
});
