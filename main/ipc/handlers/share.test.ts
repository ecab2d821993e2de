/**
 * The share channels through dispatch over a real AppContext and the in-memory sandbox:
 * schema bounds refuse bad input before any service runs, the sandbox profile can make
 * links and temporary access at once (its STS address and role pre-filled), the CSV goes
 * through the scripted save dialog, and no reply carries the profile's own secret.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeAccessCode } from '../../../shared/access-code';
import type { ProfileView } from '../../../shared/profile-types';
import type { Grant, GrantSetup, LinkBatch } from '../../../shared/contract/share';
import { createAppContext, type AppContext } from '../../app-context';
import { ScriptedDesktopHost } from '../../services/host/desktop-host';
import { createMemoryLogger } from '../../services/log/logger';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { dispatch } from '../dispatch';
import type { HandlerTable } from '../handler-types';
import { createHandlerTable } from './index';

describe('share channels through dispatch', () => {
  let dir: string;
  let ctx: AppContext;
  let table: HandlerTable;
  let sandbox: ProfileView;
  const host = new ScriptedDesktopHost();
  let secret: string;

  const ok = async <T>(channel: Parameters<typeof dispatch>[1], input: unknown): Promise<T> => {
    const r = await dispatch(table, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    expect(JSON.stringify(r.value)).not.toContain(secret);
    return r.value as T;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ipc-share-'));
    ctx = createAppContext({ userDataDir: dir, log: createMemoryLogger(), emit: () => undefined, openExternal: async () => undefined, secrets: new MemorySecretStore(), sandboxInMemory: true, host });
    table = createHandlerTable(ctx);
    sandbox = await ctx.profiles.startSandbox();
    secret = ((await ctx.profiles.service.preparePatch(sandbox.id, {})).prepared.credentials as { accessKeySecret: string }).accessKeySecret;
  });
  afterAll(async () => {
    await ctx?.profiles.close();
    await ctx?.previewServer.close();
    ctx?.browse.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses unbounded or malformed input before any service runs', async () => {
    const base = { profileId: sandbox.id, bucket: 'sandbox-docs', expiresSeconds: 60 };
    for (const input of [
      { ...base, keys: [] },
      { ...base, keys: Array.from({ length: 1001 }, (_, i) => `k${i}`) },
      { ...base, keys: ['x'.repeat(1024)] },
      { ...base, keys: ['a'], expiresSeconds: 0 },
      { ...base, bucket: 'Bad_Bucket', keys: ['a'] },
    ]) {
      const r = await dispatch(table, 'share:links', input);
      expect(r).toMatchObject({ ok: false, error: { code: 'InvalidArgument' } });
    }
    const grant = await dispatch(table, 'share:grant', { profileId: sandbox.id, bucket: 'sandbox-docs', prefix: '', permission: 'admin', durationSeconds: 900, roleArn: 'x' });
    expect(grant).toMatchObject({ ok: false, error: { code: 'InvalidArgument' } });
  });

  it('makes links for the sandbox and saves their CSV through the save dialog', async () => {
    const batch = await ok<LinkBatch>('share:links', { profileId: sandbox.id, bucket: 'sandbox-docs', keys: ['README.txt', '文档/说明.txt'], expiresSeconds: 900 });
    const res = await fetch(batch.links[1]!.url);
    expect(await res.text()).toBe('这是一个示例文件。\n');
    const file = path.join(dir, 'links.csv');
    host.answers.saveFiles.push(file);
    expect(await ok('share:export-csv', { batchId: batch.batchId })).toEqual({ saved: true });
    expect(await readFile(file, 'utf8')).toContain(`文档/说明.txt,${batch.links[1]!.url}`);
    // Cancelled dialog: nothing written, nothing lost.
    expect(await ok('share:export-csv', { batchId: batch.batchId })).toEqual({ saved: false });
    expect(await dispatch(table, 'share:export-csv', { batchId: 'gone' })).toMatchObject({ ok: false, error: { code: 'NotFound', hint: expect.any(String) } });
    const v4TooLong = await dispatch(table, 'share:links', { profileId: sandbox.id, bucket: 'sandbox-docs', keys: ['README.txt'], expiresSeconds: 8 * 86_400 });
    expect(v4TooLong).toMatchObject({ ok: false, error: { code: 'InvalidLinkExpiry', hint: expect.any(String) } });
  });

  it('grants temporary access from the sandbox profile with its STS and role pre-filled', async () => {
    const setup = await ok<GrantSetup>('share:grant-setup', { profileId: sandbox.id });
    expect(setup).toMatchObject({ supported: true, roleArn: expect.stringMatching(/role\/sandbox-role$/), stsEndpoint: expect.stringMatching(/^http:\/\/localhost:\d+/) });
    const grant = await ok<Grant>('share:grant', { profileId: sandbox.id, bucket: 'sandbox-photos', prefix: 'photos/', permission: 'read', durationSeconds: 900, roleArn: setup.roleArn });
    // The sandbox's endpoint is a loopback http:// host: the recipient trusts it in main's dialog.
    const codeHost = new URL(decodeAccessCode(grant.accessCode).endpoint!).host;
    const refused = await dispatch(table, 'profiles:import-access-code', { code: grant.accessCode, name: 'Recipient' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'HostNotConfirmed', host: codeHost } });
    host.answers.hosts.push(true); // (the refusal above was the user pressing Cancel in main's dialog)
    const recipient = await ok<ProfileView>('profiles:import-access-code', { code: grant.accessCode, name: 'Recipient' });
    expect(recipient.startPath).toMatchObject({ bucket: 'sandbox-photos', prefix: 'photos/' });
    const listing = await ok<{ rows: Array<{ key: string }> }>('objects:list', { profileId: recipient.id, bucket: 'sandbox-photos', prefix: 'photos/' });
    expect(listing.rows.map((r) => r.key)).toContain('photos/README.txt');
    const denied = await dispatch(table, 'objects:list', { profileId: recipient.id, bucket: 'sandbox-photos', prefix: 'private/' });
    expect(denied).toMatchObject({ ok: false, error: { code: 'AccessDenied' } });
    const history = await ok<Array<{ kind: string }>>('share:history', undefined);
    expect(history[0]).toMatchObject({ kind: 'access-code' });
    // The recipient's profile holds STS keys, which cannot call AssumeRole: the dialog says so instead of failing later.
    expect(await ok<GrantSetup>('share:grant-setup', { profileId: recipient.id })).toMatchObject({ supported: false, reason: expect.stringMatching(/AccessKey/) });
  });

  it('a RAM-role profile grants with its own RAM user keys, role and STS address; an STS-token profile is told it cannot', async () => {
    // The sandbox's STS address and role, and its keys as a RAM-role profile's own.
    const local = await ok<GrantSetup>('share:grant-setup', { profileId: sandbox.id });
    const roleArn = local.roleArn!;
    const stsEndpoint = local.stsEndpoint!;
    const key = (await ctx.profiles.service.preparePatch(sandbox.id, {})).prepared.credentials as { accessKeyId: string; accessKeySecret: string };
    // The sandbox's STS host is not Alibaba Cloud's: the user trusts it in main's dialog (unused if already trusted this run).
    host.answers.hosts.push(true);
    const added = await ok<ProfileView>('profiles:add', {
      input: {
        name: 'Role profile',
        credentials: { type: 'ram-role', accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, roleArn, stsEndpoint },
        endpoint: { ...sandbox.endpoint },
        confirmedHosts: [new URL(stsEndpoint).host],
      },
      test: false,
    });
    const setup = await ok<GrantSetup>('share:grant-setup', { profileId: added.id });
    expect(setup).toEqual({ supported: true, roleArn, stsEndpoint });
    const grant = await ok<Grant>('share:grant', { profileId: added.id, bucket: 'sandbox-docs', prefix: 'reports/', permission: 'read-write', durationSeconds: 900, roleArn });
    expect(grant.fields).toMatchObject({ bucket: 'sandbox-docs', prefix: 'reports/', accessKeyId: expect.stringMatching(/^STS\./) });
    // The grant's keys are not the profile's: nothing of the RAM user's secret leaves main.
    expect(JSON.stringify(grant)).not.toContain(key.accessKeySecret);
  });
});
