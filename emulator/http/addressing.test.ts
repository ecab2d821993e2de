/** Bucket and key from path and virtual-host style, byte-exact keys, query decoding and InvalidURI. */
import { describe, expect, it } from 'vitest';
import { OssError } from '../core/contract';
import { parseTarget } from './addressing';

describe('request addressing', () => {
  it('reads path style on localhost and IPs, keeping keys byte-exact', () => {
    expect(parseTarget('/bucket/a%20b%2Bc/%E4%B8%AD//x/', 'localhost:9000')).toMatchObject({ bucket: 'bucket', key: 'a b+c/中//x/', virtualHost: false });
    expect(parseTarget('/bucket/a+b', '127.0.0.1:9000').key).toBe('a+b');
    expect(parseTarget('/bucket', 'localhost').key).toBeNull();
    expect(parseTarget('/bucket/', 'localhost').key).toBeNull();
    expect(parseTarget('/', 'localhost').bucket).toBeNull();
  });

  it('reads the bucket from the first Host label in virtual-host style', () => {
    expect(parseTarget('/dir/k.txt', 'my-bucket.oss-cn-hangzhou.aliyuncs.com')).toMatchObject({ bucket: 'my-bucket', key: 'dir/k.txt', virtualHost: true });
    expect(parseTarget('/', 'my-bucket.localhost:1234')).toMatchObject({ bucket: 'my-bucket', key: null });
    expect(parseTarget('/', 'oss-cn-hangzhou.aliyuncs.com').bucket).toBeNull();
  });

  it('decodes the query with form semantics and keeps bare sub-resources as empty strings', () => {
    const { query } = parseTarget('/b?acl&prefix=a+b%2B&x=1&x=2', 'localhost');
    expect([...query]).toEqual([['acl', ''], ['prefix', 'a b+'], ['x', '1']]);
  });

  it('rejects malformed percent-encoding with InvalidURI', () => {
    expect(() => parseTarget('/b/%E4%B8', 'localhost')).toThrow(OssError);
  });
});
