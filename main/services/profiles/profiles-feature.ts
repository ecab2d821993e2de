/**
 * The profiles feature as the IPC handlers see it: one object composing the profile
 * service, the OSS client factory (the app's ClientProvider), connection tests, imports
 * and the local sandbox. Errors leave as AppException values with a hint, never a secret.
 */
import { randomUUID } from 'node:crypto';
import { homedir } from 'node:os';
import { decodeAccessCode } from '../../../shared/access-code';
import { AppException } from '../../../shared/errors';
import {
  assertCredentialUrlsAllowed,
  assertEndpointUrlsAllowed,
  assertRemoteUrlAllowed,
  endpointHostsToConfirm,
  endpointNotConfirmed,
  hostOf,
  hostsToConfirm,
  judgeRemoteUrl,
  hostNotConfirmed,
} from '../../../shared/remote-hosts';
import {
  endpointSchema,
  maskAccessKeyId,
  profileErrorHints,
  type ConnectionTestResult,
  type EndpointSettings,
  type ProfileInput,
  type ProfileView,
  type SessionStatus,
  type StartPath,
} from '../../../shared/profile-types';
import { DEFAULT_REGION } from '../../../shared/regions';
import type { EnvironmentImport, FileImport, OpenedProfile, ProfileList } from '../../../shared/contract/profiles';
import type { Clock } from '../credentials/clock';
import { defaultImportPath, importCredentialFile, type ImportSource } from '../credentials/config-import';
import { credentialsFromEnvironment, type Env } from '../credentials/environment';
import type { CredentialEvent } from '../credentials/types';
import { describeError } from '../oss/describe-error';
import { OssClientFactory, type ProfileSession } from '../oss/client-factory';
import { TokenFileRegistry } from '../credentials/token-files';
import { ScriptedDesktopHost, type DesktopHost } from '../host/desktop-host';
import { KeychainError, type SecretStore } from '../secrets/secret-store';
import { testConnection } from './connection-tester';
import { ProfileService, type PreparedProfile, type ProfileDeletedHook, type ProfilePatch } from './profile-service';
import { ProfileStore } from './profile-store';

/** Starts the local sandbox and tells where it listens (see main/services/sandbox). */
export interface SandboxLauncher {
  start(): Promise<{ regionUrls: Record<string, string>; region: string; accessKeyId: string; accessKeySecret: string }>;
  close?(): Promise<void>;
}

export interface ProfilesFeatureOptions {
  userDataDir: string;
  secrets: SecretStore;
  clock?: Clock;
  env?: Env;
  home?: string;
  sandbox?: SandboxLauncher;
  onCredentialEvent?: (profileId: string, event: CredentialEvent) => void;
  /** Native dialogs (the OIDC token file chooser); default: a scripted host that answers "cancelled". */
  host?: DesktopHost;
}

/** Turns service errors into the values that cross IPC, keeping their hints (one describer: oss/describe-error). */
export function toAppException(err: unknown): AppException {
  return err instanceof AppException ? err : new AppException(describeError(err));
}

async function mapped<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toAppException(err);
  }
}

export class ProfilesFeature {
  readonly service: ProfileService;
  /** The app's ClientProvider. */
  readonly clients: OssClientFactory;
  private readonly options: ProfilesFeatureOptions;
  private readonly deletedHooks: ProfileDeletedHook[] = [];
  private readonly drafts = new Map<string, ProfileSession>();
  private readonly tokenFiles = new TokenFileRegistry();
  private readonly host: DesktopHost;
  /** Hosts the user trusted in main's own dialog during this run (the page cannot add to it). */
  private readonly trustedHosts = new Set<string>();
  /** OSS endpoint hosts of the sandbox main started itself: trusted as endpoints without asking (not for sign-in or access codes). */
  private readonly sandboxHosts = new Set<string>();

