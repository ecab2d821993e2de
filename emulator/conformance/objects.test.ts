/** Object put/get/head/copy/delete through ali-oss, byte for byte, with ETag, CRC-64 and metadata. */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64Of } from '../../main/services/oss/crc64';
import { SIGNING_AND_STYLE, bucketName, codeOf, startTarget, type Target } from './target';

let target: Target;
beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
});

function md5Upper(data: Buffer | string): string {
  return createHash('md5').update(data).digest('hex').toUpperCase();
}

describe.each(SIGNING_AND_STYLE)('objects through ali-oss ($name)', ({ v4, vhost }) => {
  let client: OSS;
  let bucket: string;
  beforeAll(async () => {
    bucket = bucketName(`obj-${v4 ? 'v4' : 'v1'}${vhost ? 'h' : 'p'}`);
    await target.client(undefined, v4, vhost).putBucket(bucket);
    client = target.client(bucket, v4, vhost);
  });

  it('puts and gets bytes exactly, with OSS ETag, CRC64 and metadata', async () => {
    const body = Buffer.from('hello, OSS \u00e9\u4e2d');
    const put = await client.put('docs/hello.txt', body, {
      mime: 'text/plain; charset=utf-8',
      meta: { author: 'alice', n: '1' } as unknown as OSS.UserMeta,
      headers: { 'Content-Disposition': 'attachment; filename="h.txt"', 'Cache-Control': 'no-cache', 'Content-Encoding': 'identity', Expires: 'Wed, 21 Oct 2030 07:28:00 GMT' },
    });
    const res = put.res as unknown as { headers: Record<string, string>; status: number };
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe(`"${md5Upper(body)}"`);
    expect(res.headers['x-oss-hash-crc64ecma']).toBe(await crc64Of(body));
    const got = await client.get('docs/hello.txt');
    expect(Buffer.compare(got.content as Buffer, body)).toBe(0);
    const headers = (got.res as unknown as { headers: Record<string, string> }).headers;
    expect(headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(headers['x-oss-meta-author']).toBe('alice');
    expect(headers['content-disposition']).toBe('attachment; filename="h.txt"');
    expect(headers['cache-control']).toBe('no-cache');
    expect(headers.expires).toBe('Wed, 21 Oct 2030 07:28:00 GMT');
    expect(headers['x-oss-object-type']).toBe('Normal');
    expect(headers['x-oss-storage-class']).toBe('Standard');
    expect(headers['x-oss-hash-crc64ecma']).toBe(await crc64Of(body));
    expect(headers['content-md5']).toBe(createHash('md5').update(body).digest('base64'));
  });

  it('head and getObjectMeta describe the object without a body', async () => {
    await client.put('meta.bin', Buffer.alloc(1234, 7));
    const head = await client.head('meta.bin');
    expect((head.res as unknown as { headers: Record<string, string> }).headers['content-length']).toBe('1234');
    expect(head.status).toBe(200);
    const meta = await (client as unknown as { getObjectMeta(k: string): Promise<{ res: unknown }> }).getObjectMeta('meta.bin');
    const h = (meta.res as unknown as { headers: Record<string, string> }).headers;
    expect(h['content-length']).toBe('1234');
    expect(h.etag).toBe(`"${md5Upper(Buffer.alloc(1234, 7))}"`);
    expect(await codeOf(client.head('missing'))).toBe('NoSuchKey');
    expect(await codeOf(client.get('missing'))).toBe('NoSuchKey');
  });

  it('streams a chunked body (putStream) and reports its CRC', async () => {
    const pieces = [Buffer.alloc(70_000, 1), Buffer.alloc(3, 2), Buffer.alloc(100_001, 3)];
    const result = await client.putStream('stream.bin', Readable.from(pieces));
    const whole = Buffer.concat(pieces);
    expect((result.res as unknown as { headers: Record<string, string> }).headers['x-oss-hash-crc64ecma']).toBe(await crc64Of(whole));
    expect(Buffer.compare((await client.get('stream.bin')).content as Buffer, whole)).toBe(0);
  });

  it('rejects a wrong Content-MD5 with InvalidDigest and keeps the old object', async () => {
    await client.put('digest', Buffer.from('v1'));
    const wrong = createHash('md5').update('other').digest('base64');
    expect(await codeOf(client.put('digest', Buffer.from('v2'), { headers: { 'Content-MD5': wrong } }))).toBe('InvalidDigest');
    expect(await codeOf(client.put('digest', Buffer.from('v2'), { headers: { 'Content-MD5': 'not-base64-md5' } }))).toBe('InvalidDigest');
    const right = createHash('md5').update('v3').digest('base64');
    await client.put('digest', Buffer.from('v3'), { headers: { 'Content-MD5': right } });
    expect(((await client.get('digest')).content as Buffer).toString()).toBe('v3');
  });

  it('honours x-oss-forbid-overwrite', async () => {
    await client.put('once', Buffer.from('a'), { headers: { 'x-oss-forbid-overwrite': 'true' } });
    expect(await codeOf(client.put('once', Buffer.from('b'), { headers: { 'x-oss-forbid-overwrite': 'true' } }))).toBe('FileAlreadyExists');
    expect(((await client.get('once')).content as Buffer).toString()).toBe('a');
  });

  it('serves ranges, suffix ranges, and ignores invalid ones as OSS does', async () => {
    const body = Buffer.from('0123456789');
    await client.put('range', body);
    const get = async (range: string, standard = false) => {
      const headers: Record<string, string> = { Range: range };
      if (standard) headers['x-oss-range-behavior'] = 'standard';
      const r = await client.get('range', { headers });
      const res = r.res as unknown as { status: number; headers: Record<string, string> };
      return [res.status, (r.content as Buffer).toString(), res.headers['content-range'] ?? ''];
    };
    expect(await get('bytes=2-4')).toEqual([206, '234', 'bytes 2-4/10']);
    expect(await get('bytes=7-')).toEqual([206, '789', 'bytes 7-9/10']);
    expect(await get('bytes=-3')).toEqual([206, '789', 'bytes 7-9/10']);
    expect(await get('bytes=5-100')).toEqual([200, '0123456789', '']);
    expect(await get('bytes=20-30')).toEqual([200, '0123456789', '']);
    expect(await get('bytes=4-2')).toEqual([200, '0123456789', '']);
    expect(await get('bytes=0-1,4-5')).toEqual([206, '01', 'bytes 0-1/10']);
    expect(await get('byte=0-1')).toEqual([200, '0123456789', '']);
    expect(await get('bytes=-20')).toEqual([200, '0123456789', '']);
    expect(await get('bytes=5-100', true)).toEqual([206, '56789', 'bytes 5-9/10']);
    expect(await codeOf(get('bytes=20-30', true))).toBe('InvalidRange');
  });

  it('answers conditional GETs with 304 and 412', async () => {
    const put = await client.put('cond', Buffer.from('c'));
    const etag = (put.res as unknown as { headers: Record<string, string> }).headers.etag as string;
    const status = async (headers: Record<string, string>) => {
      try {
        const r = await client.get('cond', { headers });
        return (r.res as unknown as { status: number }).status;
      } catch (error) {
        return (error as { status: number }).status;
      }
    };
    const future = new Date(Date.now() + 3_600_000).toUTCString();
    const past = new Date(Date.now() - 3_600_000).toUTCString();
    expect(await status({ 'If-Match': etag })).toBe(200);
    expect(await status({ 'If-Match': '"00000000000000000000000000000000"' })).toBe(412);
    expect(await status({ 'If-None-Match': etag })).toBe(304);
    expect(await status({ 'If-None-Match': '"00000000000000000000000000000000"' })).toBe(200);
    expect(await status({ 'If-Modified-Since': future })).toBe(304);
    expect(await status({ 'If-Modified-Since': past })).toBe(200);
    expect(await status({ 'If-Unmodified-Since': past })).toBe(412);
    expect(await status({ 'If-Unmodified-Since': future })).toBe(200);
  });

  it('applies response-* overrides on GET', async () => {
    await client.put('override', Buffer.from('x'), { mime: 'text/plain' });
    const r = await client.get('override', {
      subres: {
        'response-content-type': 'application/json',
        'response-content-disposition': "attachment; filename*=UTF-8''%E4%B8%AD.txt",
        'response-cache-control': 'max-age=60',
        'response-expires': 'Thu, 01 Jan 2037 00:00:00 GMT',
        'response-content-language': 'zh-CN',
        'response-content-encoding': 'identity',
      },
    } as unknown as OSS.GetObjectOptions);
    const h = (r.res as unknown as { headers: Record<string, string> }).headers;
    expect(h['content-type']).toBe('application/json');
    expect(h['content-disposition']).toBe("attachment; filename*=UTF-8''%E4%B8%AD.txt");
    expect(h['cache-control']).toBe('max-age=60');
    expect(h.expires).toBe('Thu, 01 Jan 2037 00:00:00 GMT');
    expect(h['content-language']).toBe('zh-CN');
  });

  it('deletes with 204 also for missing keys, and deletes many (quiet and verbose)', async () => {
    await client.put('del/one', Buffer.from('1'));
    const r = await client.delete('del/one');
    expect((r.res as unknown as { status: number }).status).toBe(204);
    expect(((await client.delete('del/never')).res as unknown as { status: number }).status).toBe(204);
    const keys = ['m/a & b', 'm/<x>', "m/'q'\"", 'm/中文', 'm/ sp '];
    for (const key of keys) await client.put(key, Buffer.from(key));
    const verbose = await client.deleteMulti([...keys.slice(0, 3), 'm/not-there'], { quiet: false });
    expect([...(verbose.deleted as unknown as Array<{ Key: string }>)].map((d) => d.Key ?? d)).toEqual([...keys.slice(0, 3), 'm/not-there']);
    const quiet = await client.deleteMulti(keys.slice(3), { quiet: true });
    expect(quiet.deleted ?? []).toEqual([]);
    expect((await client.list({ prefix: 'm/', 'max-keys': 100 }, {})).objects ?? []).toEqual([]);
  });

  it('copies within and across buckets, COPY and REPLACE metadata, with conditions', async () => {
    await client.put('src/a b+c', Buffer.from('copy me'), { mime: 'text/x-src', meta: { k: 'v' } as unknown as OSS.UserMeta });
    const copied = await client.copy('dst/same', 'src/a b+c');
    expect(copied.data?.etag).toBe(`"${md5Upper('copy me')}"`);
    let h = (await client.head('dst/same')).res as unknown as { headers: Record<string, string> };
    expect(h.headers['content-type']).toBe('text/x-src');
    expect(h.headers['x-oss-meta-k']).toBe('v');
    await client.copy('dst/replaced', 'src/a b+c', { meta: { other: '2' }, headers: { 'Content-Type': 'text/new', 'x-oss-metadata-directive': 'REPLACE' } } as unknown as OSS.CopyObjectOptions);
    h = (await client.head('dst/replaced')).res as unknown as { headers: Record<string, string> };
    expect(h.headers['content-type']).toBe('text/new');
    expect(h.headers['x-oss-meta-other']).toBe('2');
    expect(h.headers['x-oss-meta-k']).toBeUndefined();
    const other = bucketName('copy-dst');
    await target.client(undefined, v4, vhost).putBucket(other);
    const otherClient = target.client(other, v4, vhost);
    await otherClient.copy('from-other/中', 'src/a b+c', bucket);
    expect(((await otherClient.get('from-other/中')).content as Buffer).toString()).toBe('copy me');
    expect(await codeOf(client.copy('dst/x', 'src/missing'))).toBe('NoSuchKey');
    // Buckets in another region cannot be a copy source (OSS EC 0016-00000306).
    const far = bucketName('copy-far');
    const shanghai = target.client(undefined, v4, vhost, 'oss-cn-shanghai');
    await shanghai.putBucket(far);
    await target.client(far, v4, vhost, 'oss-cn-shanghai').put('x', Buffer.from('x'));
    expect(await codeOf(client.copy('dst/far', 'x', far))).toBe('InvalidRequest');
    expect(await codeOf(client.copy('dst/x', 'src/a b+c', { headers: { 'x-oss-copy-source-if-match': '"0000"' } } as unknown as OSS.CopyObjectOptions))).toBe('PreconditionFailed');
  });

  it('appends with position checks and a cumulative CRC', async () => {
    const a = Buffer.from('first-');
    const b = Buffer.from('second');
    const r1 = await client.append('log.txt', a);
    expect(r1.nextAppendPosition).toBe(String(a.length));
    const r2 = await client.append('log.txt', b, { position: r1.nextAppendPosition });
    expect(r2.nextAppendPosition).toBe(String(a.length + b.length));
    const h = (r2.res as unknown as { headers: Record<string, string> }).headers;
    expect(h['x-oss-hash-crc64ecma']).toBe(await crc64Of(Buffer.concat([a, b])));
    expect(((await client.get('log.txt')).content as Buffer).toString()).toBe('first-second');
    expect(await codeOf(client.append('log.txt', b, { position: '3' }))).toBe('PositionNotEqualToLength');
    await client.put('normal', Buffer.from('n'));
    expect(await codeOf(client.append('normal', b, { position: '1' }))).toBe('ObjectNotAppendable');
    expect(await codeOf(client.copy('log-copy.txt', 'log.txt'))).toBe('OperationNotSupported');
    const head = (await client.head('log.txt')).res as unknown as { headers: Record<string, string> };
    expect(head.headers['x-oss-object-type']).toBe('Appendable');
    expect(head.headers['x-oss-next-append-position']).toBe('12');
  });
});
