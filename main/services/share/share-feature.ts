/**
 * The share feature as the IPC handlers see it: links, CSV export through the desktop
 * host's save dialog (main writes the file; the page never names a path), temporary access
 * and oss-browser code import. Built over the profiles layer's sessions and keychain through
 * small functions, so it never reaches into another feature's internals.
 */
import { writeFile } from 'node:fs/promises';
import { AppException } from '../../../shared/errors';
import type { ProfileInput, ProfileView } from '../../../shared/profile-types';
import type { CredentialType } from '../../../shared/profile-types';
import type { DesktopHost } from '../host/desktop-host';
import type { ClientProvider } from '../oss/client-provider';
import { GrantService, type GrantCaller } from './grant-service';
import { GrantSettingsStore } from './grant-settings-store';
import { importOssBrowserCode, type ProfileImporter } from './oss-browser-import';
import { ShareLinkService, type ShareSessions } from './share-link-service';

export interface ShareFeatureOptions {
  sessions: ShareSessions;
  clients: ClientProvider;
  host: DesktopHost;
  /** Where share-settings.json lives; undefined keeps role settings in memory. */
  dataDir: string | undefined;
  /** The profile's stored credentials as entered (main side only) and whether it is the sandbox. */
  storedCredentials(profileId: string): Promise<{ credentials: ProfileInput['credentials']; sandbox: boolean }>;
  /** The local sandbox's STS address and a role it can assume (so a newcomer can try sharing at once). */
  sandboxSts?: () => Promise<{ stsEndpoint: string; roleArn?: string | undefined }>;
  importer: ProfileImporter;
  now?: () => number;
}

/** Profile types whose own keys can call AssumeRole. */
const CALLERS: CredentialType[] = ['access-key', 'ram-role'];

export class ShareFeature {
  readonly links: ShareLinkService;
  readonly grants: GrantService;
  readonly settings: GrantSettingsStore;
  private readonly options: ShareFeatureOptions;

  constructor(options: ShareFeatureOptions) {
    this.options = options;
    this.links = new ShareLinkService({ sessions: options.sessions, clients: options.clients, ...(options.now ? { now: options.now } : {}) });
    this.settings = new GrantSettingsStore(options.dataDir);
    this.grants = new GrantService({
      callerFor: (id) => this.callerFor(id),
      sessions: options.sessions,
      settings: this.settings,
      remember: (e) => this.links.remember(e),
      ...(options.now ? { now: options.now } : {}),
    });
  }

  /** Asks where to save the batch's CSV, then writes it. `saved: false` when the user cancelled. */
  async exportCsv(batchId: string): Promise<{ saved: boolean }> {
    const csv = this.links.csv(batchId);
    if (csv === undefined) {
      throw new AppException({ code: 'NotFound', message: 'These links are no longer kept for export.', hint: 'Make the links again, then export them.' });
    }
    const file = await this.options.host.chooseSaveFile({ title: 'Save links as CSV', defaultPath: 'share-links.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] });
    if (!file) return { saved: false };
    await writeFile(file, csv, 'utf8');
    return { saved: true };
  }

  importOssBrowserCode(code: string, name: string | undefined): Promise<ProfileView> {
    return importOssBrowserCode(this.options.importer, code, name, new Date(this.options.now?.() ?? Date.now()));
  }

  private async callerFor(profileId: string): Promise<GrantCaller> {
    const { credentials: c, sandbox } = await this.options.storedCredentials(profileId);
    if (!CALLERS.includes(c.type) || !('accessKeyId' in c) || !('accessKeySecret' in c)) {
      return {
        supported: false,
        reason: "This profile signs in without a RAM user's AccessKey pair, so it cannot ask STS for temporary access. Use a profile of type AccessKey or RAM role.",
      };
    }
    const own = c.type === 'ram-role' ? { roleArn: c.roleArn, ...(c.stsEndpoint ? { stsEndpoint: c.stsEndpoint } : {}) } : {};
    const local = sandbox ? await this.options.sandboxSts?.() : undefined;
    const sandboxDefaults = local ? { stsEndpoint: local.stsEndpoint, ...(local.roleArn ? { roleArn: local.roleArn } : {}) } : {};
    return { supported: true, accessKeyId: c.accessKeyId, accessKeySecret: c.accessKeySecret, ...own, ...sandboxDefaults };
  }
}
