/**
 * A minimal stand-in for the gate, for store tests that need HTTP but not authentication:
 * path-style addressing, an account principal on every request, OssError rendered as XML.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OssError, type RequestContext, type StoreOptions } from '../core/contract';
import { createStore, type EmulatorStore } from '../store/index';
import { buildXml } from '../xml/xml-build';

export interface Harness {
  endpoint: string;
  port: number;
  store: EmulatorStore;
  close(): Promise<void>;
}

export const HARNESS_ACCOUNT = '1234567890123456';
export const HARNESS_REGION = 'oss-cn-hangzhou';

function parseQuery(raw: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = decodeURIComponent(eq < 0 ? part : part.slice(0, eq));
    query.set(name, eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1)));
  }
  return query;
}

/** Starts the harness on an ephemeral port. */
export async function startHarness(opts: StoreOptions = { memory: true, restoreDelayMs: 200 }): Promise<Harness> {
  const store = await createStore(opts);
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    const qi = url.indexOf('?');
    const path = qi < 0 ? url : url.slice(0, qi);
    const slash = path.indexOf('/', 1);
    const bucket = path.length > 1 ? decodeURIComponent(slash < 0 ? path.slice(1) : path.slice(1, slash)) : null;
    const key = slash < 0 ? null : decodeURIComponent(path.slice(slash + 1));
    const requestId = randomUUID().replace(/-/g, '').slice(0, 24).toUpperCase();
    const ctx: RequestContext = {
      req, res, requestId, method: req.method ?? 'GET', bucket, key: key === '' ? null : key,
      query: parseQuery(qi < 0 ? '' : url.slice(qi + 1)), region: HARNESS_REGION, host: req.headers.host ?? '',
      principal: { accountId: HARNESS_ACCOUNT, accessKeyId: 'LTAIharness', kind: 'account', name: 'harness', policySets: [] },
      now: () => new Date(),
      authorize: () => true,
    };
    const fail = (error: unknown): void => {
      const e = error instanceof OssError ? error : new OssError(500, 'InternalError', String(error));
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const body = buildXml('Error', { Code: e.code, Message: e.message, RequestId: requestId, HostId: ctx.host, EC: e.ec, ...e.extra });
      res.setHeader('x-oss-request-id', requestId);
      res.setHeader('Content-Type', 'application/xml');
      if (ctx.method === 'HEAD') res.setHeader('x-oss-err', Buffer.from(body).toString('base64'));
      res.writeHead(e.status);
      res.end(ctx.method === 'HEAD' ? undefined : body);
      req.resume();
    };
    try {
      store.resolve(ctx).handle(ctx).catch(fail);
    } catch (error) {
      fail(error);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://localhost:${port}`,
    port,
    store,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
