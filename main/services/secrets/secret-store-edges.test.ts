// Edges of the secret stores found by mutation testing (issue 15): which keychain entry a
// call touches, the default timeout, the timer that must neither keep the app alive nor
// outlive a call, and what the user is told for each failure on each platform.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeytarSecretStore } from './keytar-secret-store';
import { MemorySecretStore } from './memory-secret-store';
import { KEYCHAIN_SERVICE, KeychainError, classifyKeychainError, keychainHint, withKeychainTimeout } from './secret-store';

/** A keychain in memory with keytar's four calls, keyed by service and account like the real one. */
function fakeKeychain() {
  const entries = new Map<string, string>();
  const key = (service: string, account: string) => `${service}\u0000${account}`;
  return {
    entries,
    getPassword: async (service: string, account: string) => entries.get(key(service, account)) ?? null,
    setPassword: async (service: string, account: string, password: string) => {
      entries.set(key(service, account), password);
    },
    deletePassword: async (service: string, account: string) => entries.delete(key(service, account)),
    findCredentials: async (service: string) =>
      [...entries]
        .filter(([k]) => k.startsWith(`${service}\u0000`))
        .map(([k, password]) => ({ account: k.slice(service.length + 1), password })),
  };
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('KeytarSecretStore', () => {
  it('keeps entries under the "OSS Browser" service by default, one per account', async () => {
    const keychain = fakeKeychain();
    const store = new KeytarSecretStore({ keytar: keychain });
    await store.set('profile-1', 'secret-1');
    await store.set('profile-2', 'secret-2');
    expect(KEYCHAIN_SERVICE).toBe('OSS Browser');
    expect([...keychain.entries.keys()].sort()).toEqual(['OSS Browser\u0000profile-1', 'OSS Browser\u0000profile-2']);
    expect(await store.get('profile-2')).toBe('secret-2');
    expect(await store.get('missing')).toBeNull();
    expect((await store.list()).sort()).toEqual(['profile-1', 'profile-2']);
    expect(await store.delete('profile-1')).toBe(true);
    expect(await store.delete('profile-1')).toBe(false);
    expect(await store.list()).toEqual(['profile-2']);
  });

  it('a store with its own service never sees or touches the default service', async () => {
    const keychain = fakeKeychain();
    await new KeytarSecretStore({ keytar: keychain }).set('p', 'user-secret');
    const other = new KeytarSecretStore({ keytar: keychain, service: 'OSS Browser test' });
    expect(await other.get('p')).toBeNull();
    expect(await other.list()).toEqual([]);
    expect(await other.delete('p')).toBe(false);
    await other.set('p', 'test-secret');
    expect(await new KeytarSecretStore({ keytar: keychain }).get('p')).toBe('user-secret');
  });

  it('gives a keychain ten seconds by default, then fails with a timeout', async () => {
    vi.useFakeTimers();
    const hang = () => new Promise<never>(() => undefined);
    const store = new KeytarSecretStore({ platform: 'linux', keytar: { ...fakeKeychain(), getPassword: hang } });
    let settled: unknown = 'pending';
    void store.get('p').then(
      (v) => (settled = v),
      (e: unknown) => (settled = e),
    );
    await vi.advanceTimersByTimeAsync(9_999);
    expect(settled).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toBeInstanceOf(KeychainError);
    expect(settled).toMatchObject({ failure: 'timeout' });
  });

  it('tells the user how to fix it on the platform it runs on by default', async () => {
    const refused = async () => {
      throw new Error('no keyring');
    };
    const store = new KeytarSecretStore({ keytar: { ...fakeKeychain(), setPassword: refused } });
    const err = (await store.set('p', 'v').catch((e: unknown) => e)) as KeychainError;
    expect(err.failure).toBe('unavailable');
    expect(err.hint).toBe(keychainHint(process.platform));
  });
});

describe('withKeychainTimeout', () => {
  it('its timer does not keep the process alive, and is cleared when the call answers', async () => {
    const timers: NodeJS.Timeout[] = [];
    const realSetTimeout = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const t = realSetTimeout(fn, ms);
      timers.push(t);
      return t;
    }) as typeof setTimeout);
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    expect(await withKeychainTimeout(async () => 'answer', 60_000, 'linux')).toBe('answer');
    expect(timers).toHaveLength(1);
    expect(timers[0]!.hasRef()).toBe(false);
    expect(cleared).toHaveBeenCalledWith(timers[0]);
  });

  it('a failing call is classified; the timer is cleared then too', async () => {
    const cleared = vi.spyOn(globalThis, 'clearTimeout');
    const err = await withKeychainTimeout(
      async () => {
        throw new Error('access denied by user');
      },
      60_000,
      'win32',
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeychainError);
    expect(err).toMatchObject({ failure: 'denied', hint: keychainHint('win32') });
    expect(cleared).toHaveBeenCalled();
  });
});

