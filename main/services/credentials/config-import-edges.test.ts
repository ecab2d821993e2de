// Edges of importing ~/.alibabacloud/credentials and ossutil configs found by mutation
// testing (issue 15): every field of every section type, the exact reasons for skipping,
// and which files are read from where.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE_SESSION_NAME, ROLE_SESSION_SECONDS } from '../../../shared/defaults';
import { defaultImportPath, importCredentialFile, parseCredentialFile } from './config-import';

const sdk = (...lines: string[]) => parseCredentialFile('alibabacloud', lines.join('\n'));

describe('~/.alibabacloud/credentials sections', () => {
  it('imports each type with every field, trimmed, and defaults for what is absent', () => {
    const r = sdk(
      '[plain]', 'access_key_id = " LTAIid "', 'access_key_secret = sec',
      '[sts]', 'type = sts', 'access_key_id = i', 'access_key_secret = s', 'security_token = tok', 'region_id = cn-hangzhou',
      '[role]', 'type = ram_role_arn', 'access_key_id = i', 'access_key_secret = s', 'role_arn = acs:ram::1:role/r', 'policy = {"Version":"1"}',
      '[ecs]', 'type = ecs_ram_role',
      '[uri]', 'type = credentials_uri', 'credentials_uri = http://127.0.0.1:1/c',
      '[oidc]', 'type = oidc_role_arn', 'role_arn = acs:ram::1:role/o', 'oidc_provider_arn = acs:ram::1:oidc-provider/p', 'oidc_token_file_path = /var/run/token', 'role_session_name = pod',
    );
    expect(r.skipped).toEqual([]);
    expect(r.profiles).toEqual([
      { name: 'plain', credentials: { type: 'access-key', accessKeyId: 'LTAIid', accessKeySecret: 'sec' } },
      { name: 'sts', region: 'oss-cn-hangzhou', credentials: { type: 'sts-token', accessKeyId: 'i', accessKeySecret: 's', securityToken: 'tok' } },
      {
        name: 'role',
        credentials: { type: 'ram-role', accessKeyId: 'i', accessKeySecret: 's', roleArn: 'acs:ram::1:role/r', sessionName: DEFAULT_ROLE_SESSION_NAME, durationSeconds: ROLE_SESSION_SECONDS.default, policy: '{"Version":"1"}' },
      },
      { name: 'ecs', credentials: { type: 'ecs-ram-role' } },
      { name: 'uri', credentials: { type: 'credentials-uri', credentialsUri: 'http://127.0.0.1:1/c' } },
      {
        name: 'oidc',
        credentials: { type: 'oidc-role', roleArn: 'acs:ram::1:role/o', oidcProviderArn: 'acs:ram::1:oidc-provider/p', oidcTokenFile: '/var/run/token', sessionName: 'pod', durationSeconds: ROLE_SESSION_SECONDS.default },
      },
    ]);
  });

  it('says exactly what a skipped section lacks', () => {
    const r = sdk(
      '[ak]', 'type = access_key', 'access_key_secret = s',
      '[sts]', 'type = sts', 'access_key_id = i', 'access_key_secret = s',
      '[role]', 'type = ram_role_arn', 'access_key_id = i', 'access_key_secret = s',
      '[uri]', 'type = credentials_uri', 'credentials_uri = "  "',
      '[oidc]', 'type = oidc_role_arn', 'role_arn = r', 'oidc_provider_arn = p',
      '[odd]', `type = ${'x'.repeat(60)}`,
      '[off]', 'enable = false', 'access_key_id = i', 'access_key_secret = s',
      '[off2]', 'enable = "false"', 'access_key_id = i', 'access_key_secret = s',
    );
    expect(r.profiles).toEqual([]);
    expect(r.skipped).toEqual([
      { section: 'ak', reason: 'access_key needs access_key_id and access_key_secret' },
      { section: 'sts', reason: 'sts needs access_key_id, access_key_secret and security_token' },
      { section: 'role', reason: 'ram_role_arn needs access_key_id, access_key_secret and role_arn' },
      { section: 'uri', reason: 'credentials_uri needs credentials_uri' },
      { section: 'oidc', reason: 'oidc_role_arn needs role_arn, oidc_provider_arn and oidc_token_file_path' },
      { section: 'odd', reason: `type "${'x'.repeat(40)}" is not supported` },
      { section: 'off', reason: 'disabled (enable = false)' },
      { section: 'off2', reason: 'disabled (enable = false)' },
    ]);
  });

  it('keeps a role session name and an ECS role name when given', () => {
    const r = sdk('[role]', 'type = ram_role_arn', 'access_key_id = i', 'access_key_secret = s', 'role_arn = r', 'role_session_name = me', '[ecs]', 'type = ecs_ram_role', 'role_name = EcsRole');
    expect(r.profiles.map((p) => p.credentials)).toEqual([
      { type: 'ram-role', accessKeyId: 'i', accessKeySecret: 's', roleArn: 'r', sessionName: 'me', durationSeconds: ROLE_SESSION_SECONDS.default },
      { type: 'ecs-ram-role', roleName: 'EcsRole' },
    ]);
    expect(parseCredentialFile('ossutil', '').file).toBe('');
  });

  it('ignores top-level keys that are not sections, null ones included', () => {
    expect(parseCredentialFile('alibabacloud', 'stray = 1\nnothing = null\n[a]\naccess_key_id = i\naccess_key_secret = s\n', '/f')).toEqual({
      file: '/f',
      profiles: [{ name: 'a', credentials: { type: 'access-key', accessKeyId: 'i', accessKeySecret: 's' } }],
      skipped: [],
    });
  });
});

