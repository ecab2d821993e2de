/**
 * Official oss-browser codes, built the way that app builds them (base64 of the JSON, see
 * its grant-token dialog and login page), import as profiles through the profiles feature;
 * an exported grant round-trips; our own access code from a grant opens its prefix and
 * uploads there against the emulator.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeOssBrowserGrant, parseOssBrowserCode } from '../../shared/oss-browser-code';
import { ScriptedDesktopHost } from '../services/host/desktop-host';
import { ProfilesFeature } from '../services/profiles/profiles-feature';
import { MemorySecretStore } from '../services/secrets/memory-secret-store';
import { GrantService } from '../services/share/grant-service';
import { GrantSettingsStore } from '../services/share/grant-settings-store';
import { importOssBrowserCode } from '../services/share/oss-browser-import';
import { accountProvider, startShareEmulator, type ShareEmulator } from '../test-support/share-emulator';

/** As oss-browser's grant-token-modal.js: Buffer.from(JSON.stringify(tokenInfo)).toString('base64'). */
function officialGrant(expiration: string, extra: Record<string, string> = {}): string {
  const tokenInfo = {
    id: 'STS.NTx8Grantee0001',
    secret: 'GranteeSecretValue0123456789abcdefABCDEF',
    stoken: 'CAISGranteeTokenValue0123456789abcdefABCDEF==',
    expiration,
    region: 'oss-cn-shanghai',
    osspath: 'oss://partner-drop/incoming/2024/',
    privilege: 'readOnly',
    ...extra,
  };
  return Buffer.from(JSON.stringify(tokenInfo)).toString('base64');
}

/** The sub-account form: {id, secret, desc, region, osspath, eptpl}. */
function officialSubAccount(extra: Record<string, string> = {}): string {
  const info = { id: 'LTAI5tSubAccount0001', secret: 'SubAccountSecret0123456789abcdefABCD', desc: 'Data portal upload', region: 'oss-cn-hangzhou', osspath: 'oss://portal-uploads/u/42', eptpl: 'https://{region}.aliyuncs.com', ...extra };
  return Buffer.from(JSON.stringify(info)).toString('base64');
}

describe('oss-browser codes and access codes as profiles', () => {
  let fx: ShareEmulator;
  let dir: string;
  let profiles: ProfilesFeature;
  const later = new Date(Date.now() + 3600_000).toISOString();

  const host = new ScriptedDesktopHost();

  beforeAll(async () => {
    fx = await startShareEmulator();
    dir = await mkdtemp(path.join(os.tmpdir(), 'share-import-'));
    profiles = new ProfilesFeature({ userDataDir: dir, secrets: new MemorySecretStore(), host });
  });
  afterAll(async () => {
    profiles?.dispose();
    await fx?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports an STS grant code as an STS profile that starts at its path', async () => {
    const view = await importOssBrowserCode(profiles, officialGrant(later), undefined, new Date());
    expect(view).toMatchObject({ type: 'sts-token', name: 'partner-drop/incoming/2024/', startPath: { bucket: 'partner-drop', prefix: 'incoming/2024/', region: 'oss-cn-shanghai' }, endpoint: { kind: 'public', region: 'oss-cn-shanghai' } });
    expect(JSON.stringify(view)).not.toContain('GranteeSecretValue');
  });

  it('imports a sub-account code as an AccessKey profile; refuses endpoints off OSS or without HTTPS', async () => {
    const view = await importOssBrowserCode(profiles, officialSubAccount(), undefined, new Date());
    expect(view).toMatchObject({ type: 'access-key', name: 'Data portal upload', startPath: { bucket: 'portal-uploads', prefix: 'u/42/' }, endpoint: { kind: 'public', region: 'oss-cn-hangzhou' } });
    const internal = await importOssBrowserCode(profiles, officialSubAccount({ eptpl: 'https://{region}-internal.aliyuncs.com' }), 'internal', new Date());
    expect(internal.endpoint).toMatchObject({ kind: 'custom', customUrl: 'https://oss-cn-hangzhou-internal.aliyuncs.com' });
    for (const eptpl of ['http://{region}.aliyuncs.com', 'https://{region}.evil.example', 'https://user:pw@{region}.aliyuncs.com']) {
      await expect(importOssBrowserCode(profiles, officialSubAccount({ eptpl }), undefined, new Date())).rejects.toMatchObject({ code: 'InvalidAccessCode' });
    }
  });

  it('refuses expired, damaged and incomplete codes with a plain message', async () => {
    const count = (await profiles.list()).profiles.length;
    await expect(importOssBrowserCode(profiles, officialGrant('2020-01-01T00:00:00Z'), undefined, new Date())).rejects.toMatchObject({ code: 'InvalidAccessCode', message: expect.stringMatching(/expired/) });
    await expect(importOssBrowserCode(profiles, 'not base64 at all!', undefined, new Date())).rejects.toMatchObject({ code: 'InvalidAccessCode' });
    await expect(importOssBrowserCode(profiles, officialGrant(later, { osspath: 'https://elsewhere/' }), undefined, new Date())).rejects.toMatchObject({ code: 'InvalidAccessCode', message: expect.stringMatching(/osspath/) });
    expect((await profiles.list()).profiles.length).toBe(count);
  });

  it('an exported grant round-trips through the official format', () => {
    const code = encodeOssBrowserGrant({ id: 'STS.abc', secret: 's3cret', stoken: 'tok', expiration: later, region: 'oss-cn-hangzhou', bucket: 'b-1', prefix: '中文/', readOnly: false });
    // The official app decodes with Buffer.from(code, 'base64').toString() and JSON.parse.
    const official = JSON.parse(Buffer.from(code, 'base64').toString()) as Record<string, string>;
    expect(official).toEqual({ id: 'STS.abc', secret: 's3cret', stoken: 'tok', expiration: later, region: 'oss-cn-hangzhou', osspath: 'oss://b-1/中文/', privilege: 'all' });
    expect(parseOssBrowserCode(code)).toMatchObject({ kind: 'grant', code: official });
  });

  it('an access code for "upload" opens as a profile at its prefix and uploads there, nowhere else', async () => {
    await fx.createBucket('drop-box');
    const grants = new GrantService({
      callerFor: async () => ({ supported: true, ...fx.account, stsEndpoint: fx.emu.stsEndpoint }),
      sessions: fx.sessions(fx.session(accountProvider(fx))),
      settings: new GrantSettingsStore(undefined),
      remember: () => undefined,
    });
    const grant = await grants.grant({ profileId: 'p', bucket: 'drop-box', prefix: 'incoming/', permission: 'upload', durationSeconds: 900, roleArn: fx.emu.roles[0]! });
    // The emulator is a plain-http loopback host: the user trusts it in main's dialog.
    host.answers.hosts.push(true);
    const view = await profiles.importAccessCode(grant.accessCode, 'agency');
    const opened = await profiles.open(view.id);
    expect(opened.openAt).toMatchObject({ bucket: 'drop-box', prefix: 'incoming/' });
    const client = await profiles.clients.forBucket(view.id, 'drop-box');
    await client.put('incoming/brief.pdf', Buffer.from('%PDF'));
    expect((await fx.client('drop-box').get('incoming/brief.pdf')).content.toString()).toBe('%PDF');
    await expect(client.put('elsewhere.pdf', Buffer.from('x'))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(client.get('incoming/brief.pdf')).rejects.toMatchObject({ code: 'AccessDenied' });
  });
});
