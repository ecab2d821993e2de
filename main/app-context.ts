/**
 * The composition root: every service the IPC handlers need, built once in main/index.ts
 * (and once per test in the e2e bridge). Features add their services here additively:
 * a field on AppContext, an option if it needs an injected dependency, a line in
 * createAppContext.
 */
import { AppException } from '../shared/errors';
import type { EmitEvent } from '../shared/ipc-contract';
import { describeError } from './services/oss/describe-error';
import { createBrowseServices, type BrowseServices } from './services/browse/browse-services';
import type { Logger } from './services/log/logger';
import type { ClientProvider } from './services/oss/client-provider';
import { PreviewServer } from './services/preview/preview-server';
import { ProfilesFeature, toAppException } from './services/profiles/profiles-feature';
import { SandboxService } from './services/sandbox/sandbox-service';
import { ShareFeature } from './services/share/share-feature';
import { KeytarSecretStore } from './services/secrets/keytar-secret-store';
import type { SecretStore } from './services/secrets/secret-store';
import type { CredentialEvent } from './services/credentials/types';
import type { Clock } from './services/credentials/clock';
import { ScriptedDesktopHost, type DesktopHost, type HostConfirmation } from './services/host/desktop-host';
import { TransferService } from './services/transfers/transfer-service';
import { DesktopFeature } from './desktop/desktop-feature';
import { credentialNotification } from './desktop/credential-notifications';
import { join } from 'node:path';

export interface AppContext {
  /** The app's per-user data folder (profiles file, logs). */
  readonly userDataDir: string;
  readonly log: Logger;
  /** Pushes an event to the renderer (through Electron or the test bridge). */
  readonly emit: EmitEvent;
  /** Runtime versions reported by app:info. */
  readonly versions: Record<string, string | undefined>;
  /** Opens an https URL in the system browser (shell.openExternal in Electron). */
  openExternal(url: string): Promise<void>;
  /** Signed OSS clients per profile/bucket (the profiles feature's client factory). */
  readonly clients: ClientProvider;
  /** Buckets, listings, object actions, previews, bookmarks. */
  readonly browse: BrowseServices;
  /** Profiles, credentials, connection tests, imports and the local sandbox. */
  readonly profiles: ProfilesFeature;
  /** Loopback server the renderer loads previews from (no presigned URL reaches it); close on quit. */
  readonly previewServer: PreviewServer;
  /** Native dialogs, the OS shell, notifications, keep-awake (Electron, or a scripted host in tests). */
  readonly host: DesktopHost;
  /** Uploads and downloads: the persistent queue and its engine (close on quit). */
  readonly transfers: TransferService;
  /** Share links, temporary access grants and oss-browser code import. */
  readonly share: ShareFeature;
  /** oss:// links waiting for the page, and the application menu's language. */
  readonly desktop: DesktopFeature;
}

export interface AppContextOptions {
  userDataDir: string;
  log: Logger;
  emit: EmitEvent;
  openExternal: (url: string) => Promise<void>;
  /** Native dialogs and the OS shell: Electron's in main/index.ts; default (tests): a ScriptedDesktopHost whose dialogs answer "cancelled". */
  host?: DesktopHost;
  versions?: Record<string, string | undefined>;
  /** OSS clients; default: the profiles feature's client factory. */
  clients?: ClientProvider;
  /** Where profile secrets go; default: the OS keychain (keytar). Tests pass a MemorySecretStore. */
  secrets?: SecretStore;
  /** Environment read by environment profiles and the system proxy; default: process.env. */
  env?: Record<string, string | undefined>;
  /** Home folder for credential-file import; default: os.homedir(). */
  home?: string;
  /** Keep the sandbox in memory instead of the user data folder (tests). */
  sandboxInMemory?: boolean;
  /** Where downloads go until the user picks a folder; default ~/Downloads (tests pass a temp folder). */
  downloadFolder?: string;
  /** The credential layer's time (STS expiry prompts, refresh timers); default: the wall clock. Tests move a ManualClock. */
  clock?: Clock;
  /** Names the current display arrangement, under which the window layout is kept; default: one fixed key (tests). */
  displayArrangement?: () => string;
}

/** Stands in until a client factory is wired: every OSS call explains that no profile is set up. */
const noClients: ClientProvider = {
  forService: () => Promise.reject(noProfile()),
  forBucket: () => Promise.reject(noProfile()),
  isolatedForBucket: () => Promise.reject(noProfile()),
};

function noProfile(): AppException {
  return new AppException({ code: 'NoProfile', message: 'No profile is available to sign OSS requests.', hint: 'Add a profile first.' });
}

