/**
 * The preview server's edges, against the real emulator: the Host check refuses every Host
 * that is not exactly 127.0.0.1:PORT (a longer name that starts with it, a wrong port, no
 * port, no Host at all), and the text preview's Range cap reads exactly the bytes asked for,
 * even where multi-byte text would hide one byte too many.
 */
import net from 'node:net';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreviewServer } from '../services/preview/preview-server';
import { PreviewService } from '../services/browse/preview-service';
import { startBrowseFixture, type BrowseFixture } from '../test-support/emulator-fixture';

const bucket = 'preview-edges';

function get(url: string, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { headers: host === undefined ? {} : { Host: host } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end();
  });
}

/** A raw request line; `HTTP/1.0` may legally omit Host, so Node's parser lets it through to the handler. */
function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    let reply = '';
    socket.on('data', (d: Buffer) => (reply += d.toString('latin1')));
    socket.on('end', () => resolve(reply));
    socket.on('error', reject);
  });
}

describe('preview server boundaries', () => {
  let fx: BrowseFixture;
  let server: PreviewServer;
  let preview: PreviewService;

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(bucket);
    await fx.seed(bucket, [
      { key: 'pic.png', body: Buffer.from('89504e470d0a1a0a', 'hex'), contentType: 'image/png' },
      { key: 'ascii.txt', body: 'abcdefghij'.repeat(100) },
      { key: 'han.txt', body: '中'.repeat(2000) },
    ]);
    server = new PreviewServer(fx.clients);
    preview = new PreviewService(fx.clients, server);
  });
  afterAll(async () => {
    await server?.close();
    await fx?.close();
  });

  it('serves 127.0.0.1:PORT and refuses every other Host', async () => {
    const { url } = await preview.previewUrl('p', bucket, 'pic.png', 300);
    const port = Number(new URL(url).port);
    expect(await get(url)).toBe(200);
    for (const host of [`127.0.0.1.evil.example:${port}`, `127.0.0.1:${port + 1}`, `127.0.0.1:${port}0`, '127.0.0.1', `127.0.0.1:${port}.evil.example`, `localhost:${port}`, `[::1]:${port}`, `0x7f000001:${port}`]) {
      expect(await get(url, host), `Host: ${host}`).toBe(403);
    }
  });

  it('refuses a request without any Host header', async () => {
    const { url } = await preview.previewUrl('p', bucket, 'pic.png', 300);
    const { port, pathname } = new URL(url);
    const withHost = await raw(Number(port), `GET ${pathname} HTTP/1.0\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
    expect(withHost).toMatch(/^HTTP\/1\.1 200 /);
    const noHost = await raw(Number(port), `GET ${pathname} HTTP/1.0\r\n\r\n`);
    expect(noHost).toMatch(/^HTTP\/1\.1 403 /);
  });

  it('reads exactly maxBytes of ASCII text and says how big the file is', async () => {
    expect(await preview.readText('p', bucket, 'ascii.txt', 25)).toEqual({ text: 'abcdefghijabcdefghijabcde', encoding: 'utf-8', truncated: true, size: 1000 });
    expect(await preview.readText('p', bucket, 'ascii.txt', 1000)).toMatchObject({ truncated: false, size: 1000 });
    expect((await preview.readText('p', bucket, 'ascii.txt', 999)).text).toHaveLength(999);
  });

  it('does not read one byte past the cap in multi-byte text', async () => {
    // 1001 bytes hold 333 whole characters and 2 bytes of the next: it is dropped. One byte
    // more (a Range of 0-1001) would complete it and show 334 characters.
    expect(await preview.readText('p', bucket, 'han.txt', 1001)).toEqual({ text: '中'.repeat(333), encoding: 'utf-8', truncated: true, size: 6000 });
    expect((await preview.readText('p', bucket, 'han.txt', 1002)).text).toBe('中'.repeat(334));
  });
});
