/**
 * A full profiles session through main's real handler table (dispatch, zod validation,
 * error mapping, file logger) against the emulator; afterwards no secret may appear in any
 * IPC reply, event, the log, or any byte of the user data folder, in any encoding (raw,
 * base64, base64url, URL-encoded, JSON-escaped), and no request to a host that is not OSS
 * (STS, credentials service, metadata, proxy) may carry one it should not. The secrets
 * searched for include every access code and every credential the STS, credentials and
 * metadata services issued during the session (read from their recorded answers).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import { encodeAccessCode } from '../../shared/access-code';
import type { IpcResult } from '../../shared/errors';
import type { ProfileView } from '../../shared/profile-types';
import { createAppContext, type AppContext } from '../app-context';
import { dispatch } from '../ipc/dispatch';
import { createHandlerTable } from '../ipc/handlers';
import type { HandlerTable } from '../ipc/handler-types';
import { createFileLogger, type Logger } from '../services/log/logger';
import { findEncoded, issuedSecrets, startForwardProxy, startRecordingProxy, type ForwardProxy, type RecordingProxy } from '../test-support/leak-search';
import { ramRoleSource } from '../services/credentials/remote-sources';
import { MemorySecretStore } from '../services/secrets/memory-secret-store';
import { ScriptedDesktopHost } from '../services/host/desktop-host';
import { trustEmulator } from '../test-support/trust-emulator';

let emu: RunningEmulator;
/** Stands between main and the emulator's STS / credentials / metadata port, recording both ways. */
let side: RecordingProxy;
/** The corporate proxy of the proxy-password profile. */
let proxy: ForwardProxy;
let userDataDir: string;
let home: string;
let ctx: AppContext;
let table: HandlerTable;
let log: Logger;
const secrets = new MemorySecretStore();
const host = new ScriptedDesktopHost();
const replies: string[] = [];
const events: string[] = [];
const knownSecrets = new Set<string>();
/** AccessKey IDs of STS sessions: they must not reach a reply either (a preview URL would carry one). */
const stsKeyIds = new Set<string>();

const ROLE = 'acs:ram::1000000000000001:role/sandbox-role';
const OIDC_PROVIDER = 'acs:ram::1000000000000001:oidc-provider/sandbox-oidc';
const PROXY_PASSWORD = 'Proxy-Password-Secret-42';
/** Texts that are secret as a whole (access codes, the OIDC token): searched for like secrets. */
const secretTexts = new Set<string>();
/** The emulator's side-port URL, through the recorder. */
const viaSide = (url: string) => url.replace(/^http:\/\/[^/]+/, side.origin);
const acct = () => emu.accounts.find((a) => a.name === 'sandbox')!;
const reader = () => emu.accounts.find((a) => a.name === 'photos-reader')!;
const endpoint = () => ({ kind: 'custom', region: emu.region, customRegionUrls: emu.endpoints, pathStyle: true, allowInsecureHttp: true, proxy: { mode: 'none' } });

async function call<T>(channel: string, input?: unknown): Promise<IpcResult<T>> {
  const reply = (await dispatch(table, channel, input, { log })) as IpcResult<T>;
  replies.push(JSON.stringify(reply));
  return reply;
}

async function ok<T>(channel: string, input?: unknown): Promise<T> {
  const reply = await call<T>(channel, input);
  if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.value;
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}

beforeAll(async () => {
  emu = await startEmulator({ memory: true });
  side = await startRecordingProxy(new URL(emu.stsEndpoint).origin);
  proxy = await startForwardProxy();
  userDataDir = await mkdtemp(join(tmpdir(), 'leak-userdata-'));
  home = await mkdtemp(join(tmpdir(), 'leak-home-'));
  const admin = new OSS({ accessKeyId: acct().accessKeyId, accessKeySecret: acct().accessKeySecret, endpoint: emu.endpoint, region: emu.region, sldEnable: true, authorizationV4: true } as OSS.Options);
  await admin.putBucket('leak-bucket');
  await new OSS({ accessKeyId: acct().accessKeyId, accessKeySecret: acct().accessKeySecret, endpoint: emu.endpoint, region: emu.region, sldEnable: true, authorizationV4: true, bucket: 'leak-bucket' } as OSS.Options).put('photos/a.txt', Buffer.from('a'));
  await mkdir(join(home, '.alibabacloud'));
  await writeFile(join(home, '.alibabacloud', 'credentials'), `[imported]\ntype = access_key\naccess_key_id = ${acct().accessKeyId}\naccess_key_secret = ${acct().accessKeySecret}\n`);
  log = createFileLogger({ dir: join(userDataDir, 'logs') });
  // Profiles point at the emulator: the user trusts its endpoint hosts in main's dialog.
  trustEmulator(emu.endpoints, host);
  ctx = createAppContext({
    userDataDir,
    log,
    emit: (event, payload) => events.push(JSON.stringify({ event, payload })),
    openExternal: async () => undefined,
    secrets,
    home,
    sandboxInMemory: true,
    host,
    env: { OSS_ACCESS_KEY_ID: reader().accessKeyId, OSS_ACCESS_KEY_SECRET: reader().accessKeySecret },
  });
  table = createHandlerTable(ctx);
  for (const a of emu.accounts) knownSecrets.add(a.accessKeySecret);
});

