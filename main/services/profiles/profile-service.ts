/**
 * Profiles: add, edit, duplicate, delete, list, and the open sessions the OSS client
 * factory signs with. Metadata goes to profiles.json, secrets to the SecretStore (one entry
 * per profile, deleted with it); "this session only" profiles live in memory entirely.
 * Nothing returned from here carries a secret: views show a masked AccessKey ID.
 */
import { randomUUID } from 'node:crypto';
import {
  maskAccessKeyId,
  type CredentialInput,
  type CredentialSettings,
  type EndpointSettings,
  type ProfileInput,
  type ProfileRecord,
  type ProfileView,
  type SessionStatus,
  type StartPath,
} from '../../../shared/profile-types';
import { registerSecret } from '../../../shared/redact';
import { hostsToConfirm } from '../../../shared/remote-hosts';
import type { Clock } from '../credentials/clock';
import type { Env } from '../credentials/environment';
import { credentialInputFromRecord, providerFor, type ProfileSecrets } from '../credentials/provider-factory';
import { RefreshingProvider } from '../credentials/refreshing-provider';
import type { CredentialEvent } from '../credentials/types';
import type { ProfileSession } from '../oss/client-factory';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import type { SecretStore } from '../secrets/secret-store';
import { ProfileStore } from './profile-store';

export interface ProfileServiceOptions {
  store: ProfileStore;
  secrets: SecretStore;
  clock?: Clock;
  env?: Env;
  /** Credential events (expiring, refreshed, refresh failed) for the UI. */
  onCredentialEvent?: (profileId: string, event: CredentialEvent) => void;
  /** Called when a profile's sessions must be dropped (edit, delete). */
  onEvict?: (profileId: string) => void;
  /**
   * Cleanups other features own (e.g. bookmarks), run after a profile is deleted. The list
   * is read at each delete, so hooks may be added after construction.
   */
  onDeleted?: ReadonlyArray<ProfileDeletedHook>;
}

/** Removes what another feature keeps for a deleted profile. */
export type ProfileDeletedHook = (profileId: string) => Promise<void> | void;

/** Changes to an existing profile; `credentials` replaces them all when given. */
export interface ProfilePatch {
  name?: string;
  credentials?: CredentialInput;
  endpoint?: EndpointSettings;
  startPath?: StartPath | null;
  proxyPassword?: string;
  /** Hosts the user confirmed for new credential URLs (shared/remote-hosts.ts). */
  confirmedHosts?: string[];
}

export class ProfileNotFoundError extends Error {
  readonly code = 'NotFound';
  constructor(id: string) {
    super(`There is no profile with id ${id.slice(0, 64)}.`);
    this.name = 'ProfileNotFoundError';
  }
}

/** Splits what the user typed into stored settings and keychain secrets. */
export function splitCredentials(c: CredentialInput): { settings: CredentialSettings; secrets: ProfileSecrets; accessKeyId?: string } {
  switch (c.type) {
    case 'access-key':
      return { settings: {}, secrets: { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret }, accessKeyId: c.accessKeyId };
    case 'sts-token':
      return {
        settings: c.expiration ? { expiration: c.expiration } : {},
        secrets: { accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, securityToken: c.securityToken },
        accessKeyId: c.accessKeyId,
      };
    case 'ram-role': {
      const { accessKeyId, accessKeySecret, type: _t, ...settings } = c;
      return { settings, secrets: { accessKeyId, accessKeySecret }, accessKeyId };
    }
    default: {
      const { type: _t, ...settings } = c;
      return { settings, secrets: {} };
    }
  }
}

export class ProfileService {
  private readonly store: ProfileStore;
  private readonly persistent: SecretStore;
  private readonly memory = new MemorySecretStore();
  /** Session-only profiles: metadata in memory, never in profiles.json. */
  private readonly sessionOnly = new Map<string, ProfileRecord>();
  private readonly sessions = new Map<string, Promise<ProfileSession>>();
  private readonly options: ProfileServiceOptions;

  constructor(options: ProfileServiceOptions) {
    this.options = options;
    this.store = options.store;
    this.persistent = options.secrets;
  }

  async list(): Promise<ProfileView[]> {
    const file = await this.store.read();
    const all = [...file.profiles.map((p) => ({ p, s: false })), ...[...this.sessionOnly.values()].map((p) => ({ p, s: true }))];
    return Promise.all(all.map(({ p, s }) => this.view(p, s)));
  }

  async get(id: string): Promise<ProfileRecord> {
    const mem = this.sessionOnly.get(id);
    if (mem) return mem;
    const found = (await this.store.read()).profiles.find((p) => p.id === id);
    if (!found) throw new ProfileNotFoundError(id);
    return found;
  }

