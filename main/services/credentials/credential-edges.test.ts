// Edges of the credential layer found by mutation testing (issue 15): how a thrown value
// becomes what the user reads, the OIDC token files a user may pick, how a stored profile
// is turned back into credentials, and the clocks that time refreshes.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ROLE_SESSION_NAME, ROLE_SESSION_SECONDS } from '../../../shared/defaults';
import { profileErrorHints, type ProfileRecord } from '../../../shared/profile-types';
import { ManualClock, settle, systemClock } from './clock';
import { stsHint, toCredentialError } from './credential-errors';
import { credentialInputFromRecord } from './provider-factory';
import { MAX_TOKEN_FILE_BYTES, TokenFileRegistry } from './token-files';
import { CredentialError, CredentialsExpiredError, parseExpiration } from './types';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'credential-edges-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('toCredentialError', () => {
  it('passes a CredentialError through as it is', () => {
    const original = new CredentialError('X', 'y');
    expect(toCredentialError(original)).toBe(original);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT'])(
    '%s (on the error or its cause) is a network failure naming the code',
    (code) => {
      for (const err of [Object.assign(new Error('x'), { code }), new TypeError('other', { cause: { code } })]) {
        const e = toCredentialError(err);
        expect(e.code).toBe('NetworkError');
        expect(e.message).toBe(`Could not reach the credentials service (${code}).`);
        expect(e.hint).toBe('Check the network connection, the proxy settings and the service address.');
      }
    },
  );

  it.each(['ConnectionTimeoutError', 'RequestError', 'TimeoutError', 'AbortError'])('an error named %s is a network failure', (name) => {
    const e = toCredentialError(Object.assign(new Error('boom'), { name }));
    expect(e.code).toBe('NetworkError');
    expect(e.message).toBe('Could not reach the credentials service.');
  });

  it('fetch failing is a network failure; another TypeError or an unknown code is not', () => {
    expect(toCredentialError(new TypeError('fetch failed')).code).toBe('NetworkError');
    expect(toCredentialError(new TypeError('x is not a function')).code).toBe('CredentialsUnavailable');
    expect(toCredentialError(Object.assign(new Error('m'), { code: 'EPERM' })).code).toBe('EPERM');
  });

  it('keeps the code, the status and the first line of the message (300 characters at most), with the STS hint', () => {
    const sts = Object.assign(new Error(`NoPermission: ${'y'.repeat(400)}\nRequestId: abc, signed by LTAIsecretish`), { code: 'NoPermission', status: 403 });
    const e = toCredentialError(sts);
    expect(e.code).toBe('NoPermission');
    expect(e.status).toBe(403);
    expect(e.message).toBe(`NoPermission: ${'y'.repeat(400)}`.slice(0, 300));
    expect(e.hint).toBe(profileErrorHints.NoPermission);
  });

  it('an error the cause code overrides reads the cause', () => {
    const e = toCredentialError(Object.assign(new Error('outer'), { code: 'Outer', cause: { code: 'InvalidAccessKeyId' } }));
    expect(e.code).toBe('InvalidAccessKeyId');
    expect(e.hint).toMatch(/AccessKey ID used to assume the role does not exist/);
  });

  it('without a code: CredentialsUnavailable with its hint; an empty message gets a sentence; a code without a hint gets none', () => {
    const plain = toCredentialError(new Error(''));
    expect(plain).toMatchObject({ code: 'CredentialsUnavailable', message: 'Could not get credentials.', hint: profileErrorHints.CredentialsUnavailable });
    expect(toCredentialError('text thrown').message).toBe('text thrown');
    expect(toCredentialError(Object.assign(new Error('odd'), { code: 'Throttling' })).hint).toBeUndefined();
  });

  it('null and undefined are not a crash', () => {
    expect(toCredentialError(null)).toMatchObject({ code: 'CredentialsUnavailable', message: 'null' });
    expect(toCredentialError(undefined)).toMatchObject({ code: 'CredentialsUnavailable', message: 'undefined' });
  });
});

describe('stsHint', () => {
  it('matches the code or, failing that, the message; nothing for an unknown error', () => {
    expect(stsHint('SignatureDoesNotMatch')).toMatch(/secret used to assume the role is wrong/);
    expect(stsHint('Unknown', 'InvalidParameter.DurationSeconds is out of range')).toBe(profileErrorHints['InvalidParameter.DurationSeconds']);
    expect(stsHint('AuthenticationFail.OIDCToken.Expired')).toBe(profileErrorHints['AuthenticationFail.OIDCToken.Expired']);
    expect(stsHint('Unknown', 'nothing to see')).toBeUndefined();
    expect(stsHint('Unknown')).toBeUndefined();
  });
});

