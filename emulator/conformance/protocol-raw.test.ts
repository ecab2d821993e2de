/**
 * Protocol-level checks with raw HTTP (anonymous, on a public-read-write bucket, through
 * the real gate): rejections ali-oss would never send, and byte-exact XML.
 */
import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64Of } from '../../main/services/oss/crc64';
import { errorCode } from './oss-client';
import { bucketName, startTarget, type Target } from './target';

let target: Target;
let bucket: string;
let owner: string;
beforeAll(async () => {
  target = await startTarget();
  bucket = bucketName('raw');
  await target.client(undefined, true).putBucket(bucket, { acl: 'public-read-write' } as never);
  owner = (await target.store.getBucket(bucket))?.ownerAccountId as string;
});
afterAll(async () => {
  await target.close();
});

const md5b64 = (data: Buffer | string): string => createHash('md5').update(data).digest('base64');
const path = (key: string): string => `/${bucket}/${encodeURIComponent(key)}`;

/** Sends bytes on a fresh socket and returns the status line + headers text. */
function rawSocket(port: string, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString('utf8');
      if (text.includes('</Error>')) socket.destroy();
    });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('raw protocol: uploads', () => {
  it('rejects a mismatched or malformed Content-MD5 with InvalidDigest', async () => {
    const bad = await target.raw('PUT', path('md5'), { 'Content-MD5': md5b64('other'), 'Content-Length': '4' }, 'data');
    expect([bad.status, errorCode(bad.text)]).toEqual([400, 'InvalidDigest']);
    expect(bad.text).toMatch(/<RequestId>[^<]+<\/RequestId>/);
    expect(bad.text).toMatch(/<EC>[^<]+<\/EC>/);
    const garbage = await target.raw('PUT', path('md5'), { 'Content-MD5': 'abc', 'Content-Length': '4' }, 'data');
    expect(errorCode(garbage.text)).toBe('InvalidDigest');
    const good = await target.raw('PUT', path('md5'), { 'Content-MD5': md5b64('data'), 'Content-Length': '4' }, 'data');
    expect(good.status).toBe(200);
    expect(good.headers.etag).toBe(`"${createHash('md5').update('data').digest('hex').toUpperCase()}"`);
  });

  it('derives a missing Content-Type from the extension, as OSS does', async () => {
    const cases: Array<[string, string]> = [['photo.JPG', 'image/jpeg'], ['notes.txt', 'text/plain'], ['page.html', 'text/html'], ['noext', 'application/octet-stream']];
    for (const [key, type] of cases) {
      await target.raw('PUT', path(key), { 'Content-Length': '1' }, 'x');
      expect((await target.raw('HEAD', path(key))).headers['content-type']).toBe(type);
    }
  });

  it('stores, copies and serves empty objects (ETag and CRC of nothing)', async () => {
    const put = await target.raw('PUT', path('empty/'), { 'Content-Length': '0' });
    expect([put.status, put.headers.etag, put.headers['x-oss-hash-crc64ecma']]).toEqual([200, '"D41D8CD98F00B204E9800998ECF8427E"', '0']);
    await target.raw('PUT', path('empty-copy/'), { 'x-oss-copy-source': path('empty/'), 'Content-Length': '0' });
    for (const key of ['empty/', 'empty-copy/']) {
      const got = await target.raw('GET', path(key), { Range: 'bytes=0-10' });
      expect([got.status, got.headers['content-length'], got.body.length]).toEqual([200, '0', 0]);
    }
  });

  it('accepts chunked transfer-encoding bodies', async () => {
    const pieces = [Buffer.from('chunk-one|'), Buffer.alloc(200_000, 0x61), Buffer.from('|last')];
    const put = await target.raw('PUT', path('chunked'), {}, pieces);
    expect(put.status).toBe(200);
    const whole = Buffer.concat(pieces);
    expect(put.headers['x-oss-hash-crc64ecma']).toBe(await crc64Of(whole));
    const got = await target.raw('GET', path('chunked'));
    expect(Buffer.compare(got.body, whole)).toBe(0);
    expect(got.headers['content-length']).toBe(String(whole.length));
  });

  it('answers 411 without a length and EntityTooLarge above 5 GiB', async () => {
    const port = new URL(target.endpoint).port;
    const noLength = await rawSocket(port, `PUT ${path('nolen')} HTTP/1.1\r\nHost: localhost:${port}\r\nConnection: close\r\n\r\n`);
    expect(noLength).toMatch(/^HTTP\/1\.1 411/);
    expect(noLength).toContain('<Code>MissingContentLength</Code>');
    const huge = await rawSocket(port, `PUT ${path('huge')} HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Length: ${5 * 1024 ** 3 + 1}\r\nConnection: close\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 400/);
    expect(huge).toContain('<Code>EntityTooLarge</Code>');
  });

  it('rejects keys over 1023 bytes and keys starting with a slash', async () => {
    const long = await target.raw('PUT', path('x'.repeat(1024)), { 'Content-Length': '1' }, 'x');
    expect([long.status, errorCode(long.text)]).toEqual([400, 'KeyTooLong']);
    const exact = await target.raw('PUT', path('y'.repeat(1023)), { 'Content-Length': '1' }, 'y');
    expect(exact.status).toBe(200);
    const slash = await target.raw('PUT', `/${bucket}//abs`, { 'Content-Length': '1' }, 'x');
    expect([slash.status, errorCode(slash.text)]).toEqual([400, 'InvalidObjectName']);
  });

  it('reports the next append position on a position mismatch', async () => {
    const first = await target.raw('POST', `${path('app')}?append&position=0`, { 'Content-Length': '5' }, 'hello');
    expect([first.status, first.headers['x-oss-next-append-position']]).toEqual([200, '5']);
    const wrong = await target.raw('POST', `${path('app')}?append&position=2`, { 'Content-Length': '1' }, '!');
    expect([wrong.status, errorCode(wrong.text), wrong.headers['x-oss-next-append-position']]).toEqual([409, 'PositionNotEqualToLength', '5']);
  });
});

describe('raw protocol: DeleteMultipleObjects', () => {
  const post = (xml: string, headers: Record<string, string> = {}, query = '') =>
    target.raw('POST', `/${bucket}/?delete${query}`, { 'Content-Type': 'application/xml', 'Content-Length': String(Buffer.byteLength(xml)), ...headers }, xml);

  it('requires a matching Content-MD5 and well-formed XML', async () => {
    const xml = '<Delete><Object><Key>a</Key></Object></Delete>';
    expect(errorCode((await post(xml)).text)).toBe('MissingArgument');
    expect(errorCode((await post(xml, { 'Content-MD5': md5b64('nope') })).text)).toBe('InvalidDigest');
    const broken = '<Delete><Object><Key>a</Key></Object>';
    expect(errorCode((await post(broken, { 'Content-MD5': md5b64(broken) })).text)).toBe('MalformedXML');
    const many = `<Delete>${'<Object><Key>k</Key></Object>'.repeat(1001)}</Delete>`;
    expect(errorCode((await post(many, { 'Content-MD5': md5b64(many) })).text)).toBe('MalformedXML');
  });

  it('deletes XML-escaped keys and answers url-encoded keys byte for byte', async () => {
    const keys = ['x&y', '<tag>', 'q"uo\'te', ' sp ace ', '中文'];
    for (const key of keys) await target.raw('PUT', path(key), { 'Content-Length': '1' }, 'x');
    const escape = (k: string) => k.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
    const xml = `<?xml version="1.0" encoding="UTF-8"?><Delete><Quiet>false</Quiet>${keys.map((k) => `<Object><Key>${escape(k)}</Key></Object>`).join('')}</Delete>`;
    const r = await post(xml, { 'Content-MD5': md5b64(xml) }, '&encoding-type=url');
    expect(r.status).toBe(200);
    const deleted = keys.map((k) => `<Deleted><Key>${encodeURIComponent(k)}</Key></Deleted>`).join('');
    expect(r.text).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<DeleteResult><EncodingType>url</EncodingType>${deleted}</DeleteResult>`);
    for (const key of keys) expect((await target.raw('HEAD', path(key))).status).toBe(404);
  });
});

describe('raw protocol: multipart', () => {
  async function initiate(key: string): Promise<string> {
    const r = await target.raw('POST', `${path(key)}?uploads`, { 'Content-Length': '0' });
    return /<UploadId>([^<]+)<\/UploadId>/.exec(r.text)?.[1] as string;
  }
  async function part(key: string, id: string, n: number, body: Buffer): Promise<string> {
    const r = await target.raw('PUT', `${path(key)}?partNumber=${n}&uploadId=${id}`, { 'Content-Length': String(body.length) }, body);
    return r.headers.etag as string;
  }
  const complete = (key: string, id: string, parts: Array<[number, string]>) => {
    const xml = `<CompleteMultipartUpload>${parts.map(([n, e]) => `<Part><PartNumber>${n}</PartNumber><ETag>${e}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
    return target.raw('POST', `${path(key)}?uploadId=${id}`, { 'Content-Length': String(Buffer.byteLength(xml)) }, xml);
  };

  it('enforces part order and minimum size, then completes with the OSS multipart ETag', async () => {
    const id = await initiate('mp');
    const small = Buffer.alloc(1000, 1);
    const big = Buffer.alloc(100 * 1024, 2);
    const e1 = await part('mp', id, 1, big);
    const e2 = await part('mp', id, 2, small);
    const e3 = await part('mp', id, 3, small);
    expect(errorCode((await complete('mp', id, [[2, e2], [1, e1]])).text)).toBe('InvalidPartOrder');
    expect(errorCode((await complete('mp', id, [[1, e1], [1, e1]])).text)).toBe('InvalidPartOrder');
    const tooSmall = await complete('mp', id, [[1, e1], [2, e2], [3, e3]]);
    expect([tooSmall.status, errorCode(tooSmall.text)]).toEqual([400, 'EntityTooSmall']);
    const done = await complete('mp', id, [[1, e1], [3, e3]]);
    expect(done.status).toBe(200);
    const md5s = [big, small].map((b) => createHash('md5').update(b).digest());
    const etag = `"${createHash('md5').update(Buffer.concat(md5s)).digest('hex').toUpperCase()}-2"`;
    expect(done.text).toContain(`<ETag>${etag}</ETag>`);
    expect(done.headers['x-oss-hash-crc64ecma']).toBe(await crc64Of(Buffer.concat([big, small])));
    expect((await target.raw('HEAD', path('mp'))).headers['content-length']).toBe(String(big.length + small.length));
  });

  it('completes every uploaded part with x-oss-complete-all', async () => {
    const id = await initiate('all');
    await part('all', id, 5, Buffer.from('only part'));
    const r = await target.raw('POST', `${path('all')}?uploadId=${id}`, { 'x-oss-complete-all': 'yes', 'Content-Length': '0' });
    expect(r.status).toBe(200);
    expect((await target.raw('GET', path('all'))).text).toBe('only part');
  });
});

describe('raw protocol: limits and exact XML', () => {
  it('refuses CopyObject above 1 GB but allows UploadPartCopy ranges from it', async () => {
    await target.store.seedObjects(bucket, [{ key: 'big-seeded', size: 1024 ** 3 + 1 }]);
    const copy = await target.raw('PUT', path('big-copy'), { 'x-oss-copy-source': path('big-seeded'), 'Content-Length': '0' });
    expect([copy.status, errorCode(copy.text)]).toEqual([400, 'EntityTooLarge']);
    const init = await target.raw('POST', `${path('big-parts')}?uploads`, { 'Content-Length': '0' });
    const id = /<UploadId>([^<]+)<\/UploadId>/.exec(init.text)?.[1] as string;
    const partCopy = await target.raw('PUT', `${path('big-parts')}?partNumber=1&uploadId=${id}`, { 'x-oss-copy-source': path('big-seeded'), 'x-oss-copy-source-range': 'bytes=1073741000-1073741824', 'Content-Length': '0' });
    expect(partCopy.status).toBe(200);
    expect(partCopy.text).toMatch(/<CopyPartResult><LastModified>[^<]+<\/LastModified><ETag>"[0-9A-F]{32}"<\/ETag><\/CopyPartResult>/);
  });

  it('renders ListObjects XML exactly as OSS does', async () => {
    const b = bucketName('xml');
    await target.client(undefined, true).putBucket(b, { acl: 'public-read' } as never);
    const when = Date.UTC(2024, 0, 2, 3, 4, 5);
    await target.store.seedObjects(b, [{ key: 'a&b.txt', body: 'hello', lastModified: when }, { key: 'dir/x', size: 3, lastModified: when }]);
    const r = await target.raw('GET', `/${b}/?delimiter=%2F&max-keys=1`);
    const etag = createHash('md5').update('hello').digest('hex').toUpperCase();
    expect(r.headers['content-type']).toBe('application/xml');
    expect(r.text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult>' +
        `<Name>${b}</Name><Prefix></Prefix><Marker></Marker><MaxKeys>1</MaxKeys><Delimiter>/</Delimiter>` +
        '<IsTruncated>true</IsTruncated><NextMarker>a&amp;b.txt</NextMarker>' +
        `<Contents><Key>a&amp;b.txt</Key><LastModified>2024-01-02T03:04:05.000Z</LastModified><ETag>"${etag}"</ETag>` +
        `<Type>Normal</Type><Size>5</Size><StorageClass>Standard</StorageClass><Owner><ID>${owner}</ID><DisplayName>${owner}</DisplayName></Owner></Contents>` +
        '</ListBucketResult>',
    );
    const next = await target.raw('GET', `/${b}/?delimiter=%2F&marker=a%26b.txt`);
    expect(next.text).toContain('<IsTruncated>false</IsTruncated><CommonPrefixes><Prefix>dir/</Prefix></CommonPrefixes></ListBucketResult>');
  });

  it('serves HEAD on a range with headers but no body, and 304 without a body', async () => {
    await target.raw('PUT', path('h'), { 'Content-Length': '10' }, '0123456789');
    const head = await target.raw('HEAD', path('h'), { Range: 'bytes=2-3' });
    expect([head.status, head.headers['content-range'], head.headers['content-length'], head.body.length]).toEqual([206, 'bytes 2-3/10', '2', 0]);
    const etag = head.headers.etag as string;
    const notModified = await target.raw('GET', path('h'), { 'If-None-Match': etag });
    expect([notModified.status, notModified.body.length]).toEqual([304, 0]);
  });
});
