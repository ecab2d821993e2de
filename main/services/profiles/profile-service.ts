/**
 * Profiles: add, edit, duplicate, delete, list, and the open sessions the OSS client
 * factory signs with. Metadata goes to profiles.json, secrets to the SecretStore (one entry
 * per profile, deleted with it); "this session only" profiles live in memory entirely.
 * Nothing returned from here carries a secret: views show a masked AccessKey ID.
 */
import { randomUUID } from 'node:crypto';
import {
  maskAccessKeyId,
  profileErrorHints,
  SAVED_TOKEN_FILE,
  type CredentialInput,
  type CredentialSettings,
  type EndpointSettings,
  type ResolvedCredentials,
  type ResolvedProfileInput,
  type ProfileRecord,
  type ProfileView,
  type SessionStatus,
  type StartPath,
} from '../../../shared/profile-types';
import { registerSecret } from '../../../shared/redact';
import { endpointHostsToConfirm, hostsToConfirm } from '../../../shared/remote-hosts';
import type { Clock } from '../credentials/clock';
import type { Env } from '../credentials/environment';
import { credentialInputFromRecord, providerFor, type ProfileSecrets } from '../credentials/provider-factory';
import { RefreshingProvider } from '../credentials/refreshing-provider';
import { TokenFileRegistry } from '../credentials/token-files';
import { CredentialError, type CredentialEvent } from '../credentials/types';
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
  /** OIDC token files the user chose in main's dialog (opaque ids → paths). */
  tokenFiles?: TokenFileRegistry;
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
}

export class ProfileNotFoundError extends Error {
  readonly code = 'NotFound';
  constructor(id: string) {
    super(`There is no profile with id ${id.slice(0, 64)}.`);
    this.name = 'ProfileNotFoundError';
  }
}