describe('ossutil config sections', () => {
  it('reads the key spellings of v1 and v2, the region from an https endpoint, and never disables on enable', () => {
    const r = parseCredentialFile(
      'ossutil',
      ['[a]', 'access-key-id = i1', 'access-key-secret = s1', 'sts-token = t1', 'endpoint = https://oss-cn-qingdao.aliyuncs.com', '[b]', 'enable = false', 'accessKeyId = i2', 'accessKeySecret = s2', 'endpoint = http://oss-cn-chengdu.aliyuncs.com', '[c]', 'accessKeyId = i3', 'accessKeySecret = "  "', '[d]', 'accessKeyID = "  "', 'accessKeyId = i4', 'accessKeySecret = s4'].join('\n'),
    );
    expect(r.profiles).toEqual([
      { name: 'ossutil a', region: 'oss-cn-qingdao', credentials: { type: 'sts-token', accessKeyId: 'i1', accessKeySecret: 's1', securityToken: 't1' } },
      { name: 'ossutil b', region: 'oss-cn-chengdu', credentials: { type: 'access-key', accessKeyId: 'i2', accessKeySecret: 's2' } },
      // A blank spelling does not hide the next one.
      { name: 'ossutil d', credentials: { type: 'access-key', accessKeyId: 'i4', accessKeySecret: 's4' } },
    ]);
    expect(r.skipped).toEqual([{ section: 'c', reason: 'no accessKeyId/accessKeySecret' }]);
  });
});

describe('the files', () => {
  it('live in the home folder; a missing file imports nothing, an unreadable one is an error', async () => {
    const home = await mkdtemp(join(tmpdir(), 'import-home-'));
    try {
      expect(defaultImportPath('alibabacloud', home)).toBe(join(home, '.alibabacloud', 'credentials'));
      expect(defaultImportPath('ossutil', home)).toBe(join(home, '.ossutilconfig'));
      expect(await importCredentialFile('ossutil', join(home, 'none'))).toEqual({ file: join(home, 'none'), profiles: [], skipped: [] });
      await mkdir(join(home, 'folder'));
      await expect(importCredentialFile('ossutil', join(home, 'folder'))).rejects.toMatchObject({ code: 'EISDIR' });
      await writeFile(join(home, 'cfg'), '[x]\naccess_key_id = i\naccess_key_secret = s\n');
      expect((await importCredentialFile('alibabacloud', join(home, 'cfg'))).profiles).toHaveLength(1);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