  async add(input: ProfileInput, extra: { sandbox?: boolean } = {}): Promise<ProfileView> {
    const now = new Date(this.options.clock?.now() ?? Date.now()).toISOString();
    const { settings, secrets, accessKeyId } = splitCredentials(input.credentials);
    if (input.proxyPassword) secrets.proxyPassword = input.proxyPassword;
    registerSecret(...Object.values(secrets));
    const record: ProfileRecord = {
      id: randomUUID(),
      name: input.name,
      type: input.credentials.type,
      ...(accessKeyId ? { maskedAccessKeyId: maskAccessKeyId(accessKeyId) } : {}),
      settings,
      endpoint: input.endpoint,
      ...(input.startPath ? { startPath: input.startPath } : {}),
      ...(extra.sandbox ? { sandbox: true } : {}),
      createdAt: now,
      updatedAt: now,
    };
    // Secrets first: if the keychain refuses, no half-made profile is left in the file.
    if (input.sessionOnly) {
      await this.memory.set(record.id, JSON.stringify(secrets));
      this.sessionOnly.set(record.id, record);
    } else {
      if (Object.keys(secrets).length > 0) await this.persistent.set(record.id, JSON.stringify(secrets));
      await this.store.update((f) => ({ ...f, profiles: [...f.profiles, record] }));
    }
    return this.view(record, !!input.sessionOnly);
  }

  async update(id: string, patch: ProfilePatch): Promise<ProfileView> {
    const current = await this.get(id);
    const isSession = this.sessionOnly.has(id);
    let next: ProfileRecord = {
      ...current,
      ...(patch.name ? { name: patch.name } : {}),
      ...(patch.endpoint ? { endpoint: patch.endpoint } : {}),
      updatedAt: new Date(this.options.clock?.now() ?? Date.now()).toISOString(),
    };
    if (patch.startPath === null) delete next.startPath;
    else if (patch.startPath) next.startPath = patch.startPath;
    let secrets = await this.readSecrets(id);
    if (patch.credentials) {
      const split = splitCredentials(patch.credentials);
      secrets = { ...split.secrets, ...(secrets.proxyPassword ? { proxyPassword: secrets.proxyPassword } : {}) };
      next = { ...next, type: patch.credentials.type, settings: split.settings };
      if (split.accessKeyId) next.maskedAccessKeyId = maskAccessKeyId(split.accessKeyId);
      else delete next.maskedAccessKeyId;
    }
    if (patch.proxyPassword !== undefined) secrets.proxyPassword = patch.proxyPassword || undefined;
    await this.writeSecrets(id, secrets, isSession);
    if (isSession) this.sessionOnly.set(id, next);
    else await this.store.update((f) => ({ ...f, profiles: f.profiles.map((p) => (p.id === id ? next : p)) }));
    this.evict(id);
    return this.view(next, isSession);
  }

  async duplicate(id: string, name?: string): Promise<ProfileView> {
    const source = await this.get(id);
    const secrets = await this.readSecrets(id);
    const isSession = this.sessionOnly.has(id);
    const now = new Date(this.options.clock?.now() ?? Date.now()).toISOString();
    const copy: ProfileRecord = { ...structuredClone(source), id: randomUUID(), name: name ?? `${source.name} (copy)`, createdAt: now, updatedAt: now };
    delete copy.sandbox;
    await this.writeSecrets(copy.id, secrets, isSession);
    if (isSession) this.sessionOnly.set(copy.id, copy);
    else await this.store.update((f) => ({ ...f, profiles: [...f.profiles, copy] }));
    return this.view(copy, isSession);
  }

