/**
 * The loopback preview server: the renderer shows images, audio, video and PDFs from
 * `http://127.0.0.1:PORT/p/<id>`, and main streams each object from OSS through the app's
 * own signed clients. Presigned OSS URLs would carry the AccessKey ID, a signature and, for
 * STS profiles, the security token into the renderer; a grant id carries nothing.
 *
 * Bound to 127.0.0.1 only, started on first use, GET/HEAD only, Range passed through (video
 * seeking), and a request whose Host is not exactly 127.0.0.1:PORT is refused, so a web page
 * cannot reach it through DNS rebinding.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import type { Logger } from '../log/logger';
import type { ClientProvider } from '../oss/client-provider';
import { GrantStore, type GrantStoreOptions } from './grant-store';
import type { PreviewLink, PreviewLinkRequest, PreviewLinks } from '../oss/preview-links';
import { baseHeaders, forwardableRange, reasonFor, statusForFailure } from './preview-responses';

export type { PreviewLink, PreviewLinkRequest, PreviewLinks };

export interface PreviewServerOptions extends GrantStoreOptions {
  /** Default lifetime of a link: 15 minutes. */
  ttlMs?: number;
  log?: Logger;
}

/** Headers copied from OSS's answer to ours (never anything x-oss-*). */
const PASSED_THROUGH = ['content-length', 'content-range', 'last-modified', 'etag'] as const;

/** Streams objects to the renderer over loopback HTTP behind single-purpose grant ids. */
export class PreviewServer implements PreviewLinks {
  private readonly grants: GrantStore;
  private readonly clock: () => number;
  private readonly ttlMs: number;
  private readonly log: Logger | undefined;
  private server: http.Server | undefined;
  private starting: Promise<number> | undefined;

  constructor(
    private readonly clients: ClientProvider,
    options: PreviewServerOptions = {},
  ) {
    this.grants = new GrantStore(options);
    this.clock = options.clock ?? Date.now;
    this.ttlMs = options.ttlMs ?? 15 * 60_000;
    this.log = options.log;
  }

  /** A new local URL for one object, valid for `ttlMs`; starts the server on first use. */
  async link(request: PreviewLinkRequest, ttlMs = this.ttlMs): Promise<PreviewLink> {
    const port = await this.start();
    const expiresAt = this.clock() + ttlMs;
    const id = this.grants.add({
      profileId: request.profileId,
      bucket: request.bucket,
      key: request.key,
      expiresAt,
      ...(request.contentType ? { contentType: request.contentType } : {}),
      ...(request.process ? { process: request.process } : {}),
    });
    return { url: `http://127.0.0.1:${port}/p/${id}`, expiresAt };
  }

  /** Makes every link of a profile stop working at once (profile deleted). */
  revokeProfile(profileId: string): void {
    this.grants.revokeProfile(profileId);
  }

  /** The port while running (tests build raw requests with it). */
  get port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  /** Stops listening, cuts open streams and forgets every grant. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.starting = undefined;
    this.grants.clear();
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private start(): Promise<number> {
    this.starting ??= new Promise<number>((resolve, reject) => {
      const server = http.createServer((req, res) => void this.handle(req, res));
      server.once('error', (error) => {
        // A failed start is retried by the next link instead of failing forever.
        this.starting = undefined;
        reject(error);
      });
      server.listen(0, '127.0.0.1', () => {
        this.server = server;
        resolve((server.address() as AddressInfo).port);
      });
    });
    return this.starting;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const port = this.port;
    if (!port || req.headers.host !== `127.0.0.1:${port}`) return fail(res, 403);
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 405, { allow: 'GET, HEAD' });
    const id = /^\/p\/([^/?#]+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname)?.[1];
    const found = id ? this.grants.lookup(id) : { state: 'unknown' as const };
    if (found.state === 'unknown') return fail(res, 404);
    if (found.state === 'expired') return fail(res, 410);
    const grant = found.grant;
    try {
      const client = await this.clients.forBucket(grant.profileId, grant.bucket);
      if (req.method === 'HEAD') {
        const head = await client.head(grant.key);
        const upstream = head.res.headers as Record<string, string | undefined>;
        res.writeHead(200, responseHeaders(grant.contentType, grant.key, upstream)).end();
        return;
      }
      const range = forwardableRange(req.headers.range);
      const result = await client.getStream(grant.key, {
        headers: range ? { Range: range } : {},
        ...(grant.process ? { process: grant.process } : {}),
      });
      const upstream = result.res.headers as Record<string, string | undefined>;
      res.writeHead(result.res.status, responseHeaders(grant.contentType, grant.key, upstream));
      // A viewer that seeks closes its request mid-body: not worth a line. A read from OSS that
      // broke is. Which side failed first tells them apart (the error codes overlap: a reset
      // socket is ECONNRESET on either side, and a loaded machine turns a hang-up into EPIPE).
      let first: 'oss' | 'viewer' | undefined;
      result.stream.once('error', () => (first ??= 'oss'));
      res.once('error', () => (first ??= 'viewer'));
      res.once('close', () => {
        if (!res.writableFinished) first ??= 'viewer';
      });
      pipeline(result.stream, res, (error) => {
        const code = (error as { code?: unknown } | undefined)?.code;
        const viewerLeft = first === 'viewer' || (first === undefined && code === 'ERR_STREAM_PREMATURE_CLOSE');
        if (error && !viewerLeft) this.log?.warn('preview stream broke', { status: result.res.status });
      });
    } catch (error) {
      const status = statusForFailure(error);
      const code = (error as { code?: unknown } | null)?.code;
      this.log?.warn('preview read failed', { status, ...(typeof code === 'string' ? { code } : {}) });
      fail(res, status);
    }
  }
}

function responseHeaders(override: string | undefined, key: string, upstream: Record<string, string | undefined>): Record<string, string> {
  const headers = baseHeaders(override ?? upstream['content-type'] ?? 'application/octet-stream', key);
  for (const name of PASSED_THROUGH) {
    const value = upstream[name];
    if (value) headers[name] = value;
  }
  return headers;
}

function fail(res: http.ServerResponse, status: number, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res
    .writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra })
    .end(reasonFor(status));
}
