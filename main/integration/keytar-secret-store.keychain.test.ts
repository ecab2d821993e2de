/**
 * The real keytar against a real Secret Service (gnome-keyring in a private D-Bus session,
 * see scripts/test-keychain.sh): profiles round-trip through the keychain, and deleting a
 * profile removes its entry.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { endpointSchema } from '../../shared/profile-types';
import { ProfileService } from '../services/profiles/profile-service';
import { ProfileStore } from '../services/profiles/profile-store';
import { KeytarSecretStore } from '../services/secrets/keytar-secret-store';

const service = `OSS Browser test ${process.pid}`;
const store = new KeytarSecretStore({ service, timeoutMs: 15_000 });
let dir: string | undefined;

afterAll(async () => {
  for (const account of await store.list()) await store.delete(account);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('KeytarSecretStore with gnome-keyring', () => {
  it('sets, gets, lists and deletes a secret', async () => {
    await store.set('round-trip', 'secret value ✓');
    expect(await store.get('round-trip')).toBe('secret value ✓');
    expect(await store.list()).toContain('round-trip');
    expect(await store.delete('round-trip')).toBe(true);
    expect(await store.get('round-trip')).toBeNull();
  });

  it('round-trips profiles through the keychain; the file has none of their secrets', async () => {
    dir = await mkdtemp(join(tmpdir(), 'keychain-profiles-'));
    const profiles = new ProfileService({ store: new ProfileStore(dir), secrets: store });
    const endpoint = endpointSchema.parse({});
    const ak = await profiles.add({ name: 'ak', credentials: { type: 'access-key', accessKeyId: 'LTAI5tKeychainTest0001', accessKeySecret: 'KeychainSecret-AK-001' }, endpoint, sessionOnly: false });
    const sts = await profiles.add({
      name: 'sts',
      credentials: { type: 'sts-token', accessKeyId: 'STS.KeychainTest0002', accessKeySecret: 'KeychainSecret-STS-002', securityToken: 'CAISKeychainToken003', expiration: '2099-01-01T00:00:00Z' },
      endpoint,
      sessionOnly: false,
    });
    // A fresh service (as after an app restart) reads the secrets back from the keychain.
    const reopened = new ProfileService({ store: new ProfileStore(dir), secrets: new KeytarSecretStore({ service }) });
    expect(await (await reopened.session(ak.id)).provider.getCredentials()).toEqual({ accessKeyId: 'LTAI5tKeychainTest0001', accessKeySecret: 'KeychainSecret-AK-001' });
    expect((await (await reopened.session(sts.id)).provider.getCredentials()).securityToken).toBe('CAISKeychainToken003');
    const file = await readFile(join(dir, 'profiles.json'), 'utf8');
    for (const s of ['KeychainSecret-AK-001', 'KeychainSecret-STS-002', 'CAISKeychainToken003', 'LTAI5tKeychainTest0001']) expect(file).not.toContain(s);
    expect(file).toContain('LTAI****0001');

    await reopened.delete(ak.id);
    expect(await store.get(ak.id)).toBeNull();
    expect(await store.list()).toEqual([sts.id]);
    reopened.dispose();
  });
});
