/**
 * Temporary access against the emulator's STS and RAM: each permission set lets the holder
 * of the access code do exactly its operations inside bucket/prefix (everything else
 * AccessDenied), the code expires with the token, and STS's usual refusals each come back
 * with their own code and hint.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeAccessCode } from '../../../shared/access-code';
import { parseOssBrowserCode } from '../../../shared/oss-browser-code';
import type { GrantPermission } from '../../../shared/contract/share';
import { GrantService, type GrantCaller } from './grant-service';
import { GrantSettingsStore } from './grant-settings-store';
import { grantErrorHints } from './grant-sts';
import { SANDBOX_CONFIG } from '../../../emulator/config';
import { accountProvider, startShareEmulator, type ShareEmulator } from '../../test-support/share-emulator';

const ROLE = 'acs:ram::1000000000000001:role/sandbox-role';
const READONLY_ROLE = 'acs:ram::1000000000000001:role/sandbox-readonly';

type Outcome = 'ok' | 'denied';
interface Matrix {
  listIn: Outcome;
  readIn: Outcome;
  putIn: Outcome;
  deleteIn: Outcome;
}

const EXPECTED: Record<GrantPermission, Matrix> = {
  read: { listIn: 'ok', readIn: 'ok', putIn: 'denied', deleteIn: 'denied' },
  upload: { listIn: 'ok', readIn: 'denied', putIn: 'ok', deleteIn: 'denied' },
  'read-write': { listIn: 'ok', readIn: 'ok', putIn: 'ok', deleteIn: 'denied' },
  'read-write-delete': { listIn: 'ok', readIn: 'ok', putIn: 'ok', deleteIn: 'ok' },
};

async function outcome(work: Promise<unknown>): Promise<Outcome | string> {
  try {
    await work;
    return 'ok';
  } catch (err) {
    const code = (err as { code?: string }).code;
    return code === 'AccessDenied' ? 'denied' : `error:${code}`;
  }
}

describe('temporary access grants', () => {
  let fx: ShareEmulator;
  const bucket = 'grants';
  const remembered: string[] = [];

  beforeAll(async () => {
    // The sandbox identities plus a RAM user in the second account that may call sts:AssumeRole (the role does not trust that account).
    const config = {
      ...SANDBOX_CONFIG,
      accounts: SANDBOX_CONFIG.accounts.map((a) =>
        a.name === 'other-account'
          ? { ...a, users: [...a.users, { name: 'partner-user', accessKeys: [{ id: 'LTAI5tPartnerUserKey0001', secret: 'PartnerUserDemoSecretForTheEmulatorOnly01' }], policies: [{ Version: '1', Statement: [{ Effect: 'Allow' as const, Action: 'sts:AssumeRole', Resource: '*' }] }] }] }
          : a,
      ),
    };
    fx = await startShareEmulator({ config });
    await fx.createBucket(bucket);
    await fx.seed(bucket, [
      { key: 'incoming/existing.txt', body: 'inside' },
      { key: 'other/secret.txt', body: 'outside' },
      ...Object.keys(EXPECTED).map((p) => ({ key: `incoming/delete-me-${p}.txt`, body: 'x' })),
    ]);
  });
  afterAll(async () => fx?.close());
  afterEach(() => fx.setClockOffset(0));

  const service = (caller: GrantCaller = { supported: true, ...fx.account, stsEndpoint: fx.emu.stsEndpoint }) =>
    new GrantService({
      callerFor: async () => caller,
      sessions: fx.sessions(fx.session(accountProvider(fx))),
      settings: new GrantSettingsStore(undefined),
      remember: (e) => remembered.push(`${e.kind}:${e.key}`),
    });

  for (const permission of Object.keys(EXPECTED) as GrantPermission[]) {
    it(`"${permission}" on ${bucket}/incoming/ allows exactly its operations there, and expires`, async () => {
      const grant = await service().grant({ profileId: 'p', bucket, prefix: 'incoming', permission, durationSeconds: 900, roleArn: ROLE });
      const code = decodeAccessCode(grant.accessCode);
      expect(code).toMatchObject({ bucket, prefix: 'incoming/', region: fx.emu.region, endpoint: fx.emu.endpoint });
      expect(grant.fields.accessKeyId).toMatch(/^STS\./);
      expect(JSON.parse(grant.policy).Statement[0].Resource).toEqual([`acs:oss:*:*:${bucket}/incoming/*`]);
      const holder = fx.client(bucket, { accessKeyId: code.accessKeyId, accessKeySecret: code.accessKeySecret, stsToken: code.securityToken });
      const want = EXPECTED[permission];
      const got = {
        listIn: await outcome(holder.listV2({ prefix: 'incoming/', delimiter: '/', 'max-keys': '100' }, {})),
        readIn: await outcome(holder.get('incoming/existing.txt')),
        putIn: await outcome(holder.put(`incoming/new-${permission}.txt`, Buffer.from('new'))),
        deleteIn: await outcome(holder.delete(`incoming/delete-me-${permission}.txt`)),
      };
      expect(got).toEqual(want);
      // Outside the prefix nothing works, whatever the permission.
      expect(await outcome(holder.listV2({ prefix: 'other/', delimiter: '/', 'max-keys': '100' }, {}))).toBe('denied');
      expect(await outcome(holder.listV2({ delimiter: '/', 'max-keys': '100' }, {}))).toBe('denied');
      expect(await outcome(holder.get('other/secret.txt'))).toBe('denied');
      expect(await outcome(holder.put('other/planted.txt', Buffer.from('x')))).toBe('denied');
      expect(await outcome(holder.put('incoming-not-really/x.txt', Buffer.from('x')))).toBe('denied');
      expect(await outcome(holder.delete('other/secret.txt'))).toBe('denied');
      // After the session's 900 s the code opens nothing.
      fx.setClockOffset(901_000);
      // The holder's clock is right too (ali-oss dates requests with Date.now() + amendTimeSkewed).
      (holder as unknown as { options: { amendTimeSkewed: number } }).options.amendTimeSkewed = 901_000;
      const late = await outcome(holder.listV2({ prefix: 'incoming/', delimiter: '/', 'max-keys': '100' }, {}));
      expect(late).toMatch(/error:(SecurityTokenExpired|InvalidAccessKeyId)/);
    });
  }

  it('exports the same grant as an oss-browser code', async () => {
    const grant = await service().grant({ profileId: 'p', bucket, prefix: 'incoming/', permission: 'read', durationSeconds: 900, roleArn: ROLE });
    const parsed = parseOssBrowserCode(grant.ossBrowserCode);
    expect(parsed).toMatchObject({ kind: 'grant', code: { id: grant.fields.accessKeyId, stoken: grant.fields.securityToken, osspath: `oss://${bucket}/incoming/`, privilege: 'readOnly', region: fx.emu.region } });
    expect(remembered).toContain('access-code:incoming/');
  });

  it('refuses a policy STS would reject as too long, before calling STS', async () => {
    const svc = service({ supported: true, ...fx.account, stsEndpoint: 'http://127.0.0.1:1' });
    await expect(svc.grant({ profileId: 'p', bucket, prefix: `${'deep/'.repeat(200)}`, permission: 'read-write-delete', durationSeconds: 900, roleArn: ROLE })).rejects.toMatchObject({
      code: 'SharePolicyTooLong',
      hint: grantErrorHints.SharePolicyTooLong,
    });
  });

  it('says when the RAM user may not assume roles', async () => {
    const reader = fx.key('photos-reader');
    await expect(service({ supported: true, ...reader, stsEndpoint: fx.emu.stsEndpoint }).grant({ profileId: 'p', bucket, prefix: 'incoming/', permission: 'read', durationSeconds: 900, roleArn: ROLE })).rejects.toMatchObject({
      code: 'ShareNoAssumeRolePermission',
      hint: grantErrorHints.ShareNoAssumeRolePermission,
      requestId: expect.any(String),
    });
  });

  it('says when the role does not trust the caller’s account', async () => {
    const partner = fx.key('partner-user');
    await expect(service({ supported: true, ...partner, stsEndpoint: fx.emu.stsEndpoint }).grant({ profileId: 'p', bucket, prefix: 'incoming/', permission: 'read', durationSeconds: 900, roleArn: ROLE })).rejects.toMatchObject({
      code: 'ShareRoleNotTrusted',
      hint: grantErrorHints.ShareRoleNotTrusted,
    });
  });

  it("says when the profile uses an Alibaba Cloud account's own keys (STS lets no root keys assume a role)", async () => {
    // The emulator lets its sandbox account's own keys assume roles (so the sandbox can share at once); STS refuses every
    // account's keys with NoPermission. A refused root caller (another account here) gets the "use a RAM user" hint.
    const root = fx.key('other-account');
    await expect(service({ supported: true, ...root, stsEndpoint: fx.emu.stsEndpoint }).grant({ profileId: 'p', bucket, prefix: 'incoming/', permission: 'read', durationSeconds: 900, roleArn: ROLE })).rejects.toMatchObject({
      code: 'ShareRootAccountKeys',
      hint: grantErrorHints.ShareRootAccountKeys,
      message: expect.stringMatching(/NoPermission/),
    });
  });

  it("says when the duration is above the role's maximum, and when the role does not exist", async () => {
    await expect(service().grant({ profileId: 'p', bucket, prefix: 'incoming/', permission: 'read', durationSeconds: 7200, roleArn: READONLY_ROLE })).rejects.toMatchObject({
      code: 'ShareDurationTooLong',
      message: expect.stringMatching(/1hr/),
    });
    await expect(service().grant({ profileId: 'p', bucket, prefix: 'incoming/', permission: 'read', durationSeconds: 900, roleArn: 'acs:ram::1000000000000001:role/nope' })).rejects.toMatchObject({
      code: 'ShareRoleNotFound',
    });
  });

  it('remembers the role that worked; refuses plain-HTTP STS off this computer; explains unsupported profiles', async () => {
    const settings = new GrantSettingsStore(undefined);
    const asked: string[] = [];
    const answers: boolean[] = [];
    const svc = new GrantService({
      callerFor: async () => ({ supported: true, ...fx.account, stsEndpoint: fx.emu.stsEndpoint }),
      sessions: fx.sessions(fx.session(accountProvider(fx))),
      settings,
      remember: () => undefined,
      // Main's own dialog (scripted): answers in order, "Cancel" when none is left.
      confirmHost: async (host) => (asked.push(host), answers.shift() ?? false),
    });
    expect(await svc.setup('p')).toEqual({ supported: true, stsEndpoint: fx.emu.stsEndpoint });
    await svc.grant({ profileId: 'p', bucket, prefix: '', permission: 'read', durationSeconds: 900, roleArn: ROLE });
    expect(await svc.setup('p')).toEqual({ supported: true, roleArn: ROLE, stsEndpoint: fx.emu.stsEndpoint });
    await expect(svc.grant({ profileId: 'p', bucket, prefix: '', permission: 'read', durationSeconds: 900, roleArn: ROLE, stsEndpoint: 'http://sts.example.com' })).rejects.toMatchObject({ code: 'ShareInvalidStsEndpoint' });
    await expect(svc.grant({ profileId: 'p', bucket, prefix: '', permission: 'read', durationSeconds: 900, roleArn: ROLE, stsEndpoint: 'https://169.254.169.254/' })).rejects.toMatchObject({ code: 'ShareInvalidStsEndpoint' });
    expect(asked).toEqual([]);
    // Another HTTPS host only with the user's word for it in main's dialog, by name, each time
    // until trusted (here it cannot be reached: the request fails after the check).
    for (let i = 0; i < 2; i++) {
      await expect(svc.grant({ profileId: 'p', bucket, prefix: '', permission: 'read', durationSeconds: 900, roleArn: ROLE, stsEndpoint: 'https://sts.private.example:1' })).rejects.toMatchObject({
        code: 'ShareStsHostNotConfirmed',
        hint: grantErrorHints.ShareStsHostNotConfirmed,
        host: 'sts.private.example:1',
        message: expect.not.stringContaining('sts.private.example'),
      });
    }
    expect(asked).toEqual(['sts.private.example:1', 'sts.private.example:1']);
    answers.push(true);
    await expect(svc.grant({ profileId: 'p', bucket, prefix: '', permission: 'read', durationSeconds: 900, roleArn: ROLE, stsEndpoint: 'https://sts.private.example:1' })).rejects.not.toMatchObject({ code: 'ShareStsHostNotConfirmed' });
    // Another port on this computer is not trusted by itself either: any local process could listen there.
    asked.length = 0;
    await expect(svc.grant({ profileId: 'p', bucket, prefix: '', permission: 'read', durationSeconds: 900, roleArn: ROLE, stsEndpoint: 'http://localhost:9/' })).rejects.toMatchObject({ code: 'ShareStsHostNotConfirmed' });
    expect(asked).toEqual(['localhost:9']);
    // The sandbox's STS port is new every start: its live address wins over one remembered from an earlier start, and is not remembered.
    const stale = new GrantSettingsStore(undefined);
    await stale.set('sandbox', { roleArn: ROLE, stsEndpoint: 'http://localhost:1/' });
    const live = new GrantService({
      callerFor: async () => ({ supported: true, ...fx.account, stsEndpoint: fx.emu.stsEndpoint, roleArn: ROLE, live: true }),
      sessions: fx.sessions(fx.session(accountProvider(fx))),
      settings: stale,
      remember: () => undefined,
    });
    expect(await live.setup('sandbox')).toEqual({ supported: true, roleArn: ROLE, stsEndpoint: fx.emu.stsEndpoint });
    await live.grant({ profileId: 'sandbox', bucket, prefix: '', permission: 'read', durationSeconds: 900, roleArn: ROLE, stsEndpoint: fx.emu.stsEndpoint });
    expect(await stale.get('sandbox')).toEqual({ roleArn: ROLE, stsEndpoint: 'http://localhost:1/' });
    const unsupported = service({ supported: false, reason: 'Pasted STS tokens cannot call AssumeRole.' });
    expect(await unsupported.setup('p')).toEqual({ supported: false, reason: 'Pasted STS tokens cannot call AssumeRole.' });
    await expect(unsupported.grant({ profileId: 'p', bucket, prefix: '', permission: 'read', durationSeconds: 900, roleArn: ROLE })).rejects.toMatchObject({ code: 'ShareUnsupportedProfile' });
  });
});
