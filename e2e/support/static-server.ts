/**
 * Serves the built renderer (out/renderer) on 127.0.0.1 with the app's production CSP
 * header, the way the app:// protocol serves it in Electron. Module scripts do not load
 * from file:// in plain Chromium, hence a server.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentTypeFor, resolveRendererFile } from '../../main/app-protocol-path';
import { CONTENT_SECURITY_POLICY } from '../../main/window-options';

export interface StaticServer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

/** Starts the server on a free port. */
export async function serveRenderer(root: string): Promise<StaticServer> {
  if (!fs.existsSync(`${root}/index.html`)) {
    throw new Error(`No built renderer at ${root}. Run "npm run build" first.`);
  }
  const server = http.createServer((req, res) => {
    const file = resolveRendererFile(new URL(req.url ?? '/', 'http://x').pathname, root);
    if (req.method !== 'GET' || !file || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, {
      'content-type': contentTypeFor(file),
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
