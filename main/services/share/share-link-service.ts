/**
 * Presigned links a user asked to hand out: GET (download or open in browser) for a
 * selection and PUT for one upload target. Signed in main with ali-oss (V4
 * `signatureUrlV4`, V1 `asyncSignatureUrl` for V1 profiles) on a signing-only client built
 * for links — public endpoint or CNAME, never the profile's internal/accelerate endpoint
 * unless chosen — so the shared per-bucket clients keep their own endpoint. The batch URLs
 * are kept in memory for the CSV export of this session; the history keeps no URL.
 */
import { randomUUID } from 'node:crypto';
import OSS from 'ali-oss';
import type { LinkBatch, LinkEndpointKind, ShareHistoryEntry, ShareLink, UploadLink } from '../../../shared/contract/share';
import type { ClientProvider } from '../oss/client-provider';
import type { ProfileSession } from '../oss/client-factory';
import { resolveEndpoint } from '../oss/endpoints';
import type { Credentials } from '../credentials/types';
import { attachmentDisposition, checkExpiry, checkKeyBytes, curlForUpload, effectiveExpiry, fileNameOf, linkEndpointSettings, linksCsv } from './link-signing';

/** What the link service needs from the profiles layer. */
export interface ShareSessions {
  session(profileId: string): Promise<ProfileSession>;
  bucketRegion(profileId: string, bucket: string): Promise<string>;
}

export interface ShareLinkServiceOptions {
  sessions: ShareSessions;
  /** For the public-read check (GetObjectAcl / GetBucketAcl with the profile's own client). */
  clients: ClientProvider;
  /** Wall-clock milliseconds; tests follow the emulator's clock. */
  now?: () => number;
}

export interface LinkRequest {
  profileId: string;
  bucket: string;
  keys: string[];
  expiresSeconds: number;
  disposition: 'attachment' | 'inline';
  endpointKind: LinkEndpointKind;
}

export interface UploadLinkRequest {
  profileId: string;
  bucket: string;
  key: string;
  contentType: string;
  expiresSeconds: number;
  endpointKind: LinkEndpointKind;
}

interface Signer {
  client: OSS;
  version: 'v1' | 'v4';
  creds: Credentials;
  host: string;
}

/** Object ACL checks per batch: enough for a hand-made selection, bounded for 1000 keys. */
const ACL_CHECK_LIMIT = 100;
const ACL_CHECK_CONCURRENCY = 6;
/** Batches kept for CSV export (most recent first out). */
const KEPT_BATCHES = 20;
const HISTORY_LIMIT = 500;

type AclClient = { getACL(key: string): Promise<{ acl: string }>; getBucketACL(bucket: string): Promise<{ acl: string }> };
type SigningClient = {
  signatureUrlV4(method: string, expires: number, request?: { headers?: Record<string, string>; queries?: Record<string, string> }, objectName?: string): Promise<string>;
  asyncSignatureUrl(name: string, options: Record<string, unknown>, strictObjectNameValidation?: boolean): Promise<string>;
};

export class ShareLinkService {
  private readonly sessions: ShareSessions;
  private readonly clients: ClientProvider;
  private readonly now: () => number;
  private readonly batches = new Map<string, Array<{ key: string; url: string; expiresAt: string }>>();
  private readonly log: ShareHistoryEntry[] = [];

  constructor(options: ShareLinkServiceOptions) {
    this.sessions = options.sessions;
    this.clients = options.clients;
    this.now = options.now ?? Date.now;
  }

  /** Presigned GET links for a selection. */
  async links(request: LinkRequest): Promise<LinkBatch> {
    for (const key of request.keys) checkKeyBytes(key);
    const signer = await this.signer(request.profileId, request.bucket, request.endpointKind);
    checkExpiry(request.expiresSeconds, signer.version);
    const now = this.now();
    const expiry = effectiveExpiry(now, request.expiresSeconds, signer.creds.expiration);
    const links: ShareLink[] = [];
    for (const key of request.keys) {
      const disposition = request.disposition === 'attachment' ? attachmentDisposition(key) : undefined;
      links.push({ key, url: await this.signGet(signer, key, request.expiresSeconds, disposition) });
    }
    const publicReadKeys = await this.publicReadKeys(request.profileId, request.bucket, request.keys);
    for (const link of links) if (publicReadKeys.includes(link.key)) link.plainUrl = link.url.split('?')[0]!;
    const batchId = randomUUID();
    const expiresAt = expiry.effective.toISOString();
    this.keepBatch(batchId, links.map((l) => ({ key: l.key, url: l.url, expiresAt })));
    for (const l of links) this.remember({ kind: request.disposition === 'attachment' ? 'download' : 'open', bucket: request.bucket, key: l.key, createdAt: new Date(now).toISOString(), expiresAt });
    return {
      batchId,
      links,
      signatureVersion: signer.version,
      expiresAt,
      requestedExpiresAt: expiry.requested.toISOString(),
      ...(signer.creds.expiration ? { credentialsExpireAt: signer.creds.expiration.toISOString() } : {}),
      shortenedByCredentials: expiry.shortened,
      carriesSecurityToken: Boolean(signer.creds.securityToken),
      host: signer.host,
      publicReadKeys,
    };
  }

