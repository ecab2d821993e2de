import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';

/**
 * The baseline for storage benchmarks: a bare Node HTTP server that only streams a PUT body
 * to a file and a file back on GET, with no parsing, hashing or auth.
 */
export async function startDiskHttpServer(dir: string): Promise<{ endpoint: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const file = join(dir, encodeURIComponent(req.url ?? '/'));
    const run = async () => {
      if (req.method === 'PUT') {
        await pipeline(req, createWriteStream(file, { highWaterMark: 1024 * 1024 }));
        res.writeHead(200, { 'Content-Length': '0' }).end();
      } else if (req.method === 'GET') {
        const { size } = await stat(file);
        res.writeHead(200, { 'Content-Length': String(size) });
        await pipeline(createReadStream(file, { highWaterMark: 1024 * 1024 }), res);
      } else {
        res.writeHead(405).end();
      }
    };
    run().catch(() => res.destroy());
  });
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs the baseline server in its own Node process (like the emulator), so it does not share the client's event loop. */
export async function spawnDiskHttpServer(dir: string): Promise<{ endpoint: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', __filename, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  for await (const line of createInterface({ input: child.stdout! })) {
    if (line.startsWith('http://')) return { endpoint: line.trim(), child };
  }
  throw new Error('baseline server exited before printing its endpoint');
}

if (require.main === module) {
  startDiskHttpServer(process.argv[2] ?? '.').then(
    (s) => process.stdout.write(`${s.endpoint}\n`),
    (err: unknown) => {
      process.stderr.write(`${String(err)}\n`);
      process.exit(1);
    },
  );
}
