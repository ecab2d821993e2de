/**
 * The security review's attacks, replayed as a hostile page would: scripts calling main's
 * real handler table (dispatch, zod validation, the profiles feature) with a capture
 * server standing in for the attacker's host. Each attack must fail, and the capture server
 * must receive nothing it could use (issue 10, findings 1, 2, 3 and 5). A host that is not
 * Alibaba Cloud's is trusted only through main's own dialog (the scripted host here): what
 * the page says the user confirmed never counts.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeAccessCode, type AccessCode } from '../../shared/access-code';
import type { IpcResult } from '../../shared/errors';
import type { ProfileView } from '../../shared/profile-types';
import { REMOTE_HOST_HINTS } from '../../shared/remote-hosts';
import { createAppContext, type AppContext } from '../app-context';
import { dispatch } from '../ipc/dispatch';
import { createHandlerTable } from '../ipc/handlers';
import type { HandlerTable } from '../ipc/handler-types';
import { createMemoryLogger } from '../services/log/logger';
import { MemorySecretStore } from '../services/secrets/memory-secret-store';
import { ScriptedDesktopHost } from '../services/host/desktop-host';

interface Captured {
  method: string;
  url: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

let capture: Server;
/** The capture server as the attacker names it: never trusted in main's dialog. */
let captureHost: string;
/** The same server under another name, which the user trusts in main's dialog where a test says so. */
let trustedHost: string;
let respond: (req: IncomingMessage) => { status: number; body: string | Buffer } = () => ({ status: 200, body: '{}' });
const captured: Captured[] = [];
let userDataDir: string;
const host = new ScriptedDesktopHost();
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
      captured.push({ method: req.method ?? '', url: req.url ?? '', body: Buffer.concat(chunks).toString('utf8'), headers: req.headers });
      const answer = respond(req);
      res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  await new Promise<void>((resolve) => capture.listen(0, '127.0.0.1', resolve));
  captureHost = `127.0.0.1:${(capture.address() as AddressInfo).port}`;
  trustedHost = `localhost:${(capture.address() as AddressInfo).port}`;
  userDataDir = await mkdtemp(join(tmpdir(), 'hostile-'));
  ctx = createAppContext({ userDataDir, log, emit: () => undefined, openExternal: async () => undefined, secrets: new MemorySecretStore(), sandboxInMemory: true, env: {}, host });
  table = createHandlerTable(ctx);
});

