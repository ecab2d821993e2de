/**
 * Every credential provider against the emulator over real HTTP, with real ali-oss signing
 * through the app's client factory.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { SANDBOX_CONFIG } from '../../../emulator/config';
import { endpointSchema, type CredentialInput, type ProfileRecord } from '../../../shared/profile-types';
import { OssClientFactory } from '../oss/client-factory';
import { ManualClock } from './clock';
import { providerFor } from './provider-factory';
import { RefreshingProvider } from './refreshing-provider';
import { credentialsUriSource, ecsRamRoleSource, oidcRoleSource, ramRoleSource } from './remote-sources';
import { StaticStsProvider } from './static-providers';
import type { CredentialEvent, CredentialProvider, Credentials } from './types';

let emu: RunningEmulator;
let dir: string;
const ROLE = 'acs:ram::1000000000000001:role/sandbox-role';
const account = () => emu.accounts.find((a) => a.kind === 'account' && a.name === 'sandbox')!;

function record(id: string, type: CredentialInput['type']): ProfileRecord {
  return {
    id,
    name: id,
    type,
    settings: {},
    endpoint: endpointSchema.parse({ kind: 'custom', region: emu.region, customRegionUrls: emu.endpoints, pathStyle: true, allowInsecureHttp: true, proxy: { mode: 'none' } }),
    createdAt: '',
    updatedAt: '',
  };
}

/** `clock` signs requests in the same shifted time as the emulator (its clock-offset fault). */
function factoryFor(provider: CredentialProvider, clock?: ManualClock): OssClientFactory {
  const rec = record(`p-${provider.type}`, provider.type);
  return new OssClientFactory({ resolve: async () => ({ record: rec, provider }), ...(clock ? { clock } : {}) });
}

async function listBucketNames(provider: CredentialProvider): Promise<string[]> {
  const client = await factoryFor(provider).forService(`p-${provider.type}`);
  const r = (await client.listBuckets({}, {})) as unknown as { buckets: Array<{ name: string }> };
  return r.buckets.map((b) => b.name);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'providers-'));
  // The credentials URI hands out 20-second sessions so refresh can be seen for real.
  emu = await startEmulator({ memory: true, config: { ...SANDBOX_CONFIG, credentialsUri: { roleArn: ROLE, durationSeconds: 20 } } });
  const admin = new OSS({ accessKeyId: account().accessKeyId, accessKeySecret: account().accessKeySecret, endpoint: emu.endpoint, region: emu.region, sldEnable: true, authorizationV4: true } as OSS.Options);
  await admin.putBucket('creds-test');
  // A bucket is created in the region of the endpoint the request goes to.
  const shanghai = new OSS({ accessKeyId: account().accessKeyId, accessKeySecret: account().accessKeySecret, endpoint: emu.endpoints['oss-cn-shanghai']!, region: 'oss-cn-shanghai', sldEnable: true, authorizationV4: true } as OSS.Options);
  await shanghai.putBucket('shanghai-bucket');
});

