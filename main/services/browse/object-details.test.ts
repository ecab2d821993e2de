import { describe, expect, it } from 'vitest';
import { detailsFromHeaders, headerText, parseRestoreState, toHttpHeaders } from './object-details';

describe('parseRestoreState', () => {
  it('reads x-oss-restore for archive classes', () => {
    expect(parseRestoreState('Standard', undefined)).toEqual({ state: 'not-needed' });
    expect(parseRestoreState('Archive', undefined)).toEqual({ state: 'archived' });
    expect(parseRestoreState('ColdArchive', 'ongoing-request="true"')).toEqual({ state: 'in-progress' });
    expect(parseRestoreState('Archive', 'ongoing-request="false", expiry-date="Sun, 16 Apr 2017 08:12:33 GMT"')).toEqual({
      state: 'restored',
      expiresAt: Date.UTC(2017, 3, 16, 8, 12, 33),
    });
  });
});

describe('detailsFromHeaders', () => {
  it('collects size, ETag, CRC64, class, headers and metadata', () => {
    const d = detailsFromHeaders(
      'b',
      'k.txt',
      {
        'content-length': '42',
        'last-modified': 'Mon, 23 Nov 2026 09:00:00 GMT',
        etag: '"ABC"',
        'x-oss-hash-crc64ecma': '18446744073709551615',
        'x-oss-storage-class': 'IA',
        'x-oss-object-type': 'Normal',
        'content-type': 'text/plain',
        'cache-control': 'no-cache',
        'x-oss-meta-owner': 'ann',
        // UTF-8 bytes of "中" as Node presents them (latin1)
        'x-oss-meta-city': Buffer.from('中', 'utf8').toString('latin1'),
      },
      'private',
      'http://h/b/k.txt',
    );
    expect(d).toMatchObject({
      size: 42,
      lastModified: Date.UTC(2026, 10, 23, 9),
      etag: 'ABC',
      crc64: '18446744073709551615',
      storageClass: 'IA',
      restore: { state: 'not-needed' },
      headers: { contentType: 'text/plain', cacheControl: 'no-cache' },
      meta: { owner: 'ann', city: '中' },
      acl: 'private',
    });
  });

  it('keeps a latin1 header that is not UTF-8 as it is, and maps header fields back', () => {
    expect(headerText('caf\u00e9')).toBe('caf\u00e9');
    expect(toHttpHeaders({ contentType: 'a/b', cacheControl: '', expires: 'x' })).toEqual({ 'content-type': 'a/b', expires: 'x' });
  });
});
