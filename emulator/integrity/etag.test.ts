/** OSS multipart ETags: MD5 of the binary part MD5s, then `-N`. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { multipartEtag } from './etag';

describe('etag', () => {
  it('multipart ETag is MD5 of binary part MD5s plus the count', () => {
    const p1 = createHash('md5').update('one').digest('hex');
    const p2 = createHash('md5').update('two').digest('hex');
    const expected = createHash('md5').update(Buffer.concat([Buffer.from(p1, 'hex'), Buffer.from(p2, 'hex')])).digest('hex').toUpperCase();
    expect(multipartEtag([p1.toUpperCase(), p2])).toBe(`${expected}-2`);
  });
});