describe('TokenFileRegistry', () => {
  it('remembers a picked file under an opaque id and its name, never more', async () => {
    const file = join(dir, 'token');
    await writeFile(file, Buffer.alloc(MAX_TOKEN_FILE_BYTES, 'a'));
    const registry = new TokenFileRegistry();
    const { id, name } = await registry.remember(file);
    expect(id).toMatch(/^tf-[0-9a-f-]{36}$/);
    expect(name).toBe('token');
    expect(registry.resolve(id)).toEqual({ path: file, name: 'token' });
  });

  it('refuses a folder and a file one byte larger than a token may be', async () => {
    const folder = join(dir, 'folder');
    await mkdir(folder);
    const registry = new TokenFileRegistry();
    await expect(registry.remember(folder)).rejects.toMatchObject({ code: 'OidcTokenFileUnreadable', message: 'The chosen item is not a file.' });
    const big = join(dir, 'big');
    await writeFile(big, Buffer.alloc(MAX_TOKEN_FILE_BYTES + 1, 'a'));
    await expect(registry.remember(big)).rejects.toMatchObject({
      code: 'OidcTokenFileTooLarge',
      message: `The chosen file is ${MAX_TOKEN_FILE_BYTES + 1} bytes; an OIDC token file is at most ${MAX_TOKEN_FILE_BYTES}.`,
      hint: 'Choose the token file the cluster mounts for this pod (a JWT of a few kilobytes).',
    });
  });

  it('refuses an id it never gave', () => {
    expect(() => new TokenFileRegistry().resolve('tf-made-up')).toThrow(
      expect.objectContaining({ code: 'OidcTokenFileNotChosen', message: 'The token file was not chosen in this session.', hint: 'Choose the token file again with "Choose token file…".' }),
    );
  });
});

describe('credentialInputFromRecord', () => {
  const record = (type: ProfileRecord['type'], settings: ProfileRecord['settings'] = {}) => ({ type, settings }) as unknown as ProfileRecord;
  const keys = { accessKeyId: 'LTAIid', accessKeySecret: 'secret' };

  it('says which secret the keychain lacks', () => {
    const missing = (t: ProfileRecord['type'], s: object) => {
      try {
        credentialInputFromRecord(record(t), s);
      } catch (e) {
        return { code: (e as CredentialError).code, message: (e as Error).message, hint: (e as CredentialError).hint };
      }
      return undefined;
    };
    expect(missing('access-key', { accessKeySecret: 's' })).toEqual({ code: 'CredentialsMissing', message: 'The profile has no AccessKey ID in the keychain.', hint: profileErrorHints.CredentialsMissing });
    expect(missing('access-key', { accessKeyId: 'i' })?.message).toBe('The profile has no AccessKey secret in the keychain.');
    expect(missing('sts-token', keys)?.message).toBe('The profile has no security token in the keychain.');
    expect(missing('sts-token', { accessKeySecret: 's', securityToken: 't' })?.message).toBe('The profile has no AccessKey ID in the keychain.');
    expect(missing('sts-token', { accessKeyId: 'i', securityToken: 't' })?.message).toBe('The profile has no AccessKey secret in the keychain.');
    expect(missing('ram-role', { accessKeyId: 'i' })?.message).toBe('The profile has no AccessKey secret in the keychain.');
    expect(missing('ram-role', { accessKeySecret: 's' })?.message).toBe('The profile has no AccessKey ID in the keychain.');
  });

  it('rebuilds every type with its settings, defaults for what is not set, and nothing unset', () => {
    expect(credentialInputFromRecord(record('access-key'), keys)).toEqual({ type: 'access-key', ...keys });
    expect(credentialInputFromRecord(record('sts-token', { expiration: '2030-01-01T00:00:00Z' }), { ...keys, securityToken: 't' })).toEqual({
      type: 'sts-token',
      ...keys,
      securityToken: 't',
      expiration: '2030-01-01T00:00:00Z',
    });
    const ramSettings = { roleArn: 'acs:ram::1:role/r', sessionName: 's1', durationSeconds: 1800, policy: '{}', stsEndpoint: 'http://sts' };
    expect(credentialInputFromRecord(record('ram-role', ramSettings), keys)).toEqual({ type: 'ram-role', ...keys, ...ramSettings });
    expect(credentialInputFromRecord(record('ram-role'), keys)).toEqual({
      type: 'ram-role',
      ...keys,
      roleArn: '',
      sessionName: DEFAULT_ROLE_SESSION_NAME,
      durationSeconds: ROLE_SESSION_SECONDS.default,
    });
    expect(credentialInputFromRecord(record('credentials-uri', { credentialsUri: 'http://c' }), {})).toEqual({ type: 'credentials-uri', credentialsUri: 'http://c' });
    expect(credentialInputFromRecord(record('credentials-uri'), {})).toEqual({ type: 'credentials-uri', credentialsUri: '' });
    expect(credentialInputFromRecord(record('ecs-ram-role', { roleName: 'r', metadataUrl: 'http://m' }), {})).toEqual({ type: 'ecs-ram-role', roleName: 'r', metadataUrl: 'http://m' });
    expect(credentialInputFromRecord(record('ecs-ram-role'), {})).toEqual({ type: 'ecs-ram-role' });
    const oidc = { roleArn: 'acs:ram::1:role/r', oidcProviderArn: 'acs:ram::1:oidc-provider/p', oidcTokenFile: '/var/token', sessionName: 's', durationSeconds: 900, policy: '{}', stsEndpoint: 'http://sts' };
    expect(credentialInputFromRecord(record('oidc-role', oidc), {})).toEqual({ type: 'oidc-role', ...oidc });
    expect(credentialInputFromRecord(record('oidc-role'), {})).toEqual({
      type: 'oidc-role',
      roleArn: '',
      oidcProviderArn: '',
      oidcTokenFile: '',
      sessionName: DEFAULT_ROLE_SESSION_NAME,
      durationSeconds: ROLE_SESSION_SECONDS.default,
    });
    expect(credentialInputFromRecord(record('environment'), keys)).toEqual({ type: 'environment' });
  });
});

