/** Serves a handler on one port on both loopback addresses, with the HTTP framing OSS's front end accepts. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError } from './parser-errors';

/** One port served on both loopback addresses (`localhost` may resolve to 127.0.0.1 or ::1). */
export interface LoopbackServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:port (0 = any free port) and, when IPv6 is available, on [::1] at the same port. */
export async function listenLoopback(port: number, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LoopbackServer> {
  for (let attempt = 0; ; attempt++) {
    const v4 = create(handler);
    await listen(v4, port, '127.0.0.1');
    const actual = (v4.address() as AddressInfo).port;
    const servers = [v4];
    const v6 = create(handler);
    try {
      await listen(v6, actual, '::1');
      servers.push(v6);
    } catch (err) {
      // A random port taken on ::1 by someone else would send `localhost` clients there: pick another.
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE' && port === 0 && attempt < 5) {
        await closeServer(v4);
        continue;
      }
      // Otherwise there is no usable IPv6 loopback: 127.0.0.1 alone serves `localhost`.
    }
    return {
      port: actual,
      close: () => Promise.all(servers.map(closeServer)).then(() => undefined),
    };
  }
}

/**
 * A server as OSS's front end behaves: a request with both Content-Length and
 * `Transfer-Encoding: chunked` (ali-oss `putStream` with a length header sends it) is read as
 * chunked (RFC 9112: chunked wins), which needs Node's lenient parser; what the parser still
 * refuses is answered as OSS XML instead of a bare 400.
 */
function create(handler: (req: IncomingMessage, res: ServerResponse) => void): Server {
  const server = createServer({ insecureHTTPParser: true }, (req, res) => {
    // Chunked framing wins: the Content-Length a client also sent says nothing about the body.
    if (req.headers['transfer-encoding'] !== undefined) delete req.headers['content-length'];
    handler(req, res);
  });
  server.on('clientError', answerClientError);
  tune(server);
  return server;
}

function tune(server: Server): void {
  // Large uploads over slow, throttled links must not hit Node's default request timeout.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
