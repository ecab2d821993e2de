/** STS GetCallerIdentity signed with ali-oss's own RPC signer, for account, RAM user and STS callers. */
import OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ memory: true, port: 0 });
});
afterAll(async () => {
  await emu?.close();
});

interface Key {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
}

async function rpc(key: Key, action: string, extra: Record<string, string> = {}, at = new Date()) {
  const params: Record<string, string> = {
    Action: action,
    Format: 'JSON',
    Version: '2015-04-01',
    AccessKeyId: key.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: String(Math.random()),
    Timestamp: at.toISOString(),
    ...extra,
  };
  if (key.securityToken) params.SecurityToken = key.securityToken;
  const signer = new OSS.STS({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret } as never) as unknown as {
    _getSignature(method: string, p: Record<string, string>, secret: string): string;
  };
  params.Signature = signer._getSignature('POST', params, key.accessKeySecret);
  const res = await fetch(emu.stsEndpoint, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params).toString() });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const named = (name: string): Key => emu.accounts.find((k) => k.name === name)!;

describe('GetCallerIdentity', () => {
  it('names the account and the RAM user', async () => {
    const account = await rpc(named('sandbox'), 'GetCallerIdentity');
    expect(account.body).toMatchObject({ IdentityType: 'Account', AccountId: '1000000000000001', Arn: 'acs:ram::1000000000000001:root' });
    const user = await rpc(named('photos-reader'), 'GetCallerIdentity');
    expect(user.body).toMatchObject({ IdentityType: 'RAMUser', Arn: 'acs:ram::1000000000000001:user/photos-reader' });
  });

  it('names an assumed role for STS credentials and checks their token and expiry', async () => {
    const assumed = await rpc(named('sandbox'), 'AssumeRole', { RoleArn: 'acs:ram::1000000000000001:role/sandbox-role', RoleSessionName: 'who-am-i', DurationSeconds: '900' });
    const c = assumed.body.Credentials as { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string };
    const key = { accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, securityToken: c.SecurityToken };
    const me = await rpc(key, 'GetCallerIdentity');
    expect(me.body).toMatchObject({ IdentityType: 'AssumedRoleUser', Arn: 'acs:ram::1000000000000001:assumed-role/sandbox-role/who-am-i' });
    expect((await rpc({ ...key, securityToken: 'CAISforged' }, 'GetCallerIdentity')).body.Code).toBe('InvalidSecurityToken.MismatchWithAccessKey');
    emu.clock.offsetMs = 901_000;
    try {
      const late = await rpc(key, 'GetCallerIdentity', {}, new Date(Date.now() + 901_000));
      expect([late.status, late.body.Code]).toEqual([400, 'InvalidSecurityToken.Expired']);
    } finally {
      emu.clock.offsetMs = 0;
    }
    const chained = await rpc(key, 'AssumeRole', { RoleArn: 'acs:ram::1000000000000001:role/sandbox-readonly', RoleSessionName: 'chain', DurationSeconds: '900' });
    expect([chained.status, chained.body.Code]).toEqual([403, 'NoPermission']);
  });
});
