import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultImportPath, importCredentialFile, parseCredentialFile } from './config-import';
import { credentialsFromEnvironment } from './environment';

describe('environment credentials', () => {
  it('prefers OSS_* over ALIBABA_CLOUD_* and picks up a session token', () => {
    const m = credentialsFromEnvironment({ OSS_ACCESS_KEY_ID: 'LTAIoss', OSS_ACCESS_KEY_SECRET: 's1', ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIali', OSS_SESSION_TOKEN: 'tok' });
    expect(m?.credentials).toEqual({ type: 'sts-token', accessKeyId: 'LTAIoss', accessKeySecret: 's1', securityToken: 'tok' });
    expect(m?.variables).toEqual(['OSS_ACCESS_KEY_ID', 'OSS_ACCESS_KEY_SECRET', 'OSS_SESSION_TOKEN']);
  });

  it('reads the ALIBABA_CLOUD_* forms, role ARN, OIDC, credentials URI and ECS role', () => {
    expect(credentialsFromEnvironment({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'a', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'b' })?.credentials.type).toBe('access-key');
    expect(
      credentialsFromEnvironment({ ALIBABA_CLOUD_ACCESS_KEY_ID: 'a', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'b', ALIBABA_CLOUD_ROLE_ARN: 'acs:ram::1:role/x', ALIBABA_CLOUD_ROLE_SESSION_NAME: 'me' })?.credentials,
    ).toMatchObject({ type: 'ram-role', roleArn: 'acs:ram::1:role/x', sessionName: 'me' });
    expect(
      credentialsFromEnvironment({ ALIBABA_CLOUD_ROLE_ARN: 'r', ALIBABA_CLOUD_OIDC_PROVIDER_ARN: 'p', ALIBABA_CLOUD_OIDC_TOKEN_FILE: '/var/run/token' })?.credentials,
    ).toMatchObject({ type: 'oidc-role', oidcTokenFile: '/var/run/token' });
    expect(credentialsFromEnvironment({ ALIBABA_CLOUD_CREDENTIALS_URI: 'http://127.0.0.1:9/c' })?.credentials).toEqual({ type: 'credentials-uri', credentialsUri: 'http://127.0.0.1:9/c' });
    expect(credentialsFromEnvironment({ ALIBABA_CLOUD_ECS_METADATA: 'EcsRole' })?.credentials).toEqual({ type: 'ecs-ram-role', roleName: 'EcsRole' });
    expect(credentialsFromEnvironment({ PATH: '/bin' })).toBeUndefined();
  });
});

describe('credential file import', () => {
  it('reads every section type of ~/.alibabacloud/credentials and explains skipped ones', () => {
    const text = [
      '[default]', 'enable = true', 'type = access_key', 'access_key_id = LTAIdefault0001', 'access_key_secret = sec1', 'region_id = cn-shanghai',
      '[role]', 'type = ram_role_arn', 'access_key_id = LTAIrole', 'access_key_secret = sec2', 'role_arn = acs:ram::1:role/r', 'role_session_name = s',
      '[ecs]', 'type = ecs_ram_role', 'role_name = EcsRole',
      '[uri]', 'type = credentials_uri', 'credentials_uri = http://127.0.0.1:1/x',
      '[off]', 'enable = false', 'type = access_key', 'access_key_id = a', 'access_key_secret = b',
      '[rsa]', 'type = rsa_key_pair', 'public_key_id = x',
      '[half]', 'type = access_key', 'access_key_id = only-id',
    ].join('\n');
    const r = parseCredentialFile('alibabacloud', text);
    expect(r.profiles.map((p) => [p.name, p.credentials.type, p.region])).toEqual([
      ['default', 'access-key', 'oss-cn-shanghai'],
      ['role', 'ram-role', undefined],
      ['ecs', 'ecs-ram-role', undefined],
      ['uri', 'credentials-uri', undefined],
    ]);
    expect(r.skipped.map((s) => s.section)).toEqual(['off', 'rsa', 'half']);
    expect(JSON.stringify(r.skipped)).not.toContain('only-id');
  });

  it('reads ossutil v1 and v2 config files from the home folder', async () => {
    const home = await mkdtemp(join(tmpdir(), 'home-'));
    try {
      await writeFile(defaultImportPath('ossutil', home), '[Credentials]\nlanguage=EN\nendpoint=oss-cn-beijing.aliyuncs.com\naccessKeyID=LTAIossutil01\naccessKeySecret=sec\n[dev]\naccessKeyId=LTAIdev\naccessKeySecret=s2\nstsToken=tok\nregion=cn-shenzhen\n');
      const r = await importCredentialFile('ossutil', defaultImportPath('ossutil', home));
      expect(r.profiles.map((p) => [p.name, p.credentials.type, p.region])).toEqual([
        ['ossutil', 'access-key', 'oss-cn-beijing'],
        ['ossutil dev', 'sts-token', 'oss-cn-shenzhen'],
      ]);
      await mkdir(join(home, '.alibabacloud'));
      expect((await importCredentialFile('alibabacloud', defaultImportPath('alibabacloud', home))).profiles).toEqual([]);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
