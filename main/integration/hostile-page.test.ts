/**
 * The security review's attacks, replayed as a hostile page would: scripts calling main's
 * real handler table (dispatch, zod validation, the profiles feature) with a capture
 * server standing in for the attacker's host. Each attack must fail, and the capture server
 * must receive nothing it could use (issue 10, findings 3 and 5).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeAccessCode, type AccessCode } from '../../shared/access-code';
import type { IpcResult } from '../../shared/errors';
import type { ProfileView } from '../../shared/profile-types';
import { createAppContext, type AppContext } from '../app-context';
import { dispatch } from '../ipc/dispatch';
import { createHandlerTable } from '../ipc/handlers';
import type { HandlerTable } from '../ipc/handler-types';
import { createMemoryLogger } from '../services/log/logger';
import { MemorySecretStore } from '../services/secrets/memory-secret-store';

interface Captured {
  method: string;
  url: string;
  body: string;
}

let capture: Server;
let captureHost: string;
let respond: (req: IncomingMessage) => { status: number; body: string | Buffer } = () => ({ status: 200, body: '{}' });
const captured: Captured[] = [];
let userDataDir: string;
let ctx: AppContext;
let table: HandlerTable;
const log = createMemoryLogger();

const call = (channel: string, input?: unknown) => dispatch(table, channel, input, { log }) as Promise<IpcResult<unknown>>;
const insecure = { region: 'oss-cn-hangzhou', allowInsecureHttp: true, proxy: { mode: 'none' } };
const codeFor = (endpoint: string | undefined): string => {
  const code: AccessCode = {
    v: 1,
    accessKeyId: 'STS.NTZdStF79CVRTQuWCfXTT',
    accessKeySecret: 'Secret-Of-The-Code-0123456789',
    securityToken: `CAIS${'t'.repeat(100)}`,
    expiration: new Date(Date.now() + 3600_000).toISOString(),
    bucket: 'photos-bucket',
    prefix: 'shared/',
    region: 'oss-cn-hangzhou',
    ...(endpoint ? { endpoint } : {}),
    actions: ['list', 'read'],
  };
  return encodeAccessCode(code);
};

beforeAll(async () => {
  capture = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      captured.push({ method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      const answer = respond(req);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
  captureHost = `127.0.0.1:${(capture.address() as AddressInfo).port}`;
  userDataDir = await mkdtemp(join(tmpdir(), 'hostile-'));
  ctx = createAppContext({ userDataDir, log, emit: () => undefined, openExternal: async () => undefined, secrets: new MemorySecretStore(), sandboxInMemory: true, env: {} });
  table = createHandlerTable(ctx);
});

afterEach(() => {
  captured.length = 0;
  respond = () => ({ status: 200, body: '{}' });
});

afterAll(async () => {
  ctx?.profiles.dispose();
  await ctx?.previewServer.close();
  await new Promise((resolve) => capture.close(resolve));
  await rm(userDataDir, { recursive: true, force: true });
});

describe('finding 5: main fetches only URLs it can justify', () => {
  it.each([
    ['credentials-uri', () => ({ type: 'credentials-uri', credentialsUri: `http://${captureHost}/creds` })],
    ['ram-role STS endpoint', () => ({ type: 'ram-role', accessKeyId: 'LTAI5tExampleKey01', accessKeySecret: 'Ram-Secret-Value-That-Leaks-1', roleArn: 'acs:ram::1:role/x', stsEndpoint: `http://${captureHost}/` })],
    ['ecs metadata URL', () => ({ type: 'ecs-ram-role', metadataUrl: `http://${captureHost}` })],
  ])('refuses an unconfirmed %s host and sends it nothing', async (_name, credentials) => {
    const reply = await call('profiles:test', { input: { name: 'x', credentials: credentials(), endpoint: insecure } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'HostNotConfirmed', message: expect.stringContaining(captureHost), hint: expect.any(String) } });
    const saved = await call('profiles:add', { input: { name: 'x', credentials: credentials(), endpoint: insecure }, test: false });
    expect(saved).toMatchObject({ ok: false, error: { code: 'HostNotConfirmed' } });
    expect(captured).toEqual([]);
  });

  it('never contacts link-local or metadata addresses, even when "confirmed"', async () => {
    for (const credentials of [
      { type: 'ecs-ram-role', metadataUrl: 'http://169.254.169.254' },
      { type: 'credentials-uri', credentialsUri: 'http://100.100.100.200/latest/meta-data/ram/security-credentials/x' },
      { type: 'ram-role', accessKeyId: 'LTAI5tExampleKey01', accessKeySecret: 'x-secret', roleArn: 'acs:ram::1:role/x', stsEndpoint: 'http://[fe80::1]/' },
    ]) {
      const host = new URL(Object.values(credentials).find((v) => String(v).startsWith('http')) as string).host;
      const reply = await call('profiles:test', { input: { name: 'x', credentials, endpoint: insecure, confirmedHosts: [host] } });
      expect(reply, JSON.stringify(credentials)).toMatchObject({ ok: false, error: { code: 'ForbiddenHost' } });
    }
  });

  it('needs the plain-HTTP warning for an http credentials service even when the host is confirmed', async () => {
    const reply = await call('profiles:test', { input: { name: 'x', credentials: { type: 'credentials-uri', credentialsUri: `http://${captureHost}/c` }, confirmedHosts: [captureHost] } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'InsecureHttpNotAllowed' } });
    expect(captured).toEqual([]);
  });

  it('echoes no response text that is not an error code, and refuses oversized answers', async () => {
    const input = { name: 'x', credentials: { type: 'credentials-uri', credentialsUri: `http://${captureHost}/c` }, endpoint: insecure, confirmedHosts: [captureHost] };
    respond = () => ({ status: 200, body: JSON.stringify({ Code: 'root:x:0:0:root:/root:/bin/bash daemon:x:1:1 private data here' }) });
    const echoed = await call('profiles:test', { input });
    expect(echoed).toMatchObject({ ok: false, error: { code: 'CredentialsUnavailable' } });
    expect(JSON.stringify(echoed)).not.toContain('root:x');

    respond = () => ({ status: 200, body: Buffer.alloc(5 * 1024 * 1024, 0x20) });
    const huge = await call('profiles:test', { input });
    expect(huge).toMatchObject({ ok: false, error: { code: 'InvalidCredentialsResponse', message: expect.stringMatching(/too large/) } });
    expect(captured).toHaveLength(2);
  });
});

describe('finding 3: access codes cannot switch on plain HTTP or point anywhere', () => {
  it('refuses a code pointing at the cloud metadata address, confirmed or not', async () => {
    for (const approval of [{}, { confirmHost: '169.254.169.254', allowInsecureHttp: true }]) {
      const reply = await call('profiles:import-access-code', { code: codeFor('http://169.254.169.254'), ...approval });
      expect(reply).toMatchObject({ ok: false, error: { code: 'ForbiddenHost' } });
    }
  });

  it('asks for the host by name, then for the plain-HTTP warning; the code itself switches nothing on', async () => {
    const code = codeFor(`http://${captureHost}`);
    expect(await call('profiles:import-access-code', { code })).toMatchObject({ ok: false, error: { code: 'HostNotConfirmed', message: expect.stringContaining(captureHost) } });
    expect(await call('profiles:import-access-code', { code, confirmHost: captureHost })).toMatchObject({ ok: false, error: { code: 'InsecureHttpNotAllowed' } });
    const ok = await call('profiles:import-access-code', { code, confirmHost: captureHost, allowInsecureHttp: true });
    expect(ok).toMatchObject({ ok: true, value: { endpoint: { allowInsecureHttp: true, customRegionUrls: { 'oss-cn-hangzhou': `http://${captureHost}` } } } });
    expect(captured).toEqual([]);
  });

  it('imports a code for its region\'s official https endpoint (or none) without asking, and without plain HTTP', async () => {
    for (const endpoint of ['https://oss-cn-hangzhou.aliyuncs.com', undefined]) {
      const reply = (await call('profiles:import-access-code', { code: codeFor(endpoint) })) as IpcResult<ProfileView>;
      expect(reply.ok, String(endpoint)).toBe(true);
      if (reply.ok) expect(reply.value.endpoint.allowInsecureHttp).toBe(false);
    }
  });
});