/** Builds the context from the few things only the host (Electron or the test bridge) knows. */
export function createAppContext(options: AppContextOptions): AppContext {
  const desktop = new DesktopFeature({
    emit: options.emit,
    userDataDir: options.userDataDir,
    warn: (message, meta) => options.log.warn(message, meta),
    ...(options.displayArrangement ? { displayArrangement: options.displayArrangement } : {}),
  });
  const host = inUiLanguage(options.host ?? new ScriptedDesktopHost(), desktop);
  // Filled in below; a credential refresh wakes transfers waiting for it.
  const late: { transfers?: TransferService } = {};
  const sandbox = new SandboxService(options.sandboxInMemory ? {} : { dataDir: join(options.userDataDir, 'sandbox') });
  const profiles = new ProfilesFeature({
    host,
    userDataDir: options.userDataDir,
    secrets: options.secrets ?? new KeytarSecretStore(),
    ...(options.env ? { env: options.env } : {}),
    ...(options.home ? { home: options.home } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    sandbox,
    onCredentialEvent: (profileId, event) => {
      emitCredentialEvent(options.emit, profileId, event);
      if (event.kind === 'refreshed') late.transfers?.credentialsRefreshed(profileId);
      // A user in another app hears about credentials running out from the system.
      if ((event.kind === 'expiring' || event.kind === 'expired') && !host.isFocused()) {
        profiles.list().then(({ profiles: list }) => {
          const notice = credentialNotification(event, list.find((p) => p.id === profileId)?.name ?? '', new Date(), desktop.language ?? 'en');
          if (notice) host.notify(notice);
        }, () => undefined);
      }
    },
  });
  const clients = options.clients ?? profiles.clients ?? noClients;
  const previewServer = new PreviewServer(clients, { log: options.log });
  const browse = createBrowseServices({
    clients,
    previewLinks: previewServer,
    dataDir: options.userDataDir,
    emitSearch: (progress) => options.emit('objects:search-progress', progress),
    emitOperation: (progress) => options.emit('objects:operation-progress', progress),
    describeError: describeError,
  });
  const transfers = new TransferService({
    userDataDir: options.userDataDir,
    clients,
    host,
    describeError,
    log: options.log,
    // The batch-finished notification speaks the page's language (the menu's, set by desktop:set-language).
    language: () => desktop.language ?? 'en',
    ...(options.downloadFolder ? { defaultDownloadFolder: options.downloadFolder } : {}),
    events: {
      progress: (e) => options.emit('transfers:progress', e),
      conflictPlan: (plan) => options.emit('transfers:conflict-plan', plan),
      batchFinished: (b) => options.emit('transfers:batch-finished', b),
    },
  });
  late.transfers = transfers;
  // A deleted profile's preview links stop working at once.
  profiles.onProfileDeleted((id) => previewServer.revokeProfile(id));
  // A deleted profile's bookmarks go with it; a failure to rewrite the file is logged, not shown.
  profiles.onProfileDeleted((id) =>
    browse.bookmarks.removeProfile(id).then(
      () => undefined,
      (err: unknown) => options.log.warn('Could not remove the bookmarks of a deleted profile', { code: (err as { code?: string }).code ?? 'unknown' }),
    ),
  );
  const share = new ShareFeature({
    sessions: {
      // Profile and credential failures keep their codes and hints (expired STS token, missing keychain entry…).
      session: (id) => profiles.service.session(id).catch((err: unknown) => Promise.reject(toAppException(err))),
      bucketRegion: (id, bucket) => profiles.clients.bucketRegion(id, bucket),
    },
    clients,
    host,
    dataDir: options.userDataDir,
    storedCredentials: async (id) => {
      const { prepared } = await profiles.service.preparePatch(id, {});
      return { credentials: prepared.credentials, sandbox: prepared.record.sandbox === true };
    },
    sandboxSts: async () => {
      const emu = await sandbox.emulator();
      return { stsEndpoint: emu.stsEndpoint, roleArn: emu.roles.find((r) => r.endsWith('/sandbox-role')) };
    },
    importer: { importAccessCode: (text, name) => profiles.importAccessCode(text, name), add: (input, test) => profiles.add(input, test) },
  });
  profiles.onProfileDeleted((id) => share.settings.removeProfile(id));
  return {
    clients,
    browse,
    profiles,
    previewServer,
    userDataDir: options.userDataDir,
    log: options.log,
    emit: options.emit,
    versions: options.versions ?? { ...process.versions },
    openExternal: options.openExternal,
    host,
    transfers,
    share,
    desktop,
  };
}

/**
 * The host every service gets: main's "trust this address?" dialog speaks the page's language
 * (desktop:set-language, kept by the desktop feature), not the OS locale. Everything else
 * passes straight through to the real (or scripted) host.
 */
function inUiLanguage(host: DesktopHost, desktop: DesktopFeature): DesktopHost {
  return new Proxy(host, {
    get(target, prop) {
      if (prop === 'confirmHost') {
        return (request: HostConfirmation) => {
          const language = desktop.language;
          return target.confirmHost(language ? { ...request, language } : request);
        };
      }
      const value: unknown = Reflect.get(target, prop);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Forwards credential events to the renderer (countdown, expiry prompt, refresh failures). */
function emitCredentialEvent(emit: EmitEvent, profileId: string, event: CredentialEvent): void {
  const expiresAt = 'expiresAt' in event ? event.expiresAt?.toISOString() : undefined;
  const base = { profileId, ...(expiresAt ? { expiresAt } : {}) };
  if (event.kind === 'expiring') emit('credentials:expiring', base);
  else if (event.kind === 'expired') emit('credentials:expired', base);
  else if (event.kind === 'refreshed') emit('credentials:refreshed', base);
  else {
    emit('credentials:refresh-failed', {
      ...base,
      code: event.error.code,
      message: event.error.message,
      attempt: event.attempt,
      ...(event.retryAt ? { retryAt: event.retryAt.toISOString() } : {}),
    });
  }
}
