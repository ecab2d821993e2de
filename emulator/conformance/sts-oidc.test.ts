/** STS AssumeRoleWithOIDC (anonymous form POST, as RRSA clients send it) against the sandbox OIDC provider. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index';
import { aliClient } from './auth-clients';

let emu: RunningEmulator;
const ROLE = 'acs:ram::1000000000000001:role/sandbox-role';
const PROVIDER = 'acs:ram::1000000000000001:oidc-provider/sandbox-oidc';

beforeAll(async () => {
  emu = await startEmulator({ memory: true, port: 0 });
  await aliClient(emu, { credentials: emu.accounts[0]!, v4: true }).putBucket('oidc-bucket');
});
afterAll(async () => {
  await emu?.close();
});

function jwt(claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

const valid = () => ({ iss: 'https://oidc.emulator.local', aud: 'sts.aliyuncs.com', sub: 'system:serviceaccount:ns:app', exp: Math.floor(Date.now() / 1000) + 600 });

async function assume(token: string, overrides: Record<string, string> = {}) {
  const params = new URLSearchParams({
    Action: 'AssumeRoleWithOIDC',
    Format: 'JSON',
    Version: '2015-04-01',
    Timestamp: new Date().toISOString(),
    RoleArn: ROLE,
    OIDCProviderArn: PROVIDER,
    OIDCToken: token,
    RoleSessionName: 'rrsa',
    DurationSeconds: '900',
    ...overrides,
  });
  const res = await fetch(emu.stsEndpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: params.toString() });
  return { status: res.status, body: (await res.json()) as { Code?: string; OIDCTokenInfo?: unknown; Credentials?: unknown } };
}

describe('AssumeRoleWithOIDC', () => {
  it('exchanges a fitting OIDC token for STS credentials that work on OSS', async () => {
    const { status, body } = await assume(jwt(valid()));
    expect(status).toBe(200);
    expect(body.OIDCTokenInfo).toEqual({ Subject: 'system:serviceaccount:ns:app', Issuer: 'https://oidc.emulator.local', ClientIds: 'sts.aliyuncs.com' });
    const c = body.Credentials as { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string };
    expect(c.AccessKeyId).toMatch(/^STS\./);
    const client = aliClient(emu, { credentials: { accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, stsToken: c.SecurityToken }, v4: true, bucket: 'oidc-bucket' });
    await client.put('from-pod.txt', Buffer.from('pod'));
    expect((await client.get('from-pod.txt')).content.toString()).toBe('pod');
  });

  it('rejects wrong issuer, audience, expired or malformed tokens, unknown providers and untrusting roles', async () => {
    const cases: Array<[string, Record<string, string>, number, string]> = [
      [jwt({ ...valid(), iss: 'https://evil' }), {}, 400, 'AuthenticationFail.OIDCToken.Invalid'],
      [jwt({ ...valid(), aud: ['other'] }), {}, 400, 'AuthenticationFail.OIDCToken.Invalid'],
      [jwt({ ...valid(), exp: Math.floor(Date.now() / 1000) - 1 }), {}, 400, 'AuthenticationFail.OIDCToken.Expired'],
      ['not-a-jwt', {}, 400, 'AuthenticationFail.OIDCToken.Invalid'],
      [jwt(valid()), { OIDCProviderArn: 'acs:ram::1:oidc-provider/ack' }, 404, 'EntityNotExist.OIDCProvider'],
      [jwt(valid()), { RoleArn: 'acs:ram::1000000000000001:role/sandbox-readonly' }, 403, 'NoPermission'],
      [jwt(valid()), { DurationSeconds: '100' }, 400, 'InvalidParameter.DurationSeconds'],
    ];
    for (const [token, overrides, status, code] of cases) {
      const res = await assume(token, overrides);
      expect([res.status, res.body.Code]).toEqual([status, code]);
      expect(JSON.stringify(res.body)).not.toContain(token.split('.')[1] ?? token);
    }
  });
});