  /** A presigned PUT with the Content-Type bound into the signature, and a curl command. */
  async uploadLink(request: UploadLinkRequest): Promise<UploadLink> {
    checkKeyBytes(request.key);
    const signer = await this.signer(request.profileId, request.bucket, request.endpointKind);
    checkExpiry(request.expiresSeconds, signer.version);
    const now = this.now();
    const expiry = effectiveExpiry(now, request.expiresSeconds, signer.creds.expiration);
    const c = signer.client as unknown as SigningClient;
    const url =
      signer.version === 'v4'
        ? await c.signatureUrlV4('PUT', request.expiresSeconds, { headers: { 'Content-Type': request.contentType } }, request.key)
        : await c.asyncSignatureUrl(request.key, { method: 'PUT', expires: request.expiresSeconds, 'Content-Type': request.contentType }, false);
    const expiresAt = expiry.effective.toISOString();
    this.remember({ kind: 'upload', bucket: request.bucket, key: request.key, createdAt: new Date(now).toISOString(), expiresAt });
    return {
      url,
      curl: curlForUpload(url, request.contentType, fileNameOf(request.key)),
      contentType: request.contentType,
      expiresAt,
      requestedExpiresAt: expiry.requested.toISOString(),
      ...(signer.creds.expiration ? { credentialsExpireAt: signer.creds.expiration.toISOString() } : {}),
      shortenedByCredentials: expiry.shortened,
      carriesSecurityToken: Boolean(signer.creds.securityToken),
      signatureVersion: signer.version,
    };
  }

  /** The CSV of a batch made this session, or undefined when it is no longer kept. */
  csv(batchId: string): string | undefined {
    const rows = this.batches.get(batchId);
    return rows ? linksCsv(rows) : undefined;
  }

  /** Links made this session, newest first, without URLs. */
  history(): ShareHistoryEntry[] {
    return [...this.log].reverse();
  }

  /** Adds an entry (the grant service records access codes here too). */
  remember(entry: ShareHistoryEntry): void {
    this.log.push(entry);
    if (this.log.length > HISTORY_LIMIT) this.log.splice(0, this.log.length - HISTORY_LIMIT);
  }

  private keepBatch(id: string, rows: Array<{ key: string; url: string; expiresAt: string }>): void {
    this.batches.set(id, rows);
    while (this.batches.size > KEPT_BATCHES) this.batches.delete(this.batches.keys().next().value!);
  }

  private async signGet(signer: Signer, key: string, expires: number, disposition: string | undefined): Promise<string> {
    const c = signer.client as unknown as SigningClient;
    if (signer.version === 'v4') {
      // Never response-content-type on a GET link: OSS rejects it.
      return c.signatureUrlV4('GET', expires, disposition ? { queries: { 'response-content-disposition': disposition } } : {}, key);
    }
    // ali-oss refuses keys starting with "?" unless told not to check; OSS allows them.
    return c.asyncSignatureUrl(key, { method: 'GET', expires, ...(disposition ? { response: { 'content-disposition': disposition } } : {}) }, false);
  }

  /** A client used only to sign: current credentials, the link endpoint for the bucket's region. */
  private async signer(profileId: string, bucket: string, kind: LinkEndpointKind): Promise<Signer> {
    const session = await this.sessions.session(profileId);
    const region = await this.sessions.bucketRegion(profileId, bucket);
    const settings = session.record.endpoint;
    const target = resolveEndpoint(linkEndpointSettings(settings, kind), region, bucket);
    const creds = await session.provider.getCredentials();
    const expiration = creds.expiration ?? session.provider.expiresAt();
    const client = new OSS({
      accessKeyId: creds.accessKeyId,
      accessKeySecret: creds.accessKeySecret,
      ...(creds.securityToken ? { stsToken: creds.securityToken } : {}),
      endpoint: target.endpoint,
      region: target.region,
      bucket,
      cname: target.cname,
      sldEnable: target.pathStyle,
      secure: target.endpoint.startsWith('https:'),
      authorizationV4: settings.signatureVersion === 'v4',
    } as OSS.Options);
    return {
      client,
      version: settings.signatureVersion,
      creds: { ...creds, ...(expiration ? { expiration } : {}) },
      host: new URL(target.endpoint).host,
    };
  }

  /** Keys anyone can read without a signature (object ACL, or the bucket's when the object has none). */
  private async publicReadKeys(profileId: string, bucket: string, keys: string[]): Promise<string[]> {
    let client: AclClient;
    try {
      client = (await this.clients.forBucket(profileId, bucket)) as unknown as AclClient;
    } catch {
      return [];
    }
    const isPublic = (acl: string | undefined): boolean => acl === 'public-read' || acl === 'public-read-write';
    let bucketAcl: Promise<string | undefined> | undefined;
    const bucketPublic = async (): Promise<boolean> => {
      bucketAcl ??= client.getBucketACL(bucket).then((r) => r.acl, () => undefined);
      return isPublic(await bucketAcl);
    };
    const found = new Set<string>();
    const queue = keys.slice(0, ACL_CHECK_LIMIT);
    // A few at a time: a selection's checks overlap their round trips without flooding OSS.
    const worker = async (): Promise<void> => {
      for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
        let acl: string | undefined;
        try {
          acl = (await client.getACL(key)).acl;
        } catch {
          // A user who may not read ACLs still gets the signed link; the check is advisory.
          continue;
        }
        if (isPublic(acl) || (acl === 'default' && (await bucketPublic()))) found.add(key);
      }
    };
    await Promise.all(Array.from({ length: ACL_CHECK_CONCURRENCY }, worker));
    return keys.filter((k) => found.has(k));
  }
}
