import { describe, expect, it } from 'vitest';
import { KeytarSecretStore } from './keytar-secret-store';
import { MemorySecretStore } from './memory-secret-store';
import { KeychainError } from './secret-store';

describe('SecretStore', () => {
  it('memory store round-trips and deletes', async () => {
    const s = new MemorySecretStore();
    await s.set('p1', 'v');
    expect(await s.get('p1')).toBe('v');
    expect(await s.list()).toEqual(['p1']);
    expect(await s.delete('p1')).toBe(true);
    expect(await s.get('p1')).toBeNull();
  });

  it('a keychain that never answers times out with an actionable Linux message', async () => {
    const hang = () => new Promise<never>(() => undefined);
    const store = new KeytarSecretStore({
      timeoutMs: 50,
      platform: 'linux',
      keytar: { getPassword: hang, setPassword: hang, deletePassword: hang, findCredentials: hang },
    });
    const err = await store.set('p1', 'secret-value').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeychainError);
    expect(err).toMatchObject({ code: 'KeychainUnavailable', failure: 'timeout' });
    expect((err as KeychainError).hint).toMatch(/gnome-keyring/);
    expect((err as KeychainError).hint).toMatch(/this session only/);
    expect((err as Error).message).not.toContain('secret-value');
  });

  it.each(['get', 'set', 'delete', 'list'] as const)('%s on a keychain that never answers times out instead of hanging', async (op) => {
    const hang = () => new Promise<never>(() => undefined);
    const answer = async () => null;
    // Only the operation under test hangs: a store that wired it to another call would answer.
    const keytar = {
      getPassword: op === 'get' ? hang : answer,
      setPassword: op === 'set' ? hang : async () => undefined,
      deletePassword: op === 'delete' ? hang : async () => true,
      findCredentials: op === 'list' ? hang : async () => [],
    };
    const store = new KeytarSecretStore({ timeoutMs: 50, platform: 'linux', keytar });
    const started = Date.now();
    const run = { get: () => store.get('p1'), set: () => store.set('p1', 'v'), delete: () => store.delete('p1'), list: () => store.list() }[op];
    const err = await run().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeychainError);
    expect(err).toMatchObject({ failure: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('classifies a macOS refusal as access denied with a Keychain Access hint', async () => {
    const denied = async () => {
      throw new Error('User canceled the operation.');
    };
    const store = new KeytarSecretStore({
      platform: 'darwin',
      keytar: { getPassword: denied, setPassword: denied, deletePassword: denied, findCredentials: denied },
    });
    const err = (await store.get('p1').catch((e: unknown) => e)) as KeychainError;
    expect(err.failure).toBe('denied');
    expect(err.hint).toMatch(/Keychain Access/);
  });
});