/** Splits credentials into stored settings and keychain secrets. */
export function splitCredentials(c: ResolvedCredentials): { settings: CredentialSettings; secrets: ProfileSecrets; accessKeyId?: string } {
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

/** A profile ready to be tested or stored: the record and its secrets, built once. */
export interface PreparedProfile {
  record: ProfileRecord;
  secrets: ProfileSecrets;
  credentials: ResolvedCredentials;
  sessionOnly: boolean;
}

/** The one place a stored record (and its keychain secrets) is built from input, for add, edit and test alike. */
export function buildRecord(input: ResolvedProfileInput, meta: { id: string; now: string; createdAt?: string; sandbox?: boolean }): PreparedProfile {
  const { settings, secrets, accessKeyId } = splitCredentials(input.credentials);
  if (input.proxyPassword) secrets.proxyPassword = input.proxyPassword;
  registerSecret(secrets.accessKeySecret, secrets.securityToken, secrets.proxyPassword);
  const record: ProfileRecord = {
    id: meta.id,
    name: input.name,
    type: input.credentials.type,
    ...(accessKeyId ? { maskedAccessKeyId: maskAccessKeyId(accessKeyId) } : {}),
    settings,
    endpoint: input.endpoint,
    ...(input.startPath ? { startPath: input.startPath } : {}),
    ...(meta.sandbox ? { sandbox: true } : {}),
    createdAt: meta.createdAt ?? meta.now,
    updatedAt: meta.now,
  };
  return { record, secrets, credentials: input.credentials, sessionOnly: !!input.sessionOnly };
}

/** The proxy a stored password belongs to: scheme, host, port and user name. */
function proxyIdentity(e: EndpointSettings): string | undefined {
  if (e.proxy.mode !== 'manual' || !e.proxy.url) return undefined;
  const u = new URL(e.proxy.url);
  return `${u.protocol}//${u.host}|${e.proxy.username ?? ''}`;
}

export class ProfileService {
  private readonly store: ProfileStore;
  private readonly persistent: SecretStore;
  private readonly memory = new MemorySecretStore();
  /** Session-only profiles: metadata in memory, never in profiles.json. */
  private readonly sessionOnly = new Map<string, ProfileRecord>();
  private readonly sessions = new Map<string, Promise<ProfileSession>>();
  private readonly options: ProfileServiceOptions;
  private readonly tokenFiles: TokenFileRegistry;

  constructor(options: ProfileServiceOptions) {
    this.options = options;
    this.store = options.store;
    this.persistent = options.secrets;
    this.tokenFiles = options.tokenFiles ?? new TokenFileRegistry();
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

  /**
   * Resolves what the page sent into credentials main can use: an OIDC token file id into
   * the path the user chose (or, with no id, ALIBABA_CLOUD_OIDC_TOKEN_FILE from main's environment).
   */
  resolveCredentials(c: CredentialInput, current?: ProfileRecord): ResolvedCredentials {
    if (c.type !== 'oidc-role') return c;
    const { oidcTokenFileId, ...rest } = c;
    if (oidcTokenFileId === SAVED_TOKEN_FILE) {
      const path = current?.type === 'oidc-role' ? current.settings.oidcTokenFile : undefined;
      if (!path) return this.resolveCredentials(rest);
      return { ...rest, oidcTokenFile: path, ...(current?.settings.oidcTokenFileName ? { oidcTokenFileName: current.settings.oidcTokenFileName } : {}) };
    }
    if (oidcTokenFileId) {
      const chosen = this.tokenFiles.resolve(oidcTokenFileId);
      return { ...rest, oidcTokenFile: chosen.path, oidcTokenFileName: chosen.name };
    }
    const fromEnv = (this.options.env ?? process.env).ALIBABA_CLOUD_OIDC_TOKEN_FILE?.trim();
    if (!fromEnv) throw new CredentialError('OidcTokenFileMissing', 'No OIDC token file was chosen and ALIBABA_CLOUD_OIDC_TOKEN_FILE is not set.', profileErrorHints.OidcTokenFileMissing);
    return { ...rest, oidcTokenFile: fromEnv };
  }

  /** Builds a new profile from input (nothing stored yet). */
  prepare(input: ResolvedProfileInput, extra: { sandbox?: boolean; id?: string } = {}): PreparedProfile {
    return buildRecord(input, { id: extra.id ?? randomUUID(), now: this.now(), ...(extra.sandbox ? { sandbox: true } : {}) });
  }

  /** Stores a prepared profile. Secrets first: if the keychain refuses, no half-made profile is left in the file. */
  async save(p: PreparedProfile): Promise<ProfileView> {
    if (p.sessionOnly) {
      await this.writeSecrets(p.record.id, p.secrets, true);
      this.sessionOnly.set(p.record.id, p.record);
    } else {
      if (Object.values(p.secrets).some(Boolean)) await this.writeSecrets(p.record.id, p.secrets, false);
      await this.store.update((f) => ({ ...f, profiles: [...f.profiles.filter((x) => x.id !== p.record.id), p.record] }));
    }
    return this.view(p.record, p.sessionOnly);
  }

  /** Adds a profile from main-side input (imports, the sandbox). */
  add(input: ResolvedProfileInput, extra: { sandbox?: boolean } = {}): Promise<ProfileView> {
    return this.save(this.prepare(input, extra));
  }

  /** A session for a prepared, unsaved profile (the "Test connection" button). */
  draftSession(p: PreparedProfile): ProfileSession {
    const provider = providerFor(p.credentials, this.providerDeps(p.record.id));
    return { record: p.record, provider, ...(p.secrets.proxyPassword ? { proxyPassword: p.secrets.proxyPassword } : {}) };
  }

  /**
   * What a saved profile becomes after `patch`, prepared but not stored. The saved profile's
   * own credential URLs and endpoint hosts count as confirmed (returned as `confirmedHosts`); a stored proxy password is reused only for the same proxy
   * (scheme, host, port, user): pointed at another proxy, it must be typed again.
   */
  async preparePatch(id: string, patch: ProfilePatch): Promise<{ prepared: PreparedProfile; confirmedHosts: string[] }> {
    const current = await this.get(id);
    const secrets = await this.readSecrets(id);
    const endpoint = patch.endpoint ?? current.endpoint;
    const credentials = patch.credentials ? this.resolveCredentials(patch.credentials, current) : credentialInputFromRecord(current, secrets);
    const sameProxy = proxyIdentity(endpoint) === proxyIdentity(current.endpoint);
    const proxyPassword = patch.proxyPassword !== undefined ? patch.proxyPassword : sameProxy ? secrets.proxyPassword : undefined;
    const startPath = patch.startPath === null ? undefined : (patch.startPath ?? current.startPath);
    const input: ResolvedProfileInput = {
      name: patch.name ?? current.name,
      credentials,
      endpoint,
      ...(startPath ? { startPath } : {}),
      sessionOnly: this.sessionOnly.has(id),
      ...(proxyPassword ? { proxyPassword } : {}),
    };
    const prepared = buildRecord(input, { id, now: this.now(), createdAt: current.createdAt, ...(current.sandbox ? { sandbox: true } : {}) });
    // Hosts the saved profile already uses count as trusted; hosts the page says it confirmed do not.
    const stored = patch.credentials ? credentialInputFromRecord(current, secrets) : credentials;
    const confirmedHosts = [...hostsToConfirm(stored, current.endpoint.region), ...endpointHostsToConfirm(current.endpoint)].map((h) => h.host);
    return { prepared, confirmedHosts };
  }

  /** Replaces a saved profile with its prepared next state, secrets included. */
  async replace(p: PreparedProfile): Promise<ProfileView> {
    const id = p.record.id;
    const isSession = this.sessionOnly.has(id);
    await this.writeSecrets(id, p.secrets, isSession);
    if (isSession) this.sessionOnly.set(id, p.record);
    else await this.store.update((f) => ({ ...f, profiles: f.profiles.map((x) => (x.id === id ? p.record : x)) }));
    this.evict(id);
    return this.view(p.record, isSession);
  }

  async update(id: string, patch: ProfilePatch): Promise<ProfileView> {
    return this.replace((await this.preparePatch(id, patch)).prepared);
  }

  async duplicate(id: string, name?: string): Promise<ProfileView> {
    const source = await this.get(id);
    const secrets = await this.readSecrets(id);
    const isSession = this.sessionOnly.has(id);
    const now = this.now();
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

  private now(): string {
    return new Date(this.options.clock?.now() ?? Date.now()).toISOString();
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
    // The page sees the token file's name only, never its path.
    delete view.settings.oidcTokenFile;
    const open = this.sessions.get(record.id);
    const live = open ? (await open.catch(() => undefined))?.provider.expiresAt() : undefined;
    const exp = live?.toISOString() ?? record.settings.expiration;
    if (exp) view.expiresAt = exp;
    return view;
  }
}
