/**
 * What the no-secret-leak test needs to find a secret however it was written down, and to
 * see what main sends to hosts that are not OSS (issue 10): every encoded form of a secret,
 * a recording reverse proxy in front of the emulator's STS / credentials / metadata port
 * (it also collects the credentials those services issue), and a forward HTTP proxy.
 */
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Raw, URL-encoded, JSON-escaped, and base64 / base64url at each of the three byte
 * alignments a secret can have inside a longer encoded text (an access code is base64url of
 * JSON holding the secret somewhere in the middle). The base64 groups the secret shares
 * with its neighbours are cut off, so the forms match wherever the secret sits.
 */
export function encodedForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  const bytes = Buffer.from(secret);
  for (let offset = 0; offset < 3; offset++) {
    const b64 = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Drop the first group when padding shares it, and the last group (it may share bytes with what follows).
    const core = b64.slice(offset ? 4 : 0, Math.floor((offset + bytes.length) / 3) * 4);
    if (core.length >= 8) {
      forms.add(core);
      forms.add(core.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms];
}

/** The first encoded form of `secret` found in `haystack`, or undefined. */
export function findEncoded(haystack: Buffer | string, secret: string): string | undefined {
  const text = typeof haystack === 'string' ? haystack : haystack.toString('latin1');
  const utf8 = typeof haystack === 'string' ? haystack : haystack.toString('utf8');
  return encodedForms(secret).find((form) => text.includes(form) || utf8.includes(form));
}

export interface Exchange {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  response: string;
}

export interface RecordingProxy {
  /** http://127.0.0.1:PORT: use it in place of the target's origin. */
  origin: string;
  exchanges: Exchange[];
  close(): Promise<void>;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/** A reverse proxy to `target` (an origin) that records each request and the answer. */
export async function startRecordingProxy(target: string): Promise<RecordingProxy> {
  const exchanges: Exchange[] = [];
  const to = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = { ...req.headers, host: to.host };
      const out = request({ host: to.hostname, port: to.port, method: req.method, path: req.url, headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          const response = Buffer.concat(parts);
          exchanges.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: body.toString('utf8'), response: response.toString('utf8') });
          res.writeHead(answer.statusCode ?? 502, answer.headers).end(response);
        });
      });
      out.on('error', () => res.writeHead(502).end());
      out.end(body);
    });
  });
  const host = await listen(server);
  return { origin: `http://${host}`, exchanges, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Credentials an STS, credentials-URI or metadata answer handed out (secret and token). */
export function issuedSecrets(exchanges: readonly Exchange[]): string[] {
  const out: string[] = [];
  for (const e of exchanges) {
    for (const m of e.response.matchAll(/"(?:AccessKeySecret|SecurityToken)"\s*:\s*"([^"]+)"/g)) out.push(m[1]!);
  }
  return out;
}

export interface ForwardProxy {
  /** host:port for the profile's proxy URL. */
  host: string;
  /** Proxy-Authorization headers seen, in order. */
  authorizations: string[];
  close(): Promise<void>;
}

/** A forward proxy for plain-http targets (absolute-form requests), as a corporate proxy would be. */
export async function startForwardProxy(): Promise<ForwardProxy> {
  const authorizations: string[] = [];
  const server = createServer((req, res) => {
    authorizations.push(String(req.headers['proxy-authorization'] ?? ''));
    const url = new URL(req.url ?? '/');
    const headers = { ...req.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const out = request({ host: url.hostname, port: url.port, method: req.method, path: `${url.pathname}${url.search}`, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  });
  const host = await listen(server);
  return { host, authorizations, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
