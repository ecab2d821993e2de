/** The identity config: what the bundled sandbox ships, and JSON files read with defaults or a clear error. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIamConfig, SANDBOX_CONFIG } from './config';
import { IdentityStore } from './iam/identity-store';
import { evaluatePolicySets } from './iam/policy';

describe('emulator identity config', () => {
  it('ships a sandbox with a demo account, a photos-only RAM user, assumable roles and provider roles', () => {
    const [sandbox] = SANDBOX_CONFIG.accounts;
    expect(sandbox?.accessKeys).toHaveLength(1);
    expect(sandbox?.users.map((u) => u.name)).toEqual(['photos-reader']);
    expect(sandbox?.roles.map((r) => r.name)).toEqual(['sandbox-role', 'sandbox-readonly']);
    const store = new IdentityStore(SANDBOX_CONFIG);
    expect(store.findRole(SANDBOX_CONFIG.credentialsUri!.roleArn)).toBeDefined();
    expect(store.findRole(SANDBOX_CONFIG.ecsRole!.roleArn)).toBeDefined();
    const reader = store.findKey(sandbox!.users[0]!.accessKeys[0]!.id)!.principal;
    const can = (action: string, resource: string, prefix?: string) =>
      evaluatePolicySets(reader.policySets, { action, resource, conditions: { 'oss:Prefix': prefix } });
    expect(can('oss:GetObject', 'acs:oss:oss-cn-hangzhou:1000000000000001:any-bucket/photos/a.jpg')).toBe('allow');
    expect(can('oss:GetObject', 'acs:oss:oss-cn-hangzhou:1000000000000001:any-bucket/docs/a.txt')).toBe('implicit-deny');
    expect(can('oss:ListObjects', 'acs:oss:oss-cn-hangzhou:1000000000000001:any-bucket', 'photos/')).toBe('allow');
    expect(can('oss:ListObjects', 'acs:oss:oss-cn-hangzhou:1000000000000001:any-bucket', '')).toBe('implicit-deny');
  });

  it('reads a JSON file and fills defaults, or explains what is wrong', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'emulator-config-'));
    try {
      const file = join(dir, 'iam.json');
      await writeFile(file, JSON.stringify({ accounts: [{ id: '42', name: 'solo', accessKeys: [{ id: 'AK', secret: 'S' }] }] }));
      const config = await loadIamConfig(file);
      expect(config.accounts[0]).toMatchObject({ id: '42', users: [], roles: [], oidcProviders: [] });
      await writeFile(file, JSON.stringify({ accounts: [{ id: '42', name: 'solo', roles: [{ name: 'r', maxSessionDuration: 50_000 }] }] }));
      await expect(loadIamConfig(file)).rejects.toThrow(/maxSessionDuration/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