describe('credential errors as the user reads them', () => {
  it('name themselves and say when pasted STS credentials expired', () => {
    expect(new CredentialError('C', 'm').name).toBe('CredentialError');
    const expired = new CredentialsExpiredError(new Date('2030-01-02T03:04:05Z'));
    expect(expired.name).toBe('CredentialsExpiredError');
    expect(expired.code).toBe('SecurityTokenExpired');
    expect(expired.message).toBe('The temporary (STS) credentials of this profile expired at 2030-01-02T03:04:05.000Z.');
  });

  it('an answer without a valid Expiration is refused, naming who sent it', () => {
    for (const value of [undefined, 'soon', 42]) {
      expect(() => parseExpiration(value, 'The credentials URI')).toThrow(
        expect.objectContaining({ code: 'InvalidCredentialsResponse', message: 'The credentials URI returned no valid Expiration.' }),
      );
    }
    expect(parseExpiration('2030-01-01T00:00:00Z', 'x').toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });
});

describe('systemClock', () => {
  it('runs a callback after its delay, and not when cancelled', async () => {
    vi.useFakeTimers();
    const fired: string[] = [];
    systemClock.schedule(() => fired.push('a'), 1_000);
    const b = systemClock.schedule(() => fired.push('b'), 1_000);
    b.cancel();
    await vi.advanceTimersByTimeAsync(999);
    expect(fired).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toEqual(['a']);
    systemClock.schedule(() => fired.push('now'), -5);
    await vi.advanceTimersByTimeAsync(0);
    expect(fired).toEqual(['a', 'now']);
  });

  it('waits past the 24.8-day limit of setTimeout in chunks instead of firing at once', async () => {
    vi.useFakeTimers();
    const MAX = 2 ** 31 - 1;
    let fired = 0;
    const handle = systemClock.schedule(() => fired++, MAX + 1_000);
    await vi.advanceTimersByTimeAsync(MAX);
    expect(fired).toBe(0);
    await vi.advanceTimersByTimeAsync(999);
    expect(fired).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fired).toBe(1);
    // Cancelling after the first chunk stops the second.
    const later = systemClock.schedule(() => fired++, MAX + 10);
    await vi.advanceTimersByTimeAsync(MAX);
    later.cancel();
    await vi.advanceTimersByTimeAsync(100);
    expect(fired).toBe(1);
    handle.cancel();
  });

  it('its timers never keep the process alive', () => {
    const realSetTimeout = globalThis.setTimeout;
    const timers: NodeJS.Timeout[] = [];
    const spy = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const t = realSetTimeout(fn, ms);
      timers.push(t);
      return t;
    }) as typeof setTimeout);
    const handle = systemClock.schedule(() => undefined, 60_000);
    spy.mockRestore();
    expect(timers).toHaveLength(1);
    expect(timers[0]!.hasRef()).toBe(false);
    handle.cancel();
  });
});

describe('ManualClock', () => {
  it('fires due timers in time order, only those due, each once; cancel removes just its own', async () => {
    const clock = new ManualClock(0);
    const fired: string[] = [];
    clock.schedule(() => fired.push('late'), 300);
    clock.schedule(() => fired.push('early'), 100);
    const cancelled = clock.schedule(() => fired.push('cancelled'), 200);
    clock.schedule(() => fired.push('beyond'), 1_000);
    cancelled.cancel();
    expect(clock.pendingTimers()).toBe(3);
    await clock.advance(300);
    expect(fired).toEqual(['early', 'late']);
    expect(clock.now()).toBe(300);
    expect(clock.pendingTimers()).toBe(1);
    await clock.advance(700);
    expect(fired).toEqual(['early', 'late', 'beyond']);
  });

  it('settle lets promise chains several turns deep finish', async () => {
    let done = false;
    void new Promise((r) => setImmediate(r)).then(() => new Promise((r) => setImmediate(r))).then(() => (done = true));
    await settle();
    expect(done).toBe(true);
    let never = false;
    void new Promise((r) => setImmediate(r)).then(() => (never = true));
    await settle(0);
    expect(never).toBe(false);
  });
});