  /**
   * Deletes the profile, its secrets, then runs every onDeleted hook. A failing hook does
   * not stop the others nor bring the profile back; the first failure is rethrown.
   */
  async delete(id: string): Promise<void> {
    await this.get(id);
    this.evict(id);
    if (this.sessionOnly.delete(id)) {
      await this.memory.delete(id);
    } else {
      await this.store.update((f) => ({ ...f, profiles: f.profiles.filter((p) => p.id !== id), ...(f.lastUsedId === id ? { lastUsedId: undefined } : {}) }));
      await this.persistent.delete(id);
    }
    const results = await Promise.allSettled((this.options.onDeleted ?? []).map(async (hook) => hook(id)));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  /** The open session for a profile: its record and a live credential provider. */
  session(id: string): Promise<ProfileSession> {
    let s = this.sessions.get(id);
    if (!s) {
      s = this.openSession(id);
      this.sessions.set(id, s);
      s.catch(() => this.sessions.delete(id));
    }
    return s;
  }

  /** A session for credentials that are not saved yet (the "Test connection" button). */
  draftSession(input: ProfileInput, id = `draft-${randomUUID()}`): ProfileSession {
    const { settings, accessKeyId } = splitCredentials(input.credentials);
    const now = new Date().toISOString();
    const record: ProfileRecord = {
      id,
      name: input.name,
      type: input.credentials.type,
      ...(accessKeyId ? { maskedAccessKeyId: maskAccessKeyId(accessKeyId) } : {}),
      settings,
      endpoint: input.endpoint,
      ...(input.startPath ? { startPath: input.startPath } : {}),
      createdAt: now,
      updatedAt: now,
    };
    const provider = providerFor(input.credentials, this.providerDeps(id));
    return { record, provider, ...(input.proxyPassword ? { proxyPassword: input.proxyPassword } : {}) };
  }

  /** What a profile would be after `patch`, as unsaved input (to test an edit before saving it). */
  async patchedInput(id: string, patch: ProfilePatch): Promise<ProfileInput> {
    const current = await this.get(id);
    const secrets = await this.readSecrets(id);
    const startPath = patch.startPath === null ? undefined : (patch.startPath ?? current.startPath);
    const proxyPassword = patch.proxyPassword ?? secrets.proxyPassword;
    const credentials = patch.credentials ?? credentialInputFromRecord(current, secrets);
    // Stored credential URLs were approved when they were saved; new ones need the patch's confirmation.
    const confirmedHosts = patch.credentials ? (patch.confirmedHosts ?? []) : hostsToConfirm(credentials, current.endpoint.region).map((h) => h.host);
    return {
      name: patch.name ?? current.name,
      credentials,
      confirmedHosts,
      endpoint: patch.endpoint ?? current.endpoint,
      ...(startPath ? { startPath } : {}),
      sessionOnly: this.sessionOnly.has(id),
      ...(proxyPassword ? { proxyPassword } : {}),
    };
  }

  async sessionStatus(id: string): Promise<SessionStatus> {
    const record = await this.get(id);
    const open = this.sessions.get(id);
    const status: SessionStatus = { profileId: id, type: record.type };
    const exp = record.settings.expiration;
    if (exp) status.expiresAt = exp;
    if (open) {
      const session = await open.catch(() => undefined);
      const live = session?.provider.expiresAt();
      if (live) status.expiresAt = live.toISOString();
      if (session?.provider instanceof RefreshingProvider) {
        const failure = session.provider.lastFailure();
        if (failure) status.refreshError = { code: failure.error.code, message: failure.error.message, retryAt: failure.retryAt.toISOString() };
      }
    }
    return status;
  }

  async setLastUsed(id: string): Promise<void> {
    if (this.sessionOnly.has(id)) return;
    await this.store.update((f) => ({ ...f, lastUsedId: id }));
  }

  async lastUsed(): Promise<string | undefined> {
    return (await this.store.read()).lastUsedId;
  }

  /** Drops open sessions (and their timers) of one profile. */
  evict(id: string): void {
    const s = this.sessions.get(id);
    this.sessions.delete(id);
    s?.then((x) => x.provider.dispose()).catch(() => undefined);
    this.options.onEvict?.(id);
  }

  dispose(): void {
    for (const id of [...this.sessions.keys()]) this.evict(id);
  }

  private providerDeps(id: string) {
    return {
      ...(this.options.clock ? { clock: this.options.clock } : {}),
      ...(this.options.env ? { env: this.options.env } : {}),
      listener: (event: CredentialEvent) => this.options.onCredentialEvent?.(id, event),
    };
  }

  private async openSession(id: string): Promise<ProfileSession> {
    const record = await this.get(id);
    const secrets = await this.readSecrets(id);
    const provider = providerFor(credentialInputFromRecord(record, secrets), this.providerDeps(id));
    return { record, provider, ...(secrets.proxyPassword ? { proxyPassword: secrets.proxyPassword } : {}) };
  }

  private async readSecrets(id: string): Promise<ProfileSecrets> {
    const raw = this.sessionOnly.has(id) ? await this.memory.get(id) : await this.persistent.get(id);
    if (!raw) return {};
    try {
      const secrets = JSON.parse(raw) as ProfileSecrets;
      registerSecret(secrets.accessKeySecret, secrets.securityToken, secrets.proxyPassword);
      return secrets;
    } catch {
      return {};
    }
  }

  private async writeSecrets(id: string, secrets: ProfileSecrets, sessionOnly: boolean): Promise<void> {
    const clean = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v));
    registerSecret(secrets.accessKeySecret, secrets.securityToken, secrets.proxyPassword);
    const target = sessionOnly ? this.memory : this.persistent;
    if (Object.keys(clean).length === 0) await target.delete(id);
    else await target.set(id, JSON.stringify(clean));
  }

  private async view(record: ProfileRecord, sessionOnly: boolean): Promise<ProfileView> {
    const view: ProfileView = { ...structuredClone(record), sessionOnly };
    const open = this.sessions.get(record.id);
    const live = open ? (await open.catch(() => undefined))?.provider.expiresAt() : undefined;
    const exp = live?.toISOString() ?? record.settings.expiration;
    if (exp) view.expiresAt = exp;
    return view;
  }
}
