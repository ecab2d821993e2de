/**
 * STS as ali-oss's `STS` class calls it, and the credentials it issues used by ali-oss on
 * the OSS side until they expire; plus the credentials-URI and ECS metadata endpoints.
 */
import OSS from 'ali-oss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index';
import { aliClient, aliError, rawRequest, xmlField, type Credentials } from './auth-clients';

let emu: RunningEmulator;
const bucket = 'sts-bucket';
const ROLE = 'acs:ram::1000000000000001:role/sandbox-role';
const READONLY = 'acs:ram::1000000000000001:role/sandbox-readonly';

beforeAll(async () => {
  emu = await startEmulator({ memory: true, port: 0 });
  await aliClient(emu, { credentials: emu.accounts[0]!, v4: true }).putBucket(bucket);
  await aliClient(emu, { credentials: emu.accounts[0]!, v4: true, bucket }).put('k.txt', Buffer.from('k'));
});
afterAll(async () => {
  await emu?.close();
});
afterEach(() => {
  emu.clock.offsetMs = 0;
});

const key = (name: string) => emu.accounts.find((k) => k.name === name)!;
const sts = (name = 'sandbox', secret?: string) =>
  new OSS.STS({ accessKeyId: key(name).accessKeyId, accessKeySecret: secret ?? key(name).accessKeySecret, endpoint: emu.stsEndpoint } as never);

interface StsCreds {
  AccessKeyId: string;
  AccessKeySecret: string;
  SecurityToken: string;
  Expiration: string;
}
const asCredentials = (c: StsCreds): Credentials => ({ accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, stsToken: c.SecurityToken });

describe('AssumeRole through ali-oss STS', () => {
  it('issues STS.* credentials that work with V1 and V4 signing until they expire', async () => {
    const before = Date.now();
    const { credentials, res } = (await sts().assumeRole(ROLE, undefined as never, 900, 'tester')) as unknown as { credentials: StsCreds; res: { status: number } };
    const c = credentials as StsCreds;
    expect(res.status).toBe(200);
    expect(c.AccessKeyId).toMatch(/^STS\./);
    expect(c.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(c.Expiration) - before).toBeGreaterThan(899_000);
    expect(Date.parse(c.Expiration) - before).toBeLessThanOrEqual(901_000);
    for (const v4 of [false, true]) {
      const client = aliClient(emu, { credentials: asCredentials(c), v4, bucket });
      await client.put(`by-sts-${v4}.txt`, Buffer.from('sts'));
      expect((await client.get(`by-sts-${v4}.txt`)).content.toString()).toBe('sts');
    }
    // Past the expiry (client clock moved along, as ali-oss's amendTimeSkewed does, so skew is not the failure).
    emu.clock.offsetMs = 901_000;
    for (const v4 of [false, true]) {
      const client = aliClient(emu, { credentials: asCredentials(c), v4, bucket });
      (client as unknown as { options: { amendTimeSkewed: number } }).options.amendTimeSkewed = 901_000;
      const err = await aliError(client.get('k.txt'));
      expect([err.status, err.code]).toEqual([403, 'SecurityTokenExpired']);
    }
    const url = aliClient(emu, { credentials: asCredentials(c), v4: false, bucket }).signatureUrl('k.txt', { expires: 3600 });
    expect(new URL(url).searchParams.get('security-token')).toBe(c.SecurityToken);
    expect(xmlField((await rawRequest(url)).text, 'Code')).toBe('SecurityTokenExpired');
  });

  it('signs presigned V4 URLs with the token, in virtual-host style too', async () => {
    const c = (await sts().assumeRole(ROLE, undefined as never, 900, 'url-maker')).credentials as StsCreds;
    const client = aliClient(emu, { credentials: asCredentials(c), v4: true, style: 'vhost', bucket });
    const url = await client.signatureUrlV4('GET', 600, { headers: {} }, 'k.txt');
    expect(new URL(url).searchParams.get('x-oss-security-token')).toBe(c.SecurityToken);
    expect(new URL(url).hostname).toBe(`${bucket}.localhost`);
    expect((await rawRequest(url)).text).toBe('k');
    const forged = new URL(url);
    forged.searchParams.set('x-oss-security-token', 'CAISforged');
    expect(xmlField((await rawRequest(forged.toString())).text, 'Code')).toBe('InvalidSecurityToken');
  });

  it('rejects a forged security token and an STS key without its token', async () => {
    const c = (await sts().assumeRole(ROLE, undefined as never, 900, 'forger')).credentials as StsCreds;
    const forged = aliClient(emu, { credentials: { ...asCredentials(c), stsToken: `${c.SecurityToken}x` }, v4: true, bucket });
    expect((await aliError(forged.get('k.txt'))).code).toBe('InvalidSecurityToken');
    const noToken = aliClient(emu, { credentials: { accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret }, v4: true, bucket });
    expect((await aliError(noToken.get('k.txt'))).code).toBe('InvalidAccessKeyId');
  });

  it('intersects the inline policy with the role policy', async () => {
    const policy = { Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Resource: [`acs:oss:*:*:${bucket}/*`] }] };
    const c = (await sts().assumeRole(ROLE, policy as never, 900, 'narrowed')).credentials as StsCreds;
    const client = aliClient(emu, { credentials: asCredentials(c), v4: true, bucket });
    expect((await client.get('k.txt')).content.toString()).toBe('k');
    expect((await aliError(client.put('new.txt', Buffer.from('x')))).code).toBe('AccessDenied');
    const readonly = (await sts().assumeRole(READONLY, undefined as never, 900, 'ro')).credentials as StsCreds;
    const ro = aliClient(emu, { credentials: asCredentials(readonly), v4: false, bucket });
    expect((await ro.get('k.txt')).content.toString()).toBe('k');
    expect((await aliError(ro.put('new.txt', Buffer.from('x')))).code).toBe('AccessDenied');
  });

  it('bounds DurationSeconds to 900..the role maximum', async () => {
    expect((await aliError(sts().assumeRole(ROLE, undefined as never, 899, 'session'))).code).toBe('InvalidParameter.DurationSeconds');
    expect((await aliError(sts().assumeRole(ROLE, undefined as never, 43201, 'session'))).code).toBe('InvalidParameter.DurationSeconds');
    expect((await aliError(sts().assumeRole(READONLY, undefined as never, 3601, 'session'))).code).toBe('InvalidParameter.DurationSeconds');
    const c = (await sts().assumeRole(ROLE, undefined as never, 43200, 'session')).credentials as StsCreds;
    expect(Date.parse(c.Expiration) - Date.now()).toBeGreaterThan(43_190_000);
  });

  it('refuses a bad signature, unknown keys, callers without permission and unknown roles', async () => {
    const bad = await aliError(sts('sandbox', 'wrong-secret').assumeRole(ROLE, undefined as never, 900, 'session'));
    expect([bad.status, bad.code]).toEqual([400, 'SignatureDoesNotMatch']);
    expect(bad.requestId).toMatch(/^[0-9A-F-]{36}$/);
    const unknown = new OSS.STS({ accessKeyId: 'LTAInobody', accessKeySecret: 'x', endpoint: emu.stsEndpoint } as never);
    expect((await aliError(unknown.assumeRole(ROLE, undefined as never, 900, 'session'))).code).toBe('InvalidAccessKeyId.NotFound');
    expect((await aliError(sts('photos-reader').assumeRole(ROLE, undefined as never, 900, 'session'))).code).toBe('NoPermission');
    expect((await aliError(sts('other-account').assumeRole(ROLE, undefined as never, 900, 'session'))).code).toBe('NoPermission');
    expect((await aliError(sts().assumeRole('acs:ram::1000000000000001:role/nope', undefined as never, 900, 'session'))).code).toBe('EntityNotExist.Role');
    expect((await aliError(sts().assumeRole(ROLE, '{"Statement":"nope"}' as never, 900, 'session'))).code).toBe('InvalidParameter.PolicyGrammar');
    expect((await aliError(sts().assumeRole(ROLE, undefined as never, 900, 'x'))).code).toBe('InvalidParameter.RoleSessionName');
  });
});