describe('classifyKeychainError', () => {
  it.each([
    'Access denied',
    'Operation not allowed',
    'User canceled the operation.',
    'The user cancelled',
    'error -128',
    'SecKeychain error -25293',
    'errSecAuthFailed',
  ])('"%s" is a refusal', (text) => {
    expect(classifyKeychainError(new Error(text), 'darwin').failure).toBe('denied');
  });

  it('anything else means no keychain; the message keeps the first line of the cause, at most 160 characters', () => {
    const err = classifyKeychainError(new Error(`${'x'.repeat(200)}\nsecond line`), 'linux');
    expect(err.failure).toBe('unavailable');
    expect(err.message).toBe(`The system keychain is not available. (${'x'.repeat(160)})`);
    expect(classifyKeychainError('Cannot autolaunch D-Bus', 'linux').message).toBe(
      'The system keychain is not available. (Cannot autolaunch D-Bus)',
    );
  });

  it('passes a KeychainError through unchanged', () => {
    const original = new KeychainError('timeout', 'darwin');
    expect(classifyKeychainError(original, 'linux')).toBe(original);
  });

  it('an empty cause adds no empty brackets', () => {
    expect(classifyKeychainError(new Error(''), 'linux').message).toBe('The system keychain is not available.');
  });
});

describe('KeychainError', () => {
  it('says what happened for each failure, with the cause in brackets when there is one', () => {
    const timeout = new KeychainError('timeout', 'linux');
    expect(timeout.message).toBe('The system keychain did not answer in time (it may be locked or waiting for a password prompt).');
    expect(timeout.name).toBe('KeychainError');
    expect(timeout.code).toBe('KeychainUnavailable');
    expect(new KeychainError('denied', 'darwin', 'errSecAuthFailed').message).toBe(
      'The system keychain refused access to OSS Browser. (errSecAuthFailed)',
    );
  });

  it('hints name the fix per platform and always offer a session-only profile', () => {
    const sessionOnly = 'Or tick "Use this profile for this session only" to keep the secret in memory until you quit.';
    expect(keychainHint('darwin')).toBe(`Open Keychain Access, unlock the login keychain, and allow OSS Browser when macOS asks. ${sessionOnly}`);
    expect(keychainHint('win32')).toBe(`Check that Windows Credential Manager is running and you are signed in to your account. ${sessionOnly}`);
    expect(keychainHint('linux')).toMatch(/^Install and unlock a Secret Service keyring \(e\.g\. gnome-keyring: "sudo apt install gnome-keyring"/);
    expect(keychainHint('freebsd')).toBe(keychainHint('linux'));
    expect(keychainHint('linux').endsWith(sessionOnly)).toBe(true);
  });
});

describe('MemorySecretStore', () => {
  it('overwrites, lists every account, and reports a delete of nothing as false', async () => {
    const s = new MemorySecretStore();
    await s.set('a', '1');
    await s.set('b', '2');
    await s.set('a', '3');
    expect(await s.get('a')).toBe('3');
    expect(await s.list()).toEqual(['a', 'b']);
    expect(await s.delete('zzz')).toBe(false);
  });
});