afterAll(async () => {
  ctx?.profiles.dispose();
  await ctx?.previewServer.close();
  await emu?.close();
  await side?.close();
  await proxy?.close();
  await rm(userDataDir, { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
});

describe('a full profiles session leaks no secret', () => {
  it('adds, tests, lists, refreshes, fails and deletes profiles of every type', async () => {
    const added: ProfileView[] = [];
    const add = async (name: string, credentials: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      // The emulator's STS/credentials/metadata port is a custom host: the user trusts it in main's dialog (asked once).
      if (!host.calls.some((c) => c.kind === 'confirmHost')) host.answers.hosts.push(true);
      const v = await ok<ProfileView>('profiles:add', { input: { name, credentials, endpoint: endpoint(), ...extra } });
      added.push(v);
      return v;
    };
    const ak = await add('ak', { type: 'access-key', accessKeyId: acct().accessKeyId, accessKeySecret: acct().accessKeySecret });
    expect(ak.maskedAccessKeyId).toBe(`${acct().accessKeyId.slice(0, 4)}****${acct().accessKeyId.slice(-4)}`);

    const sts = await ramRoleSource({ accessKeyId: acct().accessKeyId, accessKeySecret: acct().accessKeySecret, roleArn: ROLE, sessionName: 'pasted', durationSeconds: 900, stsEndpoint: emu.stsEndpoint })();
    knownSecrets.add(sts.accessKeySecret).add(sts.securityToken!);
    stsKeyIds.add(sts.accessKeyId);
    const pasted = await add('sts', { type: 'sts-token', accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret, securityToken: sts.securityToken, expiration: sts.expiration!.toISOString() });
    const role = await add('role', { type: 'ram-role', accessKeyId: acct().accessKeyId, accessKeySecret: acct().accessKeySecret, roleArn: ROLE, durationSeconds: 900, stsEndpoint: viaSide(emu.stsEndpoint) });
    const uri = await add('uri', { type: 'credentials-uri', credentialsUri: viaSide(emu.credentialsUriEndpoint) });
    const ecs = await add('ecs', { type: 'ecs-ram-role', metadataUrl: viaSide(emu.ecsMetadataEndpoint) });

    // OIDC role: the token file is chosen in main's dialog; the token is a secret the page never sees.
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const oidcToken = `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iss: 'https://oidc.emulator.local', aud: 'sts.aliyuncs.com', sub: 'system:serviceaccount:ns:leak', exp: Math.floor(Date.now() / 1000) + 3600 })}.c2lnbmF0dXJlLW9mLWxlYWs`;
    await writeFile(join(home, 'oidc-token'), oidcToken);
    secretTexts.add(oidcToken);
    host.answers.files.push([join(home, 'oidc-token')]);
    const tokenFile = await ok<{ id: string }>('profiles:choose-token-file');
    const oidc = await add('oidc', { type: 'oidc-role', roleArn: ROLE, oidcProviderArn: OIDC_PROVIDER, oidcTokenFileId: tokenFile.id, durationSeconds: 900, stsEndpoint: viaSide(emu.stsEndpoint) });

    // An AccessKey profile behind a proxy with a password.
    knownSecrets.add(PROXY_PASSWORD);
    const proxied = await add('proxied', { type: 'access-key', accessKeyId: acct().accessKeyId, accessKeySecret: acct().accessKeySecret }, {
      endpoint: { ...endpoint(), proxy: { mode: 'manual', url: `http://${proxy.host}`, username: 'alice' } },
      proxyPassword: PROXY_PASSWORD,
    });
    const restricted = await add('reader', { type: 'access-key', accessKeyId: reader().accessKeyId, accessKeySecret: reader().accessKeySecret }, { startPath: { bucket: 'leak-bucket', prefix: 'photos/' } });
    expect(restricted.startPath).toEqual({ bucket: 'leak-bucket', prefix: 'photos/', region: emu.region });

    const env = await ok<{ found: boolean; variables: string[]; profile: ProfileView }>('profiles:import-env', { save: true });
    expect(env.variables).toEqual(['OSS_ACCESS_KEY_ID', 'OSS_ACCESS_KEY_SECRET']);
    const imported = await ok<{ imported: ProfileView[] }>('profiles:import-file', { source: 'alibabacloud' });
    expect(imported.imported.map((p) => p.name)).toEqual(['imported']);
    // Imports default to the public endpoints; point them at the emulator like a user would.
    for (const id of [env.profile.id, imported.imported[0]!.id]) await ok('profiles:update', { id, endpoint: endpoint() });
    const code = encodeAccessCode({ v: 1, accessKeyId: sts.accessKeyId, accessKeySecret: sts.accessKeySecret, securityToken: sts.securityToken!, expiration: sts.expiration!.toISOString(), bucket: 'leak-bucket', prefix: 'photos/', region: emu.region, endpoint: emu.endpoint, actions: ['list', 'read'] });
    host.answers.hosts.push(true);
    secretTexts.add(code);
    const fromCode = await ok<ProfileView>('profiles:import-access-code', { code, confirmHost: new URL(emu.endpoint).host, allowInsecureHttp: true });
    expect(fromCode.startPath).toMatchObject({ bucket: 'leak-bucket', prefix: 'photos/' });
    const sandbox = await ok<ProfileView>('profiles:sandbox-start');
    expect(sandbox.sandbox).toBe(true);

    const listed = await ok<{ profiles: ProfileView[] }>('profiles:list');
    expect(listed.profiles).toHaveLength(added.length + 4);
    for (const p of listed.profiles) {
      await ok('profiles:open', { id: p.id });
      const tested = await ok<{ buckets: unknown[] }>('profiles:test', { id: p.id });
      expect(tested.buckets.length).toBeGreaterThan(0);
      await ok('profiles:session-status', { id: p.id });
    }

    // Refresh: the role, URI and OIDC sessions are fetched anew (their secrets are collected too).
    for (const id of [role.id, uri.id, oidc.id]) {
      const session = await ctx.profiles.service.session(id);
      const before = await session.provider.getCredentials();
      session.provider.invalidate();
      const after = await session.provider.getCredentials();
      expect(after.accessKeyId).not.toBe(before.accessKeyId);
      for (const c of [before, after]) knownSecrets.add(c.accessKeySecret).add(c.securityToken!);
    }

    // Previews and details with every STS profile: the replies are local links or plain URLs, and the objects stream through the links.
    const previewReplies: string[] = [];
    for (const p of [pasted, role, uri, ecs, oidc, fromCode]) {
      const creds = await (await ctx.profiles.service.session(p.id)).provider.getCredentials();
      knownSecrets.add(creds.accessKeySecret).add(creds.securityToken!);
      stsKeyIds.add(creds.accessKeyId);
      const at = { profileId: p.id, bucket: 'leak-bucket', key: 'photos/a.txt' };
      const preview = await ok<{ url: string }>('objects:preview-url', { ...at, expiresSeconds: 900 });
      await ok('objects:thumbnail-url', { ...at, size: 256 });
      // The details pane's object URL is the plain, unsigned address.
      const details = await ok<{ url: string }>('objects:head', at);
      expect(details.url).toMatch(/\/leak-bucket\/photos\/a\.txt$/);
      expect(details.url).not.toContain('?');
      previewReplies.push(replies.at(-3)!, replies.at(-2)!);
      expect(await (await fetch(preview.url)).text()).toBe('a');
    }
    for (const marker of ['Signature', 'x-oss-', 'security-token', 'Credential=', emu.endpoint]) {
      expect(previewReplies.join('\n')).not.toContain(marker);
    }

    // Error paths: wrong secret, unknown key, restricted user without a start path, bad access code.
    const wrong = await call('profiles:test', { input: { name: 'x', credentials: { type: 'access-key', accessKeyId: acct().accessKeyId, accessKeySecret: 'Wrong-Secret-Value-123' }, endpoint: endpoint() } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'SignatureDoesNotMatch', hint: expect.stringMatching(/secret/i) } });
    knownSecrets.add('Wrong-Secret-Value-123');
    const noSave = await call('profiles:add', { input: { name: 'bad', credentials: { type: 'access-key', accessKeyId: 'LTAI5tNoSuchKey00001', accessKeySecret: 'Another-Secret-456' }, endpoint: endpoint() } });
    expect(noSave).toMatchObject({ ok: false, error: { code: 'InvalidAccessKeyId' } });
    knownSecrets.add('Another-Secret-456');
    const noBucket = await call('profiles:test', { input: { name: 'nb', credentials: { type: 'access-key', accessKeyId: acct().accessKeyId, accessKeySecret: acct().accessKeySecret }, endpoint: endpoint(), startPath: { bucket: 'no-such-bucket-here', prefix: '' } } });
    expect(noBucket).toMatchObject({ ok: false, error: { code: 'NoSuchBucket', hint: expect.stringMatching(/bucket/i) } });
    emu.clock.offsetMs = 20 * 60_000;
    const skewed = await call('profiles:test', { id: ak.id });
    emu.clock.offsetMs = 0;
    expect(skewed).toMatchObject({ ok: false, error: { code: 'RequestTimeTooSkewed', hint: expect.stringMatching(/clock/i) } });
    const refused = await call('profiles:test', { input: { name: 'down', credentials: { type: 'access-key', accessKeyId: acct().accessKeyId, accessKeySecret: acct().accessKeySecret }, endpoint: { ...endpoint(), customRegionUrls: undefined, customUrl: `http://${new URL(emu.endpoint).hostname}:9` } } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NetworkError', hint: expect.stringMatching(/endpoint/i) } });
    const badCode = await call('profiles:import-access-code', { code: 'ossac1.' + 'A'.repeat(40) });
    expect(badCode).toMatchObject({ ok: false, error: { code: 'InvalidAccessCode' } });

    // An edit is tested before it is saved: a wrong new secret leaves the old one in place.
    const badEdit = await call('profiles:update', { id: ak.id, credentials: { type: 'access-key', accessKeyId: acct().accessKeyId, accessKeySecret: 'Edited-Wrong-789' }, test: true });
    expect(badEdit).toMatchObject({ ok: false, error: { code: 'SignatureDoesNotMatch' } });
    knownSecrets.add('Edited-Wrong-789');
    await ok('profiles:test', { id: ak.id });
    await ok('profiles:update', { id: ak.id, name: 'ak renamed', test: true });
    const copy = await ok<ProfileView>('profiles:duplicate', { id: ak.id });
    expect(await secrets.get(copy.id)).toContain(acct().accessKeyId);
    await ok('profiles:delete', { id: copy.id });
    expect(await secrets.get(copy.id)).toBeNull();
    expect((await ok<{ profiles: ProfileView[] }>('profiles:list')).profiles.some((p) => p.id === copy.id)).toBe(false);

    // Now search every channel of output for every secret seen during the session.
    const logText = await readFile(log.file, 'utf8');
    expect(logText.length).toBeGreaterThan(0);
    const files = await filesUnder(userDataDir);
    expect(files.some((f) => f.endsWith('profiles.json'))).toBe(true);
    const haystacks: Array<[string, Buffer]> = [
      ['replies', Buffer.from(replies.join('\n'))],
      ['events', Buffer.from(events.join('\n'))],
      ...(await Promise.all(files.map(async (f) => [f, await readFile(f)] as [string, Buffer]))),
    ];
    // Every credential STS, the credentials service and the metadata service issued, connection tests included.
    const issued = issuedSecrets(side.exchanges);
    expect(issued.length).toBeGreaterThan(10);
    for (const secret of issued) knownSecrets.add(secret);
    expect(knownSecrets.size).toBeGreaterThan(20);
    const everySecret = [...knownSecrets, ...secretTexts];
    for (const secret of everySecret) {
      for (const [where, bytes] of haystacks) {
        const form = findEncoded(bytes, secret);
        expect(form, `${secret.slice(0, 3)}… found in ${where} as ${form === secret ? 'itself' : `an encoded form (${form?.slice(0, 6)}…)`}`).toBeUndefined();
      }
    }

    // Requests to hosts that are not OSS carry no secret: STS and the credential services get
    // AccessKey IDs and signatures, never a secret; only the OIDC token goes to STS (it is what
    // AssumeRoleWithOIDC exchanges), and the proxy password only to its proxy.
    expect(side.exchanges.some((e) => e.body.includes('AssumeRoleWithOIDC') || e.url.includes('AssumeRoleWithOIDC'))).toBe(true);
    for (const e of side.exchanges) {
      const request = `${e.method} ${e.url}\n${JSON.stringify(e.headers)}\n${e.body}`;
      for (const secret of everySecret) {
        if (secret === oidcToken && /AssumeRoleWithOIDC/.test(request)) continue;
        expect(findEncoded(request, secret), `${secret.slice(0, 3)}… sent to ${side.origin}${e.url.slice(0, 40)}`).toBeUndefined();
      }
    }
    const basic = `Basic ${Buffer.from(`alice:${PROXY_PASSWORD}`).toString('base64')}`;
    expect(proxy.authorizations.length).toBeGreaterThan(0);
    expect(new Set(proxy.authorizations)).toEqual(new Set([basic]));
    expect(proxied.endpoint.proxy).toMatchObject({ mode: 'manual', username: 'alice' });
    // Full AccessKey IDs stay in the keychain too: the file holds masked ones only.
    const profilesJson = await readFile(join(userDataDir, 'profiles.json'), 'utf8');
    expect(profilesJson).not.toContain(acct().accessKeyId);
    expect(replies.join('\n')).not.toContain(acct().accessKeyId);
    expect(stsKeyIds.size).toBeGreaterThan(3);
    for (const id of stsKeyIds) expect(replies.join('\n')).not.toContain(id);
  });
});
