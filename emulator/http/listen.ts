import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One port served on both loopback addresses (`localhost` may resolve to 127.0.0.1 or ::1). */
export interface LoopbackServer {
  port: number;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:port (0 = any free port) and, when IPv6 is available, on [::1] at the same port. */
export async function listenLoopback(port: number, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<LoopbackServer> {
  for (let attempt = 0; ; attempt++) {
    const v4 = createServer(handler);
    tune(v4);
    await listen(v4, port, '127.0.0.1');
    const actual = (v4.address() as AddressInfo).port;
    const servers = [v4];
    const v6 = createServer(handler);
    tune(v6);
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
