/**
 * HTTP framing as OSS's front end handles it: a body framed both by Content-Length and
 * `Transfer-Encoding: chunked` is read as chunked (ali-oss `putStream` with a length sends
 * both when given a Content-Length header), and a request Node's parser refuses still gets OSS error XML with a request ID.
 */
import type OSS from 'ali-oss';
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64Of } from '../../main/services/oss/crc64';
import { errorCode } from './oss-client';
import { bucketName, startTarget, type Target } from './target';

let target: Target;
let bucket: string;
let client: OSS;
beforeAll(async () => {
  target = await startTarget();
  bucket = bucketName('framing');
  await target.client(undefined, true).putBucket(bucket, { acl: 'public-read-write' } as never);
  client = target.client(bucket, true);
});
afterAll(async () => {
  await target.close();
});

/** Writes raw bytes on a fresh socket and returns everything the server sends until it closes. */
function exchange(request: string | Buffer): Promise<string> {
  const port = Number(new URL(target.endpoint).port);
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let text = '';
    socket.on('data', (d: Buffer) => {
      text += d.toString('utf8');
      if (/\r\n\r\n[\s\S]*<\/Error>|\r\n\r\n$/.test(text) && text.startsWith('HTTP/1.1 200')) socket.end();
    });
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
  });
}

describe('HTTP framing', () => {
  it('accepts ali-oss putStream with a Content-Length header (it adds chunked: both together)', async () => {
    const pieces = [Buffer.from('first|'), Buffer.alloc(100_000, 0x62), Buffer.from('|last')];
    const whole = Buffer.concat(pieces);
    const result = await client.putStream('streamed.bin', Readable.from(pieces), { headers: { 'Content-Length': String(whole.length) } } as never);
    expect(result.res.status).toBe(200);
    const got = await client.get('streamed.bin');
    expect(Buffer.compare(got.content as Buffer, whole)).toBe(0);
    expect((got.res.headers as Record<string, string>)['x-oss-hash-crc64ecma']).toBe(await crc64Of(whole));
  });

  it('reads the chunked body, not Content-Length bytes, when a raw request sends both', async () => {
    const response = await exchange(
      `PUT /${bucket}/both.txt HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n`,
    );
    expect(response).toMatch(/^HTTP\/1\.1 200 /);
    expect((await client.get('both.txt')).content.toString()).toBe('hello world');
  });

  it('answers requests the HTTP parser refuses with OSS XML and a request ID, not a bare 400', async () => {
    for (const request of [
      'NOT A REQUEST\r\n\r\n',
      `GET /${bucket}/x HTTP/1.1\r\nHost: localhost\r\nBad Header: x\r\n\r\n`,
      `PUT /${bucket}/x HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n`,
      `GET /${bucket}/x HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    ]) {
      const response = await exchange(request);
      const [head = '', body = ''] = response.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 4\d\d /);
      const requestId = /x-oss-request-id: ([0-9A-F]{24})/i.exec(head)?.[1];
      expect(requestId).toBeDefined();
      expect(body).toContain(`<RequestId>${requestId}</RequestId>`);
      expect(errorCode(body)).toMatch(/^(InvalidRequest|RequestHeaderFieldsTooLarge)$/);
      expect(body).toMatch(/<EC>[^<]+<\/EC>/);
    }
  });
});