afterEach(() => {
  captured.length = 0;
  host.answers.hosts.length = 0;
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
  ])('refuses a %s host the user did not trust in main\'s dialog, whatever the page claims, and sends it nothing', async (_name, credentials) => {
    const asked = host.calls.length;
    const reply = await call('profiles:test', { input: { name: 'x', credentials: credentials(), endpoint: insecure } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'HostNotConfirmed', host: captureHost, hint: REMOTE_HOST_HINTS.HostNotConfirmed } });
    // The page claims the user confirmed the host in its form: main still asks, and the user cancels.
    const claimed = await call('profiles:test', { input: { name: 'x', credentials: credentials(), endpoint: insecure, confirmedHosts: [captureHost] } });
    expect(claimed).toMatchObject({ ok: false, error: { code: 'HostNotConfirmed' } });
    const saved = await call('profiles:add', { input: { name: 'x', credentials: credentials(), endpoint: insecure, confirmedHosts: [captureHost] }, test: false });
    expect(saved).toMatchObject({ ok: false, error: { code: 'HostNotConfirmed' } });
    expect(host.calls.slice(asked)).toEqual(Array(3).fill({ kind: 'confirmHost', request: { host: captureHost, insecure: true, purpose: 'sign-in' } }));
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

  it('needs the plain-HTTP warning for an http credentials service, before asking about the host', async () => {
    const asked = host.calls.length;
    const reply = await call('profiles:test', { input: { name: 'x', credentials: { type: 'credentials-uri', credentialsUri: `http://${captureHost}/c` }, confirmedHosts: [captureHost] } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'InsecureHttpNotAllowed' } });
    expect(host.calls.length).toBe(asked);
    expect(captured).toEqual([]);
  });

  it('echoes no response text that is not an error code, and refuses oversized answers', async () => {
    const input = { name: 'x', credentials: { type: 'credentials-uri', credentialsUri: `http://${trustedHost}/c` }, endpoint: insecure };
    host.answers.hosts.push(true);
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

  it('asks main\'s dialog, which names the host and warns about plain HTTP; what the page claims counts for nothing', async () => {
    const code = codeFor(`http://${captureHost}`);
    // The page says the user confirmed the host and the plain-HTTP warning: main asks anyway, and the user cancels.
    const refused = await call('profiles:import-access-code', { code, confirmHost: captureHost, allowInsecureHttp: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'HostNotConfirmed', host: captureHost, hint: REMOTE_HOST_HINTS.HostNotConfirmed } });
    expect(JSON.stringify(refused)).not.toContain(`${captureHost} `);
    expect(host.calls.at(-1)).toEqual({ kind: 'confirmHost', request: { host: captureHost, insecure: true, purpose: 'access-code' } });
    // Trusted in main's dialog (which warned about plain HTTP): imported, plain HTTP on for this profile only.
    const lan = 'oss.lan.example:9000';
    host.answers.hosts.push(true);
    const ok = await call('profiles:import-access-code', { code: codeFor(`http://${lan}`) });
    expect(host.calls.at(-1)).toEqual({ kind: 'confirmHost', request: { host: lan, insecure: true, purpose: 'access-code' } });
    expect(ok).toMatchObject({ ok: true, value: { endpoint: { allowInsecureHttp: true, customRegionUrls: { 'oss-cn-hangzhou': `http://${lan}` } } } });
    // An https host of its own, trusted: plain HTTP stays off.
    host.answers.hosts.push(true);
    const secure = await call('profiles:import-access-code', { code: codeFor('https://oss.private-cloud.example') });
    expect(host.calls.at(-1)).toEqual({ kind: 'confirmHost', request: { host: 'oss.private-cloud.example', insecure: false, purpose: 'access-code' } });
    expect(host.answers.hosts).toEqual([]);
    expect(secure).toMatchObject({ ok: true, value: { endpoint: { allowInsecureHttp: false } } });
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

describe('finding 1: the page cannot make main read a local file', () => {
  const oidcCredentials = (extra: Record<string, unknown>, sts = captureHost) => ({ type: 'oidc-role', roleArn: 'acs:ram::1:role/x', oidcProviderArn: 'acs:ram::1:oidc-provider/ack', stsEndpoint: `http://${sts}/`, ...extra });
  const oidc = (extra: Record<string, unknown>, sts = captureHost) => ({ name: 'oidc', credentials: oidcCredentials(extra, sts), endpoint: insecure, confirmedHosts: [sts] });

  it('ignores a path the page names, and an id main never gave: nothing is read or sent', async () => {
    const planted = join(userDataDir, 'id_rsa');
    await writeFile(planted, '-----BEGIN OPENSSH PRIVATE KEY----- planted');
    const named = await call('profiles:test', { input: oidc({ oidcTokenFile: planted }) });
    expect(named).toMatchObject({ ok: false, error: { code: 'OidcTokenFileMissing' } });
    const guessed = await call('profiles:test', { input: oidc({ oidcTokenFileId: 'tf-00000000-0000-0000-0000-000000000000' }) });
    expect(guessed).toMatchObject({ ok: false, error: { code: 'OidcTokenFileNotChosen' } });
    expect(captured).toEqual([]);
    expect(JSON.stringify([named, guessed])).not.toContain(userDataDir);
  });

  it('reads the file the user chose in main\'s dialog; the page sees an opaque id and the name only', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJwb2QifQ.c2lnbmF0dXJl';
    const file = join(userDataDir, 'token');
    await writeFile(file, token);
    host.answers.files.push([file]);
    const chosen = (await call('profiles:choose-token-file')) as IpcResult<{ id: string; name: string }>;
    expect(chosen).toMatchObject({ ok: true, value: { name: 'token' } });
    expect(JSON.stringify(chosen)).not.toContain(userDataDir);
    expect(host.calls.at(-1)).toMatchObject({ kind: 'chooseFiles', options: { multiple: false } });
    if (!chosen.ok) throw new Error('not chosen');
    respond = () => ({ status: 400, body: JSON.stringify({ Code: 'AuthenticationFail.OIDCToken.Invalid', Message: 'bad token' }) });
    host.answers.hosts.push(true);
    const tested = await call('profiles:test', { input: oidc({ oidcTokenFileId: chosen.value.id }, trustedHost) });
    expect(tested).toMatchObject({ ok: false, error: { code: 'AuthenticationFail.OIDCToken.Invalid' } });
    expect(captured).toHaveLength(1);
    expect(new URLSearchParams(captured[0]!.body).get('OIDCToken')).toBe(token);

    const saved = (await call('profiles:add', { input: oidc({ oidcTokenFileId: chosen.value.id }, trustedHost), test: false })) as IpcResult<ProfileView>;
    expect(saved).toMatchObject({ ok: true, value: { settings: { oidcTokenFileName: 'token' } } });
    const list = await call('profiles:list');
    expect(JSON.stringify([saved, list])).not.toContain(userDataDir);
  });

  it('never sends a saved profile\'s token to an STS host the page names, even when it claims the user confirmed it', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYXZlZCJ9.c2F2ZWQtc2ln';
    const file = join(userDataDir, 'saved-token');
    await writeFile(file, token);
    host.answers.files.push([file]);
    const chosen = (await call('profiles:choose-token-file')) as IpcResult<{ id: string; name: string }>;
    if (!chosen.ok) throw new Error('not chosen');
    host.answers.hosts.push(true);
    const saved = (await call('profiles:add', { input: oidc({ oidcTokenFileId: chosen.value.id }, trustedHost), test: false })) as IpcResult<ProfileView>;
    if (!saved.ok) throw new Error(saved.error.message);
    const id = saved.value.id;
    host.answers.hosts.length = 0; // (the host may have been trusted already; the user answers "Cancel" from here on)
    // The attack: keep the saved token file, point STS at the attacker, claim the user confirmed it.
    const credentials = oidcCredentials({ oidcTokenFileId: 'saved' });
    const asked = host.calls.length;
    expect(await call('profiles:test', { id, patch: { credentials, confirmedHosts: [captureHost] } })).toMatchObject({ ok: false, error: { code: 'HostNotConfirmed' } });
    expect(await call('profiles:update', { id, credentials, confirmedHosts: [captureHost], test: true })).toMatchObject({ ok: false, error: { code: 'HostNotConfirmed' } });
    expect(host.calls.slice(asked).map((c) => c.kind)).toEqual(['confirmHost', 'confirmHost']);
    expect(captured).toEqual([]);
    // Its own STS host stays trusted without asking again.
    respond = () => ({ status: 400, body: JSON.stringify({ Code: 'AuthenticationFail.OIDCToken.Invalid', Message: 'bad token' }) });
    expect(await call('profiles:test', { id })).toMatchObject({ ok: false, error: { code: 'AuthenticationFail.OIDCToken.Invalid' } });
    expect(new URLSearchParams(captured[0]!.body).get('OIDCToken')).toBe(token);
  });

  it('refuses a chosen file too large to be a token, and a cancelled dialog chooses nothing', async () => {
    const big = join(userDataDir, 'big');
    await writeFile(big, Buffer.alloc(65 * 1024, 0x41));
    host.answers.files.push([big]);
    expect(await call('profiles:choose-token-file')).toMatchObject({ ok: false, error: { code: 'OidcTokenFileTooLarge' } });
    expect(await call('profiles:choose-token-file')).toEqual({ ok: true, value: null });
  });
});

describe('finding 2: a saved proxy password goes only to the proxy it was saved for', () => {
  const proxyPassword = 'Proxy-Pass-Secret-1';
  const basic = Buffer.from(`alice:${proxyPassword}`).toString('base64');
  const withProxy = (url: string) => ({ kind: 'custom', customUrl: 'http://oss.example.invalid', region: 'oss-cn-hangzhou', allowInsecureHttp: true, proxy: { mode: 'manual', url, username: 'alice' } });
  let other: Server;
  let otherHost: string;
  const otherSeen: Captured[] = [];

  beforeAll(async () => {
    other = createServer((req, res) => {
      otherSeen.push({ method: req.method ?? '', url: req.url ?? '', body: '', headers: req.headers });
      res.writeHead(502).end();
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherHost = `127.0.0.1:${(other.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => other.close(resolve)));

  it('sends the stored password to the same proxy, never to a new host', async () => {
    respond = () => ({ status: 502, body: '' });
    // The endpoint is not Alibaba Cloud's: the user trusts it in main's dialog (asked once per run).
    host.answers.hosts.push(true);
    const saved = (await call('profiles:add', {
      input: { name: 'proxied', credentials: { type: 'access-key', accessKeyId: 'LTAI5tProxyTest0001', accessKeySecret: 'Proxy-Test-Secret-0001' }, endpoint: withProxy(`http://${captureHost}`), proxyPassword },
      test: false,
    })) as IpcResult<ProfileView>;
    if (!saved.ok) throw new Error(saved.error.message);
    const id = saved.value.id;

    // The same proxy: the stored password is used (so the check below can see it).
    await call('profiles:test', { id, patch: { endpoint: withProxy(`http://${captureHost}`) } });
    expect(captured.some((c) => c.headers['proxy-authorization'] === `Basic ${basic}`)).toBe(true);

    // Only the proxy host changed: Test and Save must not hand the password to it.
    await call('profiles:test', { id, patch: { endpoint: withProxy(`http://${otherHost}`) } });
    await call('profiles:update', { id, endpoint: withProxy(`http://${otherHost}`), test: true });
    await call('profiles:update', { id, endpoint: withProxy(`http://${otherHost}`), test: false });
    await call('profiles:test', { id });
    expect(otherSeen.length).toBeGreaterThan(0);
    for (const seen of otherSeen) expect(String(seen.headers['proxy-authorization'] ?? '')).not.toContain(basic);

    // Typed again for the new proxy, it is used there.
    await call('profiles:update', { id, endpoint: withProxy(`http://${otherHost}`), proxyPassword, test: false });
    otherSeen.length = 0;
    await call('profiles:test', { id });
    expect(otherSeen.some((c) => c.headers['proxy-authorization'] === `Basic ${basic}`)).toBe(true);
  });
});

