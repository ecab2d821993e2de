/** Stream faults on a real HTTP connection: bodies stay intact under throttling, and drops cut exactly. */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dropRequestAfter, dropResponseAfter, throttleRequest, throttleResponse } from './stream-faults';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function call(port: number, method: string, body?: Buffer): Promise<{ status: number; body: Buffer } | { error: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method, path: '/', agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('error', (e) => resolve({ error: e.message }));
    req.end(body);
  });
}

const payload = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 256));

describe('stream faults', () => {
  it('throttles a response with backpressure and delivers it whole and in order', async () => {
    let refused = 0;
    const port = await serve((_req, res) => {
      throttleResponse(res, 1_000_000);
      res.writeHead(200, { 'Content-Length': String(payload.length) });
      for (let i = 0; i < payload.length; i += 16_384) if (!res.write(payload.subarray(i, i + 16_384))) refused += 1;
      res.end();
    });
    const result = await call(port, 'GET');
    expect(result).toEqual({ status: 200, body: payload });
    expect(refused).toBeGreaterThan(0);
  });

  it('throttles a request body without losing bytes', async () => {
    const port = await serve((req, res) => {
      throttleRequest(req, 1_000_000);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => res.end(Buffer.concat(chunks)));
    });
    expect(await call(port, 'PUT', payload)).toEqual({ status: 200, body: payload });
  });

  it('cuts a response after exactly the allowed bytes', async () => {
    const port = await serve((_req, res) => {
      dropResponseAfter(res, 1000);
      res.writeHead(200, { 'Content-Length': String(payload.length) });
      res.end(payload);
    });
    const received: Buffer[] = [];
    const outcome = await new Promise<string>((resolve) => {
      request({ host: '127.0.0.1', port, path: '/', agent: false }, (res) => {
        res.on('data', (c: Buffer) => received.push(c));
        res.on('error', () => resolve('error'));
        res.on('end', () => resolve('end'));
      }).end();
    });
    expect(outcome).toBe('error');
    expect(Buffer.concat(received)).toEqual(payload.subarray(0, 1000));
  });

  it('cuts a request after the allowed bytes; the handler never sees more', async () => {
    let reportSeen: (n: number) => void = () => undefined;
    const seen = new Promise<number>((resolve) => (reportSeen = resolve));
    const port = await serve((req) => {
      dropRequestAfter(req, 5000);
      let n = 0;
      req.on('data', (c: Buffer) => (n += c.length));
      req.on('close', () => reportSeen(n));
    });
    const result = await call(port, 'PUT', payload);
    expect('error' in result).toBe(true);
    expect(await seen).toBeLessThanOrEqual(5000);
  });
});