afterAll(async () => {
  await emu?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('credential providers against the emulator', () => {
  it('AccessKey pair: lists buckets; a wrong secret is SignatureDoesNotMatch', async () => {
    const ok = providerFor({ type: 'access-key', accessKeyId: account().accessKeyId, accessKeySecret: account().accessKeySecret });
    expect(await listBucketNames(ok)).toContain('creds-test');
    const bad = providerFor({ type: 'access-key', accessKeyId: account().accessKeyId, accessKeySecret: 'wrong-secret' });
    await expect(listBucketNames(bad)).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
  });

  it('RAM role: 10 concurrent callers cause one AssumeRole, and the session works', async () => {
    let calls = 0;
    const source = ramRoleSource({ accessKeyId: account().accessKeyId, accessKeySecret: account().accessKeySecret, roleArn: ROLE, sessionName: 'test', durationSeconds: 900, stsEndpoint: emu.stsEndpoint });
    const p = new RefreshingProvider({ type: 'ram-role', source: () => (calls++, source()) });
    const all = await Promise.all(Array.from({ length: 10 }, () => p.getCredentials()));
    expect(calls).toBe(1);
    expect(new Set(all.map((c) => c.accessKeyId)).size).toBe(1);
    expect(all[0]!.accessKeyId).toMatch(/^STS\./);
    expect(all[0]!.expiration!.getTime() - Date.now()).toBeGreaterThan(800_000);
    expect(await listBucketNames(p)).toContain('creds-test');
    p.dispose();
  });

  it('RAM role: an inline policy narrows the session; a bad duration is explained', async () => {
    const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:ListBuckets'], Resource: '*' }] });
    const p = providerFor({ type: 'ram-role', accessKeyId: account().accessKeyId, accessKeySecret: account().accessKeySecret, roleArn: ROLE, sessionName: 'narrow', durationSeconds: 900, policy, stsEndpoint: emu.stsEndpoint });
    expect(await listBucketNames(p)).toContain('creds-test');
    const client = await factoryFor(p).forBucket('p-ram-role', 'creds-test');
    await expect(client.put('denied.txt', Buffer.from('x'))).rejects.toMatchObject({ code: 'AccessDenied' });
    const tooLong = providerFor({ type: 'ram-role', accessKeyId: account().accessKeyId, accessKeySecret: account().accessKeySecret, roleArn: 'acs:ram::1000000000000001:role/sandbox-readonly', sessionName: 'x', durationSeconds: 7200, stsEndpoint: emu.stsEndpoint });
    const err = (await tooLong.getCredentials().catch((e: unknown) => e)) as { code: string; hint?: string; message: string };
    expect(err.code).toMatch(/DurationSeconds|InvalidParameter/);
    expect(err.message).not.toContain(account().accessKeySecret);
    p.dispose();
  });

  it('credentials URI: fetched, used, and refreshed before its short lifetime ends', async () => {
    const clock = new ManualClock(Date.now());
    let calls = 0;
    const source = credentialsUriSource(emu.credentialsUriEndpoint);
    const p = new RefreshingProvider({ type: 'credentials-uri', source: () => (calls++, source()), clock });
    const first = await p.getCredentials();
    expect(await listBucketNames(p)).toContain('creds-test');
    // 20 s sessions: refresh is due at half-life (10 s); move both clocks past it.
    emu.clock.offsetMs += 11_000;
    await clock.advance(11_000);
    await new Promise((r) => setTimeout(r, 50));
    const second = await p.getCredentials();
    expect(calls).toBe(2);
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(await listBucketNames(p)).toContain('creds-test');
    emu.clock.offsetMs -= 11_000;
    p.dispose();
  });

  it('credentials OSS rejects as expired are fetched anew and the request retried once, on the same client', async () => {
    const clock = new ManualClock(Date.now());
    let calls = 0;
    const source = credentialsUriSource(emu.credentialsUriEndpoint);
    const p = new RefreshingProvider({ type: 'credentials-uri', source: () => (calls++, source()), clock });
    const client = await factoryFor(p).forBucket('p-credentials-uri', 'creds-test');
    await client.put('before.txt', Buffer.from('1'));
    // OSS's clock passes the 20 s expiry while the provider's clock has not moved.
    emu.clock.offsetMs += 30_000;
    try {
      await client.put('after.txt', Buffer.from('2'));
      expect(calls).toBe(2);
      expect((await client.get('after.txt')).content.toString()).toBe('2');
    } finally {
      emu.clock.offsetMs -= 30_000;
    }
    p.dispose();
  });

  it('ECS RAM role: discovers the role name (IMDSv2 token) or uses the given one', async () => {
    const discovered = await ecsRamRoleSource({ metadataUrl: emu.ecsMetadataEndpoint })();
    expect(discovered.accessKeyId).toMatch(/^STS\./);
    const named = providerFor({ type: 'ecs-ram-role', roleName: 'sandbox-role', metadataUrl: emu.ecsMetadataEndpoint });
    expect(await listBucketNames(named)).toContain('creds-test');
    await expect(ecsRamRoleSource({ metadataUrl: emu.ecsMetadataEndpoint, roleName: 'no-such-role' })()).rejects.toMatchObject({ code: 'CredentialsUnavailable', status: 404 });
    named.dispose();
  });

  it('environment: OSS_* variables and ALIBABA_CLOUD_ROLE_ARN + keys work', async () => {
    const env = { OSS_ACCESS_KEY_ID: account().accessKeyId, OSS_ACCESS_KEY_SECRET: account().accessKeySecret };
    expect(await listBucketNames(providerFor({ type: 'environment' }, { env }))).toContain('creds-test');
    const roleEnv = { ALIBABA_CLOUD_ACCESS_KEY_ID: account().accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: account().accessKeySecret, ALIBABA_CLOUD_ROLE_ARN: ROLE, ALIBABA_CLOUD_STS_ENDPOINT: emu.stsEndpoint };
    const viaRole = providerFor({ type: 'environment' }, { env: roleEnv });
    expect(viaRole.type).toBe('ram-role');
    expect((await viaRole.getCredentials()).accessKeyId).toMatch(/^STS\./);
    viaRole.dispose();
    expect(() => providerFor({ type: 'environment' }, { env: {} })).toThrow(/No credentials found in the environment/);
  });

  it('pasted STS token: works until it expires, then the emulator rejects it and the provider stops', async () => {
    const sts = await ramRoleSource({ accessKeyId: account().accessKeyId, accessKeySecret: account().accessKeySecret, roleArn: ROLE, sessionName: 'pasted', durationSeconds: 900, stsEndpoint: emu.stsEndpoint })();
    const clock = new ManualClock(Date.now());
    const signing = new ManualClock(Date.now());
    const p = new StaticStsProvider(sts, clock);
    const factory = factoryFor(p, signing);
    const client = await factory.forBucket('p-sts-token', 'creds-test');
    await client.put('ok.txt', Buffer.from('ok'));
    // The emulator's clock moves past the expiry: OSS itself refuses the token.
    emu.clock.offsetMs += 901_000;
    await signing.advance(901_000);
    try {
      // The provider's clock lags (it has not noticed): OSS itself refuses the token…
      await expect(client.put('late.txt', Buffer.from('late'))).rejects.toMatchObject({ code: 'SecurityTokenExpired' });
      // …and once the provider's clock passes the expiry, it stops before sending anything.
      await clock.advance(901_000);
      await expect(client.put('late.txt', Buffer.from('late'))).rejects.toMatchObject({ code: 'SecurityTokenExpired', hint: expect.stringMatching(/Paste a new STS token/) });
    } finally {
      emu.clock.offsetMs -= 901_000;
    }
    p.dispose();
  });

  it('routes a bucket to its own region, and fixes a wrong region guess on the same client', async () => {
    const p = providerFor({ type: 'access-key', accessKeyId: account().accessKeyId, accessKeySecret: account().accessKeySecret });
    const factory = factoryFor(p);
    expect(await factory.bucketRegion('p-access-key', 'shanghai-bucket')).toBe('oss-cn-shanghai');
    const wrong = factoryFor(p);
    wrong.rememberRegion('p-access-key', 'shanghai-bucket', 'oss-cn-hangzhou');
    const client = await wrong.forBucket('p-access-key', 'shanghai-bucket');
    await client.put('routed.txt', Buffer.from('r'));
    expect(await wrong.bucketRegion('p-access-key', 'shanghai-bucket')).toBe('oss-cn-shanghai');
    expect((await client.get('routed.txt')).content.toString()).toBe('r');
  });
});

describe('refresh while a multipart upload runs', () => {
  it('keeps the same client and upload ID across a credential refresh and the old token expiring', async () => {
    const clock = new ManualClock(Date.now());
    const issued: Credentials[] = [];
    const source = ramRoleSource({ accessKeyId: account().accessKeyId, accessKeySecret: account().accessKeySecret, roleArn: ROLE, sessionName: 'upload', durationSeconds: 900, stsEndpoint: emu.stsEndpoint });
    const p = new RefreshingProvider({
      type: 'ram-role',
      clock,
      source: async () => {
        const c = await source();
        issued.push(c);
        return c;
      },
    });
    const factory = factoryFor(p, clock);
    const client = await factory.forBucket('p-ram-role', 'creds-test');
    const file = join(dir, 'big.bin');
    const partSize = 100 * 1024;
    await writeFile(file, Buffer.alloc(partSize * 6, 7));
    const uploadIds = new Set<string>();
    let parts = 0;
    const moveClocks = async (ms: number) => {
      emu.clock.offsetMs += ms;
      await clock.advance(ms);
    };
    try {
      const result = await client.multipartUpload('big.bin', file, {
        partSize,
        parallel: 1,
        progress: async (_fraction: number, checkpoint: { uploadId: string } | undefined) => {
          if (checkpoint) uploadIds.add(checkpoint.uploadId);
          parts++;
          // After part 1: 11 min later, past the refresh point (10 min) but before expiry.
          if (parts === 2) await moveClocks(11 * 60_000);
          // After part 3: 5 more minutes, the first token has expired.
          if (parts === 4) await moveClocks(5 * 60_000);
        },
      } as never);
      expect((result as { res: { status: number } }).res.status).toBe(200);
      expect(issued.length).toBe(2);
      expect(uploadIds.size).toBe(1);
      const head = await client.head('big.bin');
      expect(Number((head.res.headers as Record<string, string>)['content-length'])).toBe(partSize * 6);
      // The first token is really dead now: a client pinned to it is refused by the emulator.
      const pinned = new OSS({ accessKeyId: issued[0]!.accessKeyId, accessKeySecret: issued[0]!.accessKeySecret, stsToken: issued[0]!.securityToken, endpoint: emu.endpoint, region: emu.region, sldEnable: true, authorizationV4: true, bucket: 'creds-test', refreshSTSTokenInterval: 1e9, refreshSTSToken: async () => ({ accessKeyId: issued[0]!.accessKeyId, accessKeySecret: issued[0]!.accessKeySecret, stsToken: issued[0]!.securityToken! }) } as OSS.Options);
      (pinned as unknown as { options: { amendTimeSkewed: number } }).options.amendTimeSkewed = emu.clock.offsetMs;
      await expect(pinned.head('big.bin')).rejects.toMatchObject({ status: 403 });
    } finally {
      emu.clock.offsetMs = 0;
    }
    p.dispose();
  });
});

describe('OIDC role (AssumeRoleWithOIDC, anonymous)', () => {
  const PROVIDER = 'acs:ram::1000000000000001:oidc-provider/sandbox-oidc';
  /** A token as the cluster mounts it; `exp` counts from the emulator's (shifted) clock. */
  const jwt = (sub: string, validSeconds = 600) => {
    const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const exp = Math.floor((Date.now() + emu.clock.offsetMs) / 1000) + validSeconds;
    return `${part({ alg: 'RS256', typ: 'JWT' })}.${part({ iss: 'https://oidc.emulator.local', aud: 'sts.aliyuncs.com', sub, exp })}.c2lnbmF0dXJl`;
  };

  it('gets credentials, lists buckets through the client factory, and refreshes before expiry re-reading the rotated token file', async () => {
    const tokenFile = join(dir, 'rotating-token');
    await writeFile(tokenFile, jwt('system:serviceaccount:ns:pod-1'));
    const clock = new ManualClock(Date.now());
    const events: CredentialEvent[] = [];
    const waiters: Array<() => void> = [];
    const nextEvent = () => new Promise<void>((resolve) => waiters.push(resolve));
    const env = { ALIBABA_CLOUD_ROLE_ARN: ROLE, ALIBABA_CLOUD_OIDC_PROVIDER_ARN: PROVIDER, ALIBABA_CLOUD_OIDC_TOKEN_FILE: tokenFile, ALIBABA_CLOUD_ROLE_SESSION_NAME: 'rrsa-pod', ALIBABA_CLOUD_STS_ENDPOINT: emu.stsEndpoint };
    const p = providerFor({ type: 'environment' }, { env, clock, listener: (e) => (events.push(e), waiters.shift()?.()) }) as RefreshingProvider;
    expect(p.type).toBe('oidc-role');
    const moveClocks = async (ms: number) => {
      emu.clock.offsetMs += ms;
      await clock.advance(ms);
    };
    try {
      const first = await p.getCredentials();
      expect(first.accessKeyId).toMatch(/^STS\./);
      expect(first.securityToken).toBeTruthy();
      // 3600 s asked; the sandbox role allows at most that, the session lasts it.
      expect(Math.round((first.expiration!.getTime() - clock.now()) / 1000)).toBeGreaterThan(3500);
      const client = await factoryFor(p, clock).forService('p-oidc-role');
      const names = async () => ((await client.listBuckets({}, {})) as unknown as { buckets: Array<{ name: string }> }).buckets.map((b) => b.name);
      expect(await names()).toContain('creds-test');

      // Past the refresh point (55 min: 5 min before the 60 min expiry) the first token
      // (10 min) is long expired: a refresh that did not re-read the file fails.
      let event = nextEvent();
      await moveClocks(56 * 60_000);
      await event;
      expect(events.at(-1)).toMatchObject({ kind: 'refresh-failed', error: { code: 'AuthenticationFail.OIDCToken.Expired' } });
      // The old session is still valid: requests keep working while the refresh retries.
      expect(await names()).toContain('creds-test');

      // The cluster rotates the token; the backoff retry (1 s) reads the new one.
      await writeFile(tokenFile, jwt('system:serviceaccount:ns:pod-1'));
      event = nextEvent();
      await moveClocks(1_000);
      await event;
      expect(events.at(-1)).toMatchObject({ kind: 'refreshed', refreshCount: 2 });
      const second = await p.getCredentials();
      expect(second.accessKeyId).not.toBe(first.accessKeyId);
      expect(second.expiration!.getTime()).toBeGreaterThan(first.expiration!.getTime());
      expect(p.sourceCalls).toBe(3);

      // The first session has now expired at the emulator: the same client lists with the new one.
      await moveClocks(5 * 60_000);
      expect(clock.now()).toBeGreaterThan(first.expiration!.getTime());
      expect(await names()).toContain('creds-test');
      expect(p.sourceCalls).toBe(3);
    } finally {
      emu.clock.offsetMs = 0;
      p.dispose();
    }
  });

  it('explains a missing token file, an expired token, an unknown provider and a role that does not trust it, never echoing the token', async () => {
    const tokenFile = join(dir, 'oidc-token');
    const source = (over: Partial<Parameters<typeof oidcRoleSource>[0]> = {}) =>
      oidcRoleSource({ roleArn: ROLE, oidcProviderArn: PROVIDER, oidcTokenFile: tokenFile, sessionName: 'rrsa-test', durationSeconds: 900, stsEndpoint: emu.stsEndpoint, ...over });
    const fail = (over: Partial<Parameters<typeof oidcRoleSource>[0]> = {}) => source(over)().then(() => undefined, (e: unknown) => e as { code: string; message: string; hint: string });

    expect(await fail({ oidcTokenFile: join(dir, 'no-such-token') })).toMatchObject({ code: 'OidcTokenFileUnreadable', message: expect.not.stringMatching(/ENOENT|\/|\\\\/), hint: expect.stringMatching(/ALIBABA_CLOUD_OIDC_TOKEN_FILE/) });

    const expired = jwt('system:serviceaccount:ns:old', -60);
    await writeFile(tokenFile, expired);
    const err = await fail();
    expect(err).toMatchObject({ code: 'AuthenticationFail.OIDCToken.Expired', hint: expect.stringMatching(/rotates/) });
    expect(JSON.stringify(err) + String((err as { message: string }).message)).not.toContain(expired.split('.')[1]!);

    await writeFile(tokenFile, jwt('system:serviceaccount:ns:app'));
    expect(await fail({ oidcProviderArn: 'acs:ram::1000000000000001:oidc-provider/ack' })).toMatchObject({ code: 'EntityNotExist.OIDCProvider', hint: expect.stringMatching(/OIDC provider ARN/) });
    expect(await fail({ roleArn: 'acs:ram::1000000000000001:role/sandbox-readonly' })).toMatchObject({ code: 'NoPermission', hint: expect.stringMatching(/trust policy must trust the OIDC provider/) });
    expect((await source()()).accessKeyId).toMatch(/^STS\./);
  });
});
