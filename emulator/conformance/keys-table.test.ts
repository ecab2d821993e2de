/** A table of awkward keys (unicode, NFC/NFD, spaces, symbols) round-trips and lists in UTF-8 byte order. */
import type OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING_AND_STYLE, bucketName, startTarget, type Target } from './target';

/**
 * Keys that break naive encoders: each must round-trip byte for byte. (`a/../b` and `./a`
 * are left out: ali-oss's URL handling collapses dot segments before the request is sent.)
 */
export const AWKWARD_KEYS: string[] = [
  'plain.txt',
  'with space.txt',
  ' leading-space',
  'trailing-space ',
  'plus+sign',
  'percent%25literal',
  '%2F-looks-encoded',
  'hash#fragment',
  'question?mark',
  'amp&and=equals',
  'semi;colon,comma',
  'colon:at@dollar$',
  'brackets[]{}()',
  'quote\'single',
  'quote"double',
  'xml<lt>gt&amp;',
  'back`tick^caret|pipe',
  'tilde~star*bang!',
  '中文/文件名.txt',
  '日本語のファイル',
  '한국어',
  'emoji-😀-🎉',
  'caf\u00e9-nfc',
  'cafe\u0301-nfd',
  'a//b',
  'dir/trailing/',
  'dots..in..name',
  '.hidden/.file',
  'tab\tinside',
  'unicode-\u00a0nbsp',
  'zero-width-\u200b',
  'rtl-\u05e9\u05dc\u05d5\u05dd',
  'math-\u{1d400}',
  'k'.repeat(1023),
  `${'中'.repeat(340)}abc`,
];

describe.each(SIGNING_AND_STYLE)('awkward keys ($name)', ({ v4, vhost }) => {
  let target: Target;
  let client: OSS;
  beforeAll(async () => {
    target = await startTarget();
    const bucket = bucketName(`keys-${v4 ? 'v4' : 'v1'}${vhost ? 'h' : 'p'}`);
    await target.client(undefined, v4, vhost).putBucket(bucket);
    client = target.client(bucket, v4, vhost);
  });
  afterAll(async () => {
    await target.close();
  });

  it('has at least 30 keys, NFC and NFD kept distinct', () => {
    expect(AWKWARD_KEYS.length).toBeGreaterThanOrEqual(30);
    expect('caf\u00e9'.normalize('NFD')).toBe('cafe\u0301');
    expect(new Set(AWKWARD_KEYS).size).toBe(AWKWARD_KEYS.length);
  });

  it.each(AWKWARD_KEYS.map((key) => [JSON.stringify(key).slice(0, 60), key]))('put/get/copy/list/delete %s', async (_label, key) => {
    const body = Buffer.from(`body of ${key}`, 'utf8');
    await client.put(key, body);
    const got = await client.get(key);
    expect(Buffer.compare(got.content as Buffer, body)).toBe(0);

    const listed = await client.listV2({ prefix: key, 'max-keys': '10' }, {});
    expect((listed.objects ?? []).map((o) => o.name)).toContain(key);
    const encoded = await client.list({ prefix: key, 'max-keys': '10', 'encoding-type': 'url' } as OSS.ListObjectsQuery, {});
    expect((encoded.objects ?? []).map((o) => decodeURIComponent(o.name))).toContain(key);

    const copyKey = Buffer.byteLength(key) > 1000 ? `copy-of-long-${key.length}` : `copy/${key}`;
    await client.copy(copyKey, key);
    expect(Buffer.compare((await client.get(copyKey)).content as Buffer, body)).toBe(0);

    await client.delete(key);
    await client.deleteMulti([copyKey]);
    const after = await client.listV2({ prefix: key, 'max-keys': '10' }, {});
    expect((after.objects ?? []).map((o) => o.name)).not.toContain(key);
  });

  it('lists all keys in UTF-8 byte order', async () => {
    const bucket = bucketName(`order-${v4 ? 'v4' : 'v1'}${vhost ? 'h' : 'p'}`);
    await target.client(undefined, v4, vhost).putBucket(bucket);
    const c = target.client(bucket, v4, vhost);
    for (const key of AWKWARD_KEYS) await c.put(key, Buffer.from('x'));
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await c.listV2({ 'max-keys': '7', ...(token ? { 'continuation-token': token } : {}) }, {});
      names.push(...(page.objects ?? []).map((o) => o.name));
      token = page.nextContinuationToken ?? undefined;
    } while (token);
    const expected = [...AWKWARD_KEYS].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(names).toEqual(expected);
  });
});