describe('credential provider endpoints', () => {
  it('serves fresh short-lived role credentials at the credentials URI', async () => {
    const res = await rawRequest(emu.credentialsUriEndpoint);
    const body = JSON.parse(res.text) as StsCreds & { Code: string };
    expect(body.Code).toBe('Success');
    expect(Date.parse(body.Expiration) - Date.now()).toBeLessThanOrEqual(900_000);
    const again = JSON.parse((await rawRequest(emu.credentialsUriEndpoint)).text) as StsCreds;
    expect(again.AccessKeyId).not.toBe(body.AccessKeyId);
    const client = aliClient(emu, { credentials: asCredentials(body), v4: true, bucket });
    expect((await client.get('k.txt')).content.toString()).toBe('k');
  });

  it('issues provider credentials with the lifetime startEmulator asks for', async () => {
    const short = await startEmulator({ memory: true, port: 0, providerCredentialSeconds: 5 });
    try {
      const body = JSON.parse((await rawRequest(short.credentialsUriEndpoint)).text) as StsCreds;
      expect(Date.parse(body.Expiration) - Date.now()).toBeLessThanOrEqual(5_000);
      await aliClient(short, { credentials: short.accounts[0]!, v4: true }).putBucket('short-lived');
      const client = aliClient(short, { credentials: asCredentials(body), v4: false, bucket: 'short-lived' });
      expect((await client.list({ 'max-keys': 1 }, {})).res.status).toBe(200);
      const url = client.signatureUrl('k', { expires: 3600 });
      short.clock.offsetMs = 6_000;
      expect(xmlField((await rawRequest(url)).text, 'Code')).toBe('SecurityTokenExpired');
    } finally {
      await short.close();
    }
  });

  it('serves an ECS metadata service with the role name, its credentials and IMDSv2 tokens', async () => {
    const base = `${emu.ecsMetadataEndpoint}/latest/meta-data/ram/security-credentials/`;
    const list = await rawRequest(base);
    expect([list.status, list.text]).toEqual([200, 'sandbox-role']);
    const creds = JSON.parse((await rawRequest(`${base}sandbox-role`)).text) as StsCreds & { Code: string; LastUpdated: string };
    expect(creds.Code).toBe('Success');
    expect(creds.LastUpdated).toMatch(/Z$/);
    expect((await aliClient(emu, { credentials: asCredentials(creds), v4: false, bucket }).get('k.txt')).content.toString()).toBe('k');
    expect((await rawRequest(`${base}other-role`)).status).toBe(404);
    const token = await rawRequest(`${emu.ecsMetadataEndpoint}/latest/api/token`, { method: 'PUT', headers: { 'X-aliyun-ecs-metadata-token-ttl-seconds': '60' } });
    expect(token.status).toBe(200);
    expect((await rawRequest(base, { headers: { 'X-aliyun-ecs-metadata-token': token.text } })).status).toBe(200);
    expect((await rawRequest(base, { headers: { 'X-aliyun-ecs-metadata-token': 'bogus' } })).status).toBe(401);
  });
});
