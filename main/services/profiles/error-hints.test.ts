/** Main's hints for profile errors are the ones the renderer translates (no drift). */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OSS from 'ali-oss';
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../emulator/index';
import { endpointSchema, profileErrorHints } from '../../../shared/profile-types';
import en from '../../../renderer/i18n/locales/en/errors.json';
import { toCredentialError } from '../credentials/credential-errors';
import { providerFor } from '../credentials/provider-factory';
import { RegionsUnavailableError } from '../oss/endpoints';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { ScriptedDesktopHost } from '../host/desktop-host';
import { trustEmulator } from '../../test-support/trust-emulator';
import { ProfilesFeature } from './profiles-feature';

function lookup(code: string): unknown {
  return code.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en.hint);
}

describe('profile error hints', () => {
  it('the English locale holds exactly the text main sends for every profile code', () => {
    for (const [code, text] of Object.entries(profileErrorHints)) expect([code, lookup(code)]).toEqual([code, text]);
    expect(new RegionsUnavailableError('x').hint).toBe(profileErrorHints.RegionsUnavailable);
  });

  it('STS and environment failures carry the hint of their code', () => {
    for (const code of ['NoPermission', 'EntityNotExist.Role', 'InvalidParameter.DurationSeconds', 'InvalidParameter.RoleSessionName', 'AuthenticationFail.OIDCToken.Expired', 'AuthenticationFail.OIDCToken.Invalid', 'EntityNotExist.OIDCProvider'] as const) {
      const err = toCredentialError(Object.assign(new Error(`${code}: refused`), { code }));
      expect([code, err.hint]).toEqual([code, profileErrorHints[code]]);
    }
    expect(() => providerFor({ type: 'environment' }, { env: {} })).toThrow(expect.objectContaining({ code: 'EnvironmentCredentialsMissing', hint: profileErrorHints.EnvironmentCredentialsMissing }));
  });
});

describe('a user who may not list buckets', () => {
  it('is told to enter a start path (ListBucketsDenied), and gets in with one', async () => {
    const emu = await startEmulator({ memory: true });
    const dir = await mkdtemp(join(tmpdir(), 'list-denied-'));
    // The emulator's STS is not Alibaba Cloud's: the user trusts it in main's dialog.
    const host = trustEmulator(emu.endpoints, new ScriptedDesktopHost());
    host.answers.hosts.push(true);
    const feature = new ProfilesFeature({ userDataDir: dir, secrets: new MemorySecretStore(), host });
    try {
      const owner = emu.accounts.find((a) => a.kind === 'account' && a.name === 'sandbox')!;
      const opts = { accessKeyId: owner.accessKeyId, accessKeySecret: owner.accessKeySecret, endpoint: emu.endpoint, region: emu.region, sldEnable: true, authorizationV4: true };
      await new OSS(opts as OSS.Options).putBucket('only-here');
      // A role session narrowed to listing objects: ListBuckets is refused.
      const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:ListObjects', 'oss:GetBucketInfo'], Resource: '*' }] });
      const credentials = { type: 'ram-role' as const, accessKeyId: owner.accessKeyId, accessKeySecret: owner.accessKeySecret, roleArn: 'acs:ram::1000000000000001:role/sandbox-role', sessionName: 'narrow', durationSeconds: 900, policy, stsEndpoint: emu.stsEndpoint };
      const endpoint = endpointSchema.parse({ kind: 'custom', region: emu.region, customRegionUrls: emu.endpoints, pathStyle: true, allowInsecureHttp: true, proxy: { mode: 'none' } });
      const input = { name: 'narrow', credentials, endpoint, sessionOnly: false };
      const err = await feature.testInput(input).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: 'ListBucketsDenied', hint: profileErrorHints.ListBucketsDenied });
      const ok = await feature.testInput({ ...input, startPath: { bucket: 'only-here', prefix: '' } });
      expect(ok.openAt).toMatchObject({ bucket: 'only-here', region: emu.region });
    } finally {
      feature.dispose();
      await emu.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