  constructor(options: ProfilesFeatureOptions) {
    this.options = options;
    this.host = options.host ?? new ScriptedDesktopHost();
    // Drafts (unsaved profiles under test) resolve through the same factory as saved ones.
    this.clients = new OssClientFactory({ resolve: (id) => Promise.resolve(this.drafts.get(id) ?? this.service.session(id)) });
    this.service = new ProfileService({
      store: new ProfileStore(options.userDataDir),
      secrets: options.secrets,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.env ? { env: options.env } : {}),
      ...(options.onCredentialEvent ? { onCredentialEvent: options.onCredentialEvent } : {}),
      onEvict: (id) => this.clients.evict(id),
      onDeleted: this.deletedHooks,
      tokenFiles: this.tokenFiles,
    });
  }

  /**
   * Lets another feature drop what it keeps per profile when one is deleted, without the
   * profile service knowing about it. Returns the unsubscribe function.
   */
  onProfileDeleted(hook: ProfileDeletedHook): () => void {
    this.deletedHooks.push(hook);
    return () => {
      const i = this.deletedHooks.indexOf(hook);
      if (i >= 0) this.deletedHooks.splice(i, 1);
    };
  }

  list(): Promise<ProfileList> {
    return mapped(async () => {
      const [profiles, lastUsedId] = await Promise.all([this.service.list(), this.service.lastUsed()]);
      return { profiles, ...(lastUsedId && profiles.some((p) => p.id === lastUsedId) ? { lastUsedId } : {}) };
    });
  }

  /**
   * Opens main's native dialog for an OIDC token file. The path stays in main; the page gets
   * an opaque id (valid for this run) and the file name.
   */
  chooseTokenFile(): Promise<{ id: string; name: string } | null> {
    return mapped(async () => {
      const [path] = await this.host.chooseFiles({ title: 'Choose the OIDC token file', multiple: false });
      return path ? this.tokenFiles.remember(path) : null;
    });
  }

  /** Tests unsaved input (nothing stored, nothing cached). */
  testInput(input: ProfileInput): Promise<ConnectionTestResult> {
    return mapped(async () => this.runTest(this.prepareInput(input), []));
  }

  testSaved(id: string, startPath?: StartPath): Promise<ConnectionTestResult> {
    return mapped(async () => {
      const session = await this.service.session(id);
      const result = await testConnection(this.clients, session, startPath ?? session.record.startPath);
      if (result.openAt?.region) this.clients.rememberRegion(id, result.openAt.bucket, result.openAt.region);
      return result;
    });
  }

  /** Tests a saved profile as it would be after an edit, without saving anything. */
  testPatch(id: string, patch: ProfilePatch): Promise<ConnectionTestResult> {
    return mapped(async () => {
      const { prepared, confirmedHosts } = await this.service.preparePatch(id, patch);
      return this.runTest({ ...prepared, record: { ...prepared.record, id: `draft-${randomUUID()}` } }, confirmedHosts);
    });
  }

  /** One path for every add: resolve, check hosts, build the record once, test it (optional), store it. */
  add(input: ProfileInput, test: boolean): Promise<ProfileView> {
    return mapped(async () => {
      const prepared = this.prepareInput(input);
      await this.approveHosts(prepared, []);
      if (test) {
        const result = await this.runTest({ ...prepared, record: { ...prepared.record, id: `draft-${randomUUID()}` } }, []);
        // Keep the region the test found so the profile opens without another lookup.
        if (result.openAt) prepared.record.startPath = result.openAt;
      }
      return this.service.save(prepared);
    });
  }

  update(id: string, patch: ProfilePatch, test: boolean): Promise<ProfileView> {
    return mapped(async () => {
      // Test what the profile would become; nothing is saved when the test fails.
      const { prepared, confirmedHosts } = await this.service.preparePatch(id, patch);
      await this.approveHosts(prepared, confirmedHosts);
      if (test) {
        const result = await this.runTest({ ...prepared, record: { ...prepared.record, id: `draft-${randomUUID()}` } }, confirmedHosts);
        if (result.openAt && patch.startPath !== null) prepared.record.startPath = result.openAt;
      }
      return this.service.replace(prepared);
    });
  }

  /**
   * Refuses credential URLs and OSS endpoint hosts (custom URL, per-region URLs, bucket
   * domains) that are neither official nor trusted (issue 10, findings 1, 3, 5; signed OSS
   * requests carry the AccessKey ID and a signature that does not cover the host). A host
   * counts as trusted when the saved profile already used it (`storedHosts`), main started
   * it (the sandbox), or the user trusted it in main's own dialog, which names it; what the
   * page claims it confirmed does not count, since script in the page could claim anything.
   * Forbidden hosts, and plain http without the profile's warning, are refused without asking.
   */
  private async approveHosts(p: PreparedProfile, storedHosts: readonly string[]): Promise<void> {
    const endpoint = p.record.endpoint;
    const region = endpoint.region;
    const allowInsecureHttp = endpoint.allowInsecureHttp;
    const credentialHosts = hostsToConfirm(p.credentials, region);
    const endpointHosts = endpointHostsToConfirm(endpoint);
    // Forbidden hosts, and plain http without the profile's warning, are refused before any dialog.
    assertCredentialUrlsAllowed(p.credentials, region, { confirmedHosts: credentialHosts.map((h) => h.host), allowInsecureHttp });
    assertEndpointUrlsAllowed(endpoint, { confirmedHosts: endpointHosts.map((h) => h.host), allowInsecureHttp });
    for (const { host, insecure } of credentialHosts) await this.trust(host, insecure, 'sign-in', storedHosts);
    for (const { host, insecure } of endpointHosts) await this.trust(host, insecure, 'oss-endpoint', storedHosts);
    const trusted = [...storedHosts, ...this.trustedHosts];
    assertCredentialUrlsAllowed(p.credentials, region, { confirmedHosts: trusted, allowInsecureHttp });
    assertEndpointUrlsAllowed(endpoint, { confirmedHosts: [...trusted, ...this.sandboxHosts], allowInsecureHttp });
  }

  /** Asks main's dialog about `host` unless it is already trusted; throws HostNotConfirmed (EndpointHostNotConfirmed) when the user declines. */
  private async trust(host: string, insecure: boolean, purpose: 'sign-in' | 'access-code' | 'oss-endpoint', storedHosts: readonly string[] = []): Promise<void> {
    if (storedHosts.includes(host) || this.trustedHosts.has(host) || (purpose === 'oss-endpoint' && this.sandboxHosts.has(host))) return;
    if (await this.host.confirmHost({ host, insecure, purpose })) {
      this.trustedHosts.add(host);
      return;
    }
    if (purpose === 'oss-endpoint') throw endpointNotConfirmed(host);
    throw hostNotConfirmed(host, true);
  }

  private prepareInput(input: ProfileInput): PreparedProfile {
    return this.service.prepare({ ...input, credentials: this.service.resolveCredentials(input.credentials) });
  }

  /** Tests a prepared profile through the app's client factory, under a draft id dropped afterwards. */
  private async runTest(prepared: PreparedProfile, storedHosts: readonly string[]): Promise<ConnectionTestResult> {
    await this.approveHosts(prepared, storedHosts);
    const session = this.service.draftSession(prepared);
    const id = prepared.record.id;
    this.drafts.set(id, session);
    try {
      return await testConnection(this.clients, session, prepared.record.startPath);
    } finally {
      this.drafts.delete(id);
      this.clients.evict(id);
      session.provider.dispose();
    }
  }

  duplicate(id: string, name?: string): Promise<ProfileView> {
    return mapped(() => this.service.duplicate(id, name));
  }

  delete(id: string): Promise<void> {
    return mapped(() => this.service.delete(id));
  }

  open(id: string): Promise<OpenedProfile> {
    return mapped(async () => {
      const record = await this.service.get(id);
      await this.service.session(id);
      await this.service.setLastUsed(id);
      if (record.startPath?.region) this.clients.rememberRegion(id, record.startPath.bucket, record.startPath.region);
      const profile = (await this.service.list()).find((p) => p.id === id)!;
      return { profile, ...(record.startPath ? { openAt: record.startPath } : {}) };
    });
  }

  sessionStatus(id: string): Promise<SessionStatus> {
    return mapped(() => this.service.sessionStatus(id));
  }

  importEnv(save: boolean, name: string): Promise<EnvironmentImport> {
    return mapped(async () => {
      const found = credentialsFromEnvironment(this.options.env ?? process.env);
      if (!found) return { found: false, variables: [] };
      const c = found.credentials;
      const result: EnvironmentImport = {
        found: true,
        type: c.type,
        variables: found.variables,
        ...('accessKeyId' in c ? { maskedAccessKeyId: maskAccessKeyId(c.accessKeyId) } : {}),
      };
      if (save) result.profile = await this.service.add({ name, credentials: { type: 'environment' }, endpoint: endpointSchema.parse({}), sessionOnly: false });
      return result;
    });
  }

  importFile(source: ImportSource): Promise<FileImport> {
    return mapped(async () => {
      const file = defaultImportPath(source, this.options.home ?? homedir());
      const parsed = await importCredentialFile(source, file);
      const imported: ProfileView[] = [];
      for (const p of parsed.profiles) {
        const endpoint: EndpointSettings = endpointSchema.parse({ region: p.region ?? DEFAULT_REGION });
        imported.push(await this.service.add({ name: p.name, credentials: p.credentials, endpoint, sessionOnly: false }));
      }
      return { file, imported, skipped: parsed.skipped };
    });
  }

  /**
   * Imports an access code. A code names its endpoint: an official OSS endpoint of its region
   * is used as is; link-local or metadata addresses are refused; any other host is used only
   * when the user trusts it in main's own dialog, which names it and, for plain http, warns
   * that anyone on the network could read the requests and files (that warning is what
   * switches plain HTTP on for the profile). This dialog is the one confirmation: script in
   * the page cannot answer it, so nothing the page sends counts as approval.
   */
  importAccessCode(text: string, name?: string): Promise<ProfileView> {
    return mapped(async () => {
      const now = new Date(this.options.clock?.now() ?? Date.now());
      const code = decodeAccessCode(text, now);
      let insecure = false;
      if (code.endpoint) {
        const verdict = judgeRemoteUrl('oss-endpoint', code.endpoint, code.region);
        // Forbidden hosts are refused before any dialog.
        assertRemoteUrlAllowed('oss-endpoint', code.endpoint, code.region, { confirmedHosts: verdict.kind === 'confirm' ? [verdict.host] : [], allowInsecureHttp: true });
        if (verdict.kind === 'confirm') {
          await this.trust(verdict.host, verdict.insecure, 'access-code');
          insecure = verdict.insecure;
        }
      }
      const endpoint = endpointSchema.parse(
        code.endpoint
          ? { kind: 'custom', customRegionUrls: { [code.region]: code.endpoint }, region: code.region, pathStyle: true, allowInsecureHttp: insecure }
          : { region: code.region },
      );
      return this.service.add({
        name: name ?? `${code.bucket}/${code.prefix}`,
        credentials: { type: 'sts-token', accessKeyId: code.accessKeyId, accessKeySecret: code.accessKeySecret, securityToken: code.securityToken, expiration: code.expiration },
        endpoint,
        startPath: { bucket: code.bucket, prefix: code.prefix, region: code.region },
        sessionOnly: false,
      });
    });
  }

  /** Starts the sandbox and creates (or repoints) its profile: its ports change every start. */
  startSandbox(): Promise<ProfileView> {
    return mapped(async () => {
      if (!this.options.sandbox) throw new AppException({ code: 'SandboxUnavailable', message: 'The local sandbox is not available in this build.', hint: profileErrorHints.SandboxUnavailable });
      const s = await this.options.sandbox.start();
      // Main started the sandbox itself: its hosts are trusted without asking.
      for (const url of Object.values(s.regionUrls)) this.sandboxHosts.add(hostOf(new URL(url)));
      const endpoint = endpointSchema.parse({ kind: 'custom', region: s.region, customRegionUrls: s.regionUrls, pathStyle: true, allowInsecureHttp: true, proxy: { mode: 'none' } });
      const existing = (await this.service.list()).find((p) => p.sandbox);
      const credentials = { type: 'access-key' as const, accessKeyId: s.accessKeyId, accessKeySecret: s.accessKeySecret };
      if (existing) return this.service.update(existing.id, { endpoint, credentials });
      try {
        return await this.service.add({ name: 'Local sandbox', credentials, endpoint, sessionOnly: false }, { sandbox: true });
      } catch (err) {
        // The sandbox keys only open the local emulator: without a keychain, keep them in memory.
        if (err instanceof KeychainError) return this.service.add({ name: 'Local sandbox', credentials, endpoint, sessionOnly: true }, { sandbox: true });
        throw err;
      }
    });
  }

  dispose(): void {
    this.service.dispose();
  }

  /** Stops credential timers and the sandbox emulator (app quit, end of a test). */
  async close(): Promise<void> {
    this.service.dispose();
    await this.options.sandbox?.close?.();
  }
}