describe('OSS endpoints: signed requests go only to hosts the user trusts in main\'s dialog', () => {
  const keys = { type: 'access-key', accessKeyId: 'LTAI5tEndpointTest01', accessKeySecret: 'Endpoint-Test-Secret-000001' };
  const official = { region: 'oss-cn-hangzhou', proxy: { mode: 'none' } };
  const variants: Array<[string, (h: string) => Record<string, unknown>]> = [
    ['custom URL', (h) => ({ ...insecure, kind: 'custom', customUrl: `http://${h}` })],
    ['per-region URL', (h) => ({ ...insecure, kind: 'custom', customRegionUrls: { 'oss-cn-hangzhou': `http://${h}` } })],
    ['custom URL on a public profile', (h) => ({ ...insecure, kind: 'public', customUrl: `http://${h}` })],
    ['bucket domain (CNAME)', (h) => ({ ...insecure, cnames: { 'photos-bucket': `http://${h}` } })],
  ];

  it.each(variants)('refuses a %s the user did not trust, on test, add and update, and sends it nothing', async (_name, endpointTo) => {
    const asked = host.calls.length;
    const input = { name: 'x', credentials: keys, endpoint: endpointTo(captureHost), startPath: { bucket: 'photos-bucket', prefix: '' } };
    const tested = await call('profiles:test', { input: { ...input, confirmedHosts: [captureHost] } });
    expect(tested).toMatchObject({ ok: false, error: { code: 'EndpointHostNotConfirmed', host: captureHost, hint: expect.stringMatching(/endpoint/) } });
    expect(await call('profiles:add', { input, test: false })).toMatchObject({ ok: false, error: { code: 'EndpointHostNotConfirmed' } });
    // A saved profile on the official endpoint, repointed by the page: refused, and the profile keeps its endpoint.
    const saved = (await call('profiles:add', { input: { name: 'official', credentials: keys, endpoint: official }, test: false })) as IpcResult<ProfileView>;
    if (!saved.ok) throw new Error(saved.error.message);
    for (const test of [false, true]) {
      expect(await call('profiles:update', { id: saved.value.id, endpoint: endpointTo(captureHost), test })).toMatchObject({ ok: false, error: { code: 'EndpointHostNotConfirmed' } });
    }
    expect(await call('profiles:test', { id: saved.value.id, patch: { endpoint: endpointTo(captureHost) } })).toMatchObject({ ok: false });
    expect((await ctx.profiles.service.get(saved.value.id)).endpoint).toMatchObject({ kind: 'public' });
    const asks = host.calls.slice(asked).filter((c) => c.kind === 'confirmHost');
    expect(asks.length).toBeGreaterThanOrEqual(4);
    expect(asks).toContainEqual({ kind: 'confirmHost', request: { host: captureHost, insecure: true, purpose: 'oss-endpoint' } });
    expect(captured).toEqual([]);
    await call('profiles:delete', { id: saved.value.id });
  });

  it('never sends to a link-local or metadata endpoint, and needs the plain-HTTP warning for an http bucket domain, without asking', async () => {
    const asked = host.calls.length;
    for (const endpoint of [
      { ...insecure, kind: 'custom', customUrl: 'http://169.254.169.254' },
      { ...insecure, cnames: { 'photos-bucket': '100.100.100.200' } },
    ]) {
      expect(await call('profiles:add', { input: { name: 'x', credentials: keys, endpoint }, test: false }), JSON.stringify(endpoint)).toMatchObject({ ok: false, error: { code: 'ForbiddenHost' } });
    }
    const plain = await call('profiles:add', { input: { name: 'x', credentials: keys, endpoint: { ...official, cnames: { 'photos-bucket': `http://${captureHost}` } } }, test: false });
    expect(plain).toMatchObject({ ok: false, error: { code: 'InsecureHttpNotAllowed' } });
    expect(host.calls.length).toBe(asked);
    expect(captured).toEqual([]);
  });

  it('contacts an endpoint the user trusted in main\'s dialog, and a saved profile keeps its own endpoint without asking again', async () => {
    // A private cloud's endpoint, not yet trusted in this run.
    const cloud = createServer((req, res) => {
      captured.push({ method: req.method ?? '', url: req.url ?? '', body: '', headers: req.headers });
      res.writeHead(403, { 'content-type': 'application/xml' }).end('<Error><Code>AccessDenied</Code></Error>');
    });
    await new Promise<void>((resolve) => cloud.listen(0, '127.0.0.1', resolve));
    const cloudHost = `localhost:${(cloud.address() as AddressInfo).port}`;
    host.answers.hosts.push(true);
    const asked = host.calls.length;
    const endpoint = { ...insecure, kind: 'custom', customUrl: `http://${cloudHost}` };
    const saved = (await call('profiles:add', { input: { name: 'private cloud', credentials: keys, endpoint }, test: false })) as IpcResult<ProfileView>;
    if (!saved.ok) throw new Error(saved.error.message);
    expect(host.calls.slice(asked)).toEqual([{ kind: 'confirmHost', request: { host: cloudHost, insecure: true, purpose: 'oss-endpoint' } }]);
    await call('profiles:test', { id: saved.value.id });
    expect(captured.length).toBeGreaterThan(0);
    expect(await call('profiles:update', { id: saved.value.id, name: 'renamed', test: true })).toMatchObject({ ok: false, error: { code: 'ListBucketsDenied' } });
    expect(await call('profiles:update', { id: saved.value.id, name: 'renamed', test: false })).toMatchObject({ ok: true });
    expect(host.calls.length).toBe(asked + 1);
    await new Promise((resolve) => cloud.close(resolve));
  });
});
