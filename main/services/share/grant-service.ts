/**
 * Temporary, path-scoped access for someone else: AssumeRole with the profile's RAM user
 * keys (an AccessKey profile, or a RAM-role profile's own keys) and an inline policy for one
 * bucket/prefix and permission set, packed as an `ossac1.` access code (this app), an
 * oss-browser grant code (the official app) and plain fields for other tools. The role ARN
 * and STS address are remembered per profile.
 */
import { encodeAccessCode } from '../../../shared/access-code';
import { AppException } from '../../../shared/errors';
import { encodeOssBrowserGrant } from '../../../shared/oss-browser-code';
import type { Grant, GrantPermission, GrantSetup, ShareHistoryEntry } from '../../../shared/contract/share';
import { resolveEndpoint } from '../oss/endpoints';
import { codeActions, grantPolicy, MAX_POLICY_LENGTH, policyText } from './grant-policy';
import { assumeRole, checkStsEndpoint, DEFAULT_STS_ENDPOINT, grantErrorHints } from './grant-sts';
import type { GrantSettingsStore } from './grant-settings-store';
import type { ShareSessions } from './share-link-service';

/** The keys that call STS for a profile, or why there are none. */
export type GrantCaller =
  | {
      supported: true;
      accessKeyId: string;
      accessKeySecret: string;
      roleArn?: string;
      stsEndpoint?: string;
      /** The defaults change every start (the local sandbox's ports): they win over remembered ones and are not remembered. */
      live?: boolean;
    }
  | { supported: false; reason: string };

export interface GrantServiceOptions {
  /** The profile's long-term RAM user keys (read from the keychain in main) and its STS defaults. */
  callerFor(profileId: string): Promise<GrantCaller>;
  sessions: ShareSessions;
  settings: GrantSettingsStore;
  remember(entry: ShareHistoryEntry): void;
  /**
   * Main's own dialog naming a non-Alibaba STS host (DesktopHost.confirmHost): true when the
   * user trusts it. Without it such hosts are refused. What the page says was confirmed never counts.
   */
  confirmHost?: (host: string, insecure: boolean) => Promise<boolean>;
  now?: () => number;
}

export interface GrantRequest {
  profileId: string;
  bucket: string;
  prefix: string;
  permission: GrantPermission;
  durationSeconds: number;
  roleArn: string;
  stsEndpoint?: string | undefined;
}

export class GrantService {
  private readonly now: () => number;

  constructor(private readonly options: GrantServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** What the dialog pre-fills: the remembered role and STS address, or the profile's own. */
  async setup(profileId: string): Promise<GrantSetup> {
    const caller = await this.options.callerFor(profileId);
    if (!caller.supported) return { supported: false, reason: caller.reason };
    const saved = caller.live ? undefined : await this.options.settings.get(profileId);
    const roleArn = saved?.roleArn ?? caller.roleArn;
    const stsEndpoint = saved?.stsEndpoint ?? caller.stsEndpoint ?? DEFAULT_STS_ENDPOINT;
    return { supported: true, ...(roleArn ? { roleArn } : {}), stsEndpoint };
  }

  /**
   * STS hosts the signed AssumeRole may go to: the profile's own (confirmed when it was saved),
   * the one a grant from this profile already used (main wrote that down), or one the user
   * trusts now in main's dialog. Official hosts need none of this; forbidden, malformed and
   * plain-http ones off this computer are refused before any dialog (checkStsEndpoint).
   */
  private async trustedStsHosts(profileId: string, caller: Extract<GrantCaller, { supported: true }>, endpoint: string): Promise<string[]> {
    const saved = (await this.options.settings.get(profileId))?.stsEndpoint;
    const trusted = [caller.stsEndpoint, saved].flatMap((u) => (u ? [new URL(u).host] : []));
    try {
      checkStsEndpoint(endpoint, trusted);
      return trusted;
    } catch (err) {
      const url = new URL(endpoint);
      const host = url.host;
      if ((err as { code?: string }).code !== 'ShareStsHostNotConfirmed' || !(await this.options.confirmHost?.(host, url.protocol === 'http:'))) throw err;
      return [...trusted, host];
    }
  }

  /** Asks STS for the scoped session and packs it for the recipient. */
  async grant(request: GrantRequest): Promise<Grant> {
    const caller = await this.options.callerFor(request.profileId);
    if (!caller.supported) throw new AppException({ code: 'ShareUnsupportedProfile', message: caller.reason, hint: grantErrorHints.ShareUnsupportedProfile });
    if (request.prefix && !request.prefix.endsWith('/')) request = { ...request, prefix: `${request.prefix}/` };
    const endpoint = request.stsEndpoint ?? caller.stsEndpoint ?? DEFAULT_STS_ENDPOINT;
    const trusted = await this.trustedStsHosts(request.profileId, caller, endpoint);
    const policy = grantPolicy(request.bucket, request.prefix, request.permission);
    const text = policyText(policy);
    if (text.length > MAX_POLICY_LENGTH) {
      throw new AppException({
        code: 'SharePolicyTooLong',
        message: `The access policy for this folder is ${text.length} characters long; STS accepts at most ${MAX_POLICY_LENGTH}.`,
        hint: grantErrorHints.SharePolicyTooLong,
      });
    }
    const session = await this.options.sessions.session(request.profileId);
    const region = await this.options.sessions.bucketRegion(request.profileId, request.bucket);
    const creds = await assumeRole(
      { accessKeyId: caller.accessKeyId, accessKeySecret: caller.accessKeySecret, endpoint },
      request.roleArn,
      text,
      request.durationSeconds,
      `oss-browser-share-${Math.floor(this.now() / 1000)}`,
      trusted,
    );
    // Remember what worked, so the next grant from this profile is one click (the sandbox's address is new every start).
    if (!caller.live) await this.options.settings.set(request.profileId, { roleArn: request.roleArn, stsEndpoint: endpoint });
    const settings = session.record.endpoint;
    // Our code carries an endpoint only when the profile uses a custom one (private cloud, sandbox).
    const customEndpoint = settings.kind === 'custom' ? resolveEndpoint(settings, region).endpoint : undefined;
    const publicEndpoint = resolveEndpoint({ ...settings, kind: settings.kind === 'custom' ? 'custom' : 'public', cnames: {} }, region).endpoint;
    const accessCode = encodeAccessCode({
      v: 1,
      accessKeyId: creds.accessKeyId,
      accessKeySecret: creds.accessKeySecret,
      securityToken: creds.securityToken,
      expiration: creds.expiration,
      bucket: request.bucket,
      prefix: request.prefix,
      region,
      ...(customEndpoint ? { endpoint: customEndpoint } : {}),
      actions: codeActions(request.permission),
    });
    const ossBrowserCode = encodeOssBrowserGrant({
      id: creds.accessKeyId,
      secret: creds.accessKeySecret,
      stoken: creds.securityToken,
      expiration: creds.expiration,
      region,
      bucket: request.bucket,
      prefix: request.prefix,
      readOnly: request.permission === 'read',
    });
    this.options.remember({ kind: 'access-code', bucket: request.bucket, key: request.prefix, createdAt: new Date(this.now()).toISOString(), expiresAt: new Date(creds.expiration).toISOString() });
    return {
      accessCode,
      ossBrowserCode,
      fields: { ...creds, endpoint: publicEndpoint, region, bucket: request.bucket, prefix: request.prefix },
      permission: request.permission,
      policy: JSON.stringify(policy, null, 2),
    };
  }
}
