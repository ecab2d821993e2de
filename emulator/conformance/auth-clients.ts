/** ali-oss clients and raw HTTP helpers for the gate's conformance tests (auth, STS, faults). */
import OSS from 'ali-oss';
import { Agent, request } from 'node:http';
import type { LookupFunction } from 'node:net';
import type { RunningEmulator } from '../index';

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  stsToken?: string;
}

export type Style = 'path' | 'vhost';

/** Resolves every host name to the loopback address, so `bucket.localhost` reaches the emulator without DNS. */
export const loopbackLookup = ((_host: string, options: { all?: boolean }, cb: (...args: unknown[]) => void) => {
  if (options?.all) cb(null, [{ address: '127.0.0.1', family: 4 }]);
  else cb(null, '127.0.0.1', 4);
}) as unknown as LookupFunction;

const loopbackAgent = new Agent({ keepAlive: true, lookup: loopbackLookup });

/**
 * An unmodified ali-oss client for a region's endpoint. Path style uses `sldEnable`;
 * virtual-host style lets ali-oss put the bucket in the Host (`bucket.localhost:PORT`)
 * and an agent whose `lookup` maps every name to 127.0.0.1 replaces DNS.
 */
export function aliClient(
  emu: RunningEmulator,
  opts: { credentials: Credentials; v4: boolean; style?: Style; bucket?: string; region?: string; retryMax?: number },
): OSS {
  const region = opts.region ?? emu.region;
  const endpoint = emu.endpoints[region];
  if (!endpoint) throw new Error(`no endpoint for ${region}`);
  const vhost = opts.style === 'vhost';
  return new OSS({
    accessKeyId: opts.credentials.accessKeyId,
    accessKeySecret: opts.credentials.accessKeySecret,
    stsToken: opts.credentials.stsToken,
    refreshSTSTokenInterval: 3_600_000,
    refreshSTSToken: opts.credentials.stsToken ? async () => opts.credentials as { accessKeyId: string; accessKeySecret: string; stsToken: string } : undefined,
    endpoint,
    region,
    bucket: opts.bucket,
    sldEnable: !vhost,
    authorizationV4: opts.v4,
    retryMax: opts.retryMax ?? 0,
    timeout: 60_000,
    ...(vhost ? { agent: loopbackAgent } : {}),
  } as OSS.Options);
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A raw HTTP request to a full URL (any host name reaches 127.0.0.1). */
export function rawRequest(url: string, init: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<RawResponse> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: u.hostname, port: u.port, path: `${u.pathname}${u.search}`, method: init.method ?? 'GET', headers: init.headers, lookup: loopbackLookup, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** The text of one element of an XML error body. */
export function xmlField(text: string, name: string): string | undefined {
  return new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(text)?.[1];
}

/** Error thrown by ali-oss, with the fields it parses from OSS error XML. */
export interface AliError {
  status: number;
  code: string;
  message: string;
  requestId?: string;
  ecCode?: string;
}

/** Runs an ali-oss call that must fail, and returns its error. */
export async function aliError(call: Promise<unknown>): Promise<AliError> {
  try {
    await call;
  } catch (err) {
    return err as AliError;
  }
  throw new Error('expected the ali-oss call to fail');
}

/** Admin API call with the emulator's token. */
export async function admin(emu: RunningEmulator, method: string, route: string, body?: unknown): Promise<RawResponse> {
  return rawRequest(`${emu.endpoint}/__emulator/${route}`, {
    method,
    headers: { 'x-emulator-admin-token': emu.adminToken, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
