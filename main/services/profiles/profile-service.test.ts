import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpointSchema, type ResolvedProfileInput } from '../../../shared/profile-types';
import { ManualClock } from '../credentials/clock';
import type { CredentialEvent } from '../credentials/types';
import { KeytarSecretStore } from '../secrets/keytar-secret-store';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { KeychainError } from '../secrets/secret-store';
import { ProfileService } from './profile-service';
import { ProfileStore } from './profile-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profile-service-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ak = (name: string, extra: Partial<ResolvedProfileInput> = {}): ResolvedProfileInput => ({
  name,
  credentials: { type: 'access-key', accessKeyId: 'LTAI5tServiceTest0001', accessKeySecret: 'Service-Secret-1' },
  endpoint: endpointSchema.parse({}),
  sessionOnly: false,
  ...extra,
});

describe('ProfileService', () => {
  it('keeps "this session only" profiles out of the file and the keychain', async () => {
    const keychain = new MemorySecretStore();
    const svc = new ProfileService({ store: new ProfileStore(dir), secrets: keychain });
    const p = await svc.add(ak('temp', { sessionOnly: true }));
    expect(p.sessionOnly).toBe(true);
    expect((await svc.list()).map((v) => v.name)).toEqual(['temp']);
    expect(await keychain.list()).toEqual([]);
    expect(await readFile(join(dir, 'profiles.json'), 'utf8').catch(() => 'none')).toBe('none');
    expect((await (await svc.session(p.id)).provider.getCredentials()).accessKeySecret).toBe('Service-Secret-1');
    // A new service (the app restarted) has forgotten it.
    expect(await new ProfileService({ store: new ProfileStore(dir), secrets: keychain }).list()).toEqual([]);
  });

  it('leaves no half-made profile when the keychain refuses, and explains the way out', async () => {
    const hang = () => new Promise<never>(() => undefined);
    const locked = new KeytarSecretStore({ timeoutMs: 30, platform: 'linux', keytar: { getPassword: hang, setPassword: hang, deletePassword: hang, findCredentials: hang } });
    const svc = new ProfileService({ store: new ProfileStore(dir), secrets: locked });
    const err = await svc.add(ak('locked')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeychainError);
    expect((err as KeychainError).hint).toMatch(/this session only/);
    expect(await svc.list()).toEqual([]);
  });

  it('edits keep the secret unless credentials are replaced; a new pasted token restarts its timers', async () => {
    const clock = new ManualClock();
    const events: Array<[string, CredentialEvent['kind']]> = [];
    const svc = new ProfileService({ store: new ProfileStore(dir), secrets: new MemorySecretStore(), clock, onCredentialEvent: (id, e) => events.push([id, e.kind]) });
    const exp = (min: number) => new Date(clock.now() + min * 60_000).toISOString();
    const p = await svc.add(ak('sts', { credentials: { type: 'sts-token', accessKeyId: 'STS.ServiceTest01', accessKeySecret: 's1', securityToken: 't1', expiration: exp(15) } }));
    await svc.session(p.id);
    await svc.update(p.id, { name: 'renamed' });
    expect((await (await svc.session(p.id)).provider.getCredentials()).securityToken).toBe('t1');
    await clock.advance(5 * 60_000 + 1);
    expect(events).toEqual([[p.id, 'expiring']]);
    await svc.update(p.id, { credentials: { type: 'sts-token', accessKeyId: 'STS.ServiceTest02', accessKeySecret: 's2', securityToken: 't2', expiration: exp(60) } });
    const view = (await svc.list())[0]!;
    expect(view).toMatchObject({ name: 'renamed', maskedAccessKeyId: 'STS.****st02', expiresAt: exp(60) });
    expect((await (await svc.session(p.id)).provider.getCredentials()).securityToken).toBe('t2');
    // The old token's "expired" timer was cancelled with its session.
    await clock.advance(20 * 60_000);
    expect(events).toEqual([[p.id, 'expiring']]);
    svc.dispose();
  });
});
