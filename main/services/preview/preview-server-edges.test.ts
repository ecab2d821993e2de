/**
 * The preview server's edges over real HTTP against the in-process emulator: it listens on
 * 127.0.0.1 only and reports its port only while running, matches exactly `/p/<id>`, answers
 * errors with fixed plain-text bodies and safe headers, keeps expired grants long enough to
 * say 410, forgets every grant on close, treats HEAD as HEAD, and logs a broken OSS read but
 * not a viewer that hung up.
 */
import net from 'node:net';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';
import { createMemoryLogger } from '../log/logger';
import { PreviewServer } from './preview-server';

const bucket = 'preview-server-edges';
const BODY = Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 251));
const BIG = Buffer.alloc(8 * 1024 * 1024, 5);

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function request(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Resolves with the connect error code, or 'connected'. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, host, () => {
      socket.destroy();
      resolve('connected');
    });
    socket.on('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
  });
}

/** The log lines written after `from`, once the event loop had time to run stream callbacks. */
async function linesAfter(lines: string[], from: number): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 150));
  return lines.slice(from);
}

describe('preview server edges', () => {
  let fx: BrowseFixture;
  const log = createMemoryLogger();
  let server: PreviewServer;

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(bucket);
    await fx.seed(bucket, [
      { key: 'clip.bin', body: BODY, contentType: 'video/mp4' },
      { key: 'notes.txt', body: 'hello', contentType: 'text/plain; charset=utf-8' },
      { key: 'big.webm', body: BIG, contentType: 'video/webm' },
      { key: 'cut.webm', body: BIG, contentType: 'video/webm' },
      { key: 'denied.png', body: 'x', contentType: 'image/png' },
    ]);
    server = new PreviewServer(fx.clients, { log });
  });
  afterAll(async () => {
    await server?.close();
    await fx?.close();
  });

  it('has a port only while running, listens on 127.0.0.1 alone, and forgets grants on close', async () => {
    const own = new PreviewServer(fx.clients);
    expect(own.port).toBeUndefined();
    const first = await own.link({ profileId: 'p', bucket, key: 'clip.bin' });
    const port = own.port;
    expect(port).toBe(Number(new URL(first.url).port));
    expect(await tryConnect('127.0.0.1', port!)).toBe('connected');
    // The rest of 127/8 reaches a server bound to every interface, never one bound to 127.0.0.1.
    expect(await tryConnect('127.0.0.2', port!)).not.toBe('connected');
    await own.close();
    expect(own.port).toBeUndefined();

    const second = await own.link({ profileId: 'p', bucket, key: 'clip.bin' });
    try {
      const firstId = new URL(first.url).pathname;
      const secondOrigin = new URL(second.url).origin;
      expect((await request(second.url)).status).toBe(200);
      const stale = await request(`${secondOrigin}${firstId}`);
      expect(stale.status).toBe(404);
      expect(stale.body.toString()).toBe('Not found');
    } finally {
      await own.close();
    }
  });

  it('rejects a link when the server cannot listen, and starts on the next link', async () => {
    // The one injected fault here: a loopback listen on port 0 cannot be made to fail for real.
    const listen = vi.spyOn(http.Server.prototype, 'listen').mockImplementationOnce(function (this: http.Server) {
      process.nextTick(() => this.emit('error', Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' })));
      return this;
    });
    const own = new PreviewServer(fx.clients);
    try {
      await expect(own.link({ profileId: 'p', bucket, key: 'clip.bin' })).rejects.toThrow('EADDRINUSE');
      expect(own.port).toBeUndefined();
      listen.mockRestore();
      const { url } = await own.link({ profileId: 'p', bucket, key: 'clip.bin' });
      expect((await request(url)).status).toBe(200);
    } finally {
      listen.mockRestore();
      await own.close();
    }
  });

  it('serves exactly /p/<id> (a query is ignored) and nothing around it', async () => {
    const { url } = await server.link({ profileId: 'p', bucket, key: 'clip.bin' });
    const { origin, pathname } = new URL(url);
    expect((await request(`${url}?t=1`)).status).toBe(200);
    for (const path of [`/x${pathname}`, `/preview${pathname}`, `${pathname}/`, `${pathname}/extra`]) {
      expect((await request(`${origin}${path}`)).status, path).toBe(404);
    }
  });

  it('answers errors with a fixed plain-text reason and no-store, nosniff headers', async () => {
    const { url } = await server.link({ profileId: 'p', bucket, key: 'clip.bin' });
    const port = new URL(url).port;
    const cases: Array<[Promise<Raw>, number, string]> = [
      [request(url, { headers: { Host: `localhost:${port}` } }), 403, 'Forbidden'],
      [request(url, { method: 'DELETE' }), 405, 'Method not allowed'],
      [request(`http://127.0.0.1:${port}/p/${'A'.repeat(43)}`), 404, 'Not found'],
    ];
    for (const [pending, status, reason] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      expect(res.body.toString()).toBe(reason);
      expect(res.headers).toMatchObject({ 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    }
  });

  it('sends no referrer, sandboxes non-PDF content and uses the object type when the link names none', async () => {
    const { url } = await server.link({ profileId: 'p', bucket, key: 'notes.txt' });
    const res = await request(url);
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('hello');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['content-security-policy']).toMatch(/; sandbox$/);
    expect(res.headers['content-disposition']).toBe(`inline; filename="notes.txt"; filename*=UTF-8''notes.txt`);
  });

  it('answers HEAD with the whole size even when a Range is sent, GET with the range', async () => {
    const { url } = await server.link({ profileId: 'p', bucket, key: 'clip.bin' });
    const head = await request(url, { method: 'HEAD', headers: { Range: 'bytes=0-9' } });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(BODY.length));
    expect(head.headers['content-range']).toBeUndefined();
    expect(head.body.length).toBe(0);
    const get = await request(url, { headers: { Range: 'bytes=0-9' } });
    expect(get.status).toBe(206);
    expect(get.headers['content-range']).toBe(`bytes 0-9/${BODY.length}`);
    expect(get.body.equals(BODY.subarray(0, 10))).toBe(true);
  });

  it('keeps an expired link answering 410 for the default hour, then forgets it', async () => {
    let now = 1_000_000;
    const own = new PreviewServer(fx.clients, { clock: () => now });
    try {
      const link = await own.link({ profileId: 'p', bucket, key: 'clip.bin' }, 1000);
      now += 30 * 60_000;
      await own.link({ profileId: 'p', bucket, key: 'clip.bin' }); // adding prunes old grants
      expect((await request(link.url)).status).toBe(410);
      now += 31 * 60_000;
      await own.link({ profileId: 'p', bucket, key: 'clip.bin' });
      expect((await request(link.url)).status).toBe(404);
    } finally {
      await own.close();
    }
  });

  it('passes OSS refusals through and logs the status and the OSS code if any, never the message', async () => {
    await fx.fault({ match: { method: 'GET', path: 'denied.png' }, action: 'error', status: 403, code: 'AccessDenied' });
    const from = log.lines.length;
    const denied = await request((await server.link({ profileId: 'p', bucket, key: 'denied.png' })).url);
    expect(denied.status).toBe(403);
    expect(denied.body.toString()).toBe('Forbidden');
    const missing = await request((await server.link({ profileId: 'p', bucket, key: 'never-there.png' })).url);
    expect(missing.status).toBe(404);
    const lines = await linesAfter(log.lines, from);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/WARN {2}preview read failed \{"status":403\}$/);
    expect(lines[1]).toMatch(/WARN {2}preview read failed \{"status":404,"code":"NoSuchKey"\}$/);
  });

  it('logs nothing for a full read or a viewer that hangs up mid-body', async () => {
    const from = log.lines.length;
    const { url } = await server.link({ profileId: 'p', bucket, key: 'big.webm' });
    const whole = await request(url);
    expect(whole.body.length).toBe(BIG.length);
    await new Promise<void>((resolve, reject) => {
      const req = http.get(url, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    });
    expect(await linesAfter(log.lines, from)).toEqual([]);
  });

  it('logs a read that OSS cut off mid-body, with the status only', async () => {
    await fx.fault({ match: { method: 'GET', path: 'cut.webm' }, action: 'drop', afterBytes: 100_000 });
    const from = log.lines.length;
    const { url } = await server.link({ profileId: 'p', bucket, key: 'cut.webm' });
    const got = await new Promise<number>((resolve) => {
      let bytes = 0;
      const req = http.get(url, (res) => {
        res.on('data', (c: Buffer) => (bytes += c.length));
        res.on('close', () => resolve(bytes));
        res.on('error', () => undefined);
      });
      req.on('error', () => resolve(bytes));
    });
    expect(got).toBeLessThan(BIG.length);
    const lines = await linesAfter(log.lines, from);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/WARN {2}preview stream broke \{"status":200\}$/);
  });
});
