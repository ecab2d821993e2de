/**
 * RAM policies from a custom config: write rights on a prefix, explicit Deny, per-key checks
 * in DeleteMultipleObjects, a RAM user allowed to assume a role, and config validation.
 */
import OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index';
import type { IamConfigInput } from '../config';
import { aliClient, aliError, rawRequest, xmlField } from './auth-clients';

const config: IamConfigInput = {
  accounts: [
    {
      id: '2000000000000001',
      name: 'team',
      accessKeys: [{ id: 'LTAIteamOwnerKey', secret: 'team-owner-secret' }],
      users: [
        {
          name: 'uploader',
          accessKeys: [{ id: 'LTAIuploaderKey', secret: 'uploader-secret' }],
          policies: [
            {
              Statement: [
                { Effect: 'Allow', Action: ['oss:PutObject', 'oss:GetObject', 'oss:DeleteObject'], Resource: 'acs:oss:*:*:shared/inbox/*' },
                { Effect: 'Deny', Action: 'oss:*', Resource: 'acs:oss:*:*:shared/inbox/locked/*' },
                { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'acs:ram::2000000000000001:role/reader' },
              ],
            },
          ],
        },
      ],
      roles: [{ name: 'reader', maxSessionDuration: 7200, policies: [{ Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Resource: '*' }] }] }],
    },
  ],
};

let emu: RunningEmulator;
const ownerKey = { accessKeyId: 'LTAIteamOwnerKey', accessKeySecret: 'team-owner-secret' };
const uploaderKey = { accessKeyId: 'LTAIuploaderKey', accessKeySecret: 'uploader-secret' };

beforeAll(async () => {
  emu = await startEmulator({ memory: true, port: 0, config });
  await aliClient(emu, { credentials: ownerKey, v4: true }).putBucket('shared');
  await aliClient(emu, { credentials: ownerKey, v4: true, bucket: 'shared' }).put('outbox/o.txt', Buffer.from('o'));
});
afterAll(async () => {
  await emu?.close();
});

describe('custom RAM policies', () => {
  it('reports the configured identities', () => {
    expect(emu.accounts.map((k) => [k.kind, k.name])).toEqual([['account', 'team'], ['ram-user', 'uploader']]);
    expect(emu.roles).toEqual(['acs:ram::2000000000000001:role/reader']);
  });

  it('allows writes under the granted prefix only, and an explicit Deny beats the Allow', async () => {
    const client = aliClient(emu, { credentials: uploaderKey, v4: true, bucket: 'shared' });
    await client.put('inbox/a.txt', Buffer.from('a'));
    expect((await client.get('inbox/a.txt')).content.toString()).toBe('a');
    expect((await aliError(client.put('outbox/a.txt', Buffer.from('a')))).code).toBe('AccessDenied');
    const url = await client.signatureUrlV4('PUT', 60, { headers: {} }, 'inbox/locked/x.txt');
    const denied = await rawRequest(url, { method: 'PUT', body: 'x' });
    expect([denied.status, xmlField(denied.text, 'NoPermissionType'), xmlField(denied.text, 'EC')]).toEqual([403, 'ExplicitDeny', '0003-00000201']);
  });

  it('checks every key of a multi-delete against the policy', async () => {
    const client = aliClient(emu, { credentials: uploaderKey, v4: false, bucket: 'shared' });
    await client.put('inbox/b.txt', Buffer.from('b'));
    expect((await aliError(client.deleteMulti(['inbox/b.txt', 'outbox/o.txt']))).code).toBe('AccessDenied');
    expect((await aliClient(emu, { credentials: ownerKey, v4: false, bucket: 'shared' }).get('outbox/o.txt')).content.toString()).toBe('o');
    await client.deleteMulti(['inbox/b.txt'], { quiet: true });
    await expect(client.head('inbox/b.txt')).rejects.toMatchObject({ status: 404 });
  });

  it('lets a RAM user with sts:AssumeRole assume the role it names', async () => {
    const sts = new OSS.STS({ ...uploaderKey, endpoint: emu.stsEndpoint } as never);
    const { credentials } = await sts.assumeRole('acs:ram::2000000000000001:role/reader', undefined as never, 7200, 'uploader-session');
    const c = credentials as { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string };
    const asRole = aliClient(emu, { credentials: { accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, stsToken: c.SecurityToken }, v4: true, bucket: 'shared' });
    expect((await asRole.get('outbox/o.txt')).content.toString()).toBe('o');
    expect((await aliError(asRole.put('inbox/c.txt', Buffer.from('c')))).code).toBe('AccessDenied');
  });

  it('refuses an invalid config with a readable message', async () => {
    await expect(startEmulator({ memory: true, config: { accounts: [{ id: 'not-digits', name: 'x' }] } as IamConfigInput })).rejects.toThrow(/Invalid emulator config/);
  });
});
