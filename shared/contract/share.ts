/**
 * Share feature channels: presigned links for objects (GET) and upload targets (PUT), their
 * CSV export through main's save dialog, a session history without URLs, and temporary
 * path-scoped access (AssumeRole → access code). Signed URLs and the temporary credentials a
 * user asked to hand out are the only secrets a reply may carry: they are meant to leave the
 * app. The profile's own keys never do.
 */
import { z } from 'zod';
import type { ProfileView } from '../profile-types';
import { out, req, type EventTable, type RequestTable } from './define';

const profileId = z.string().min(1).max(200);
const bucket = z.string().max(63).regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, 'Bucket names are 3-63 lowercase letters, digits or hyphens.');
/** OSS keys are 1-1023 bytes of UTF-8; a JS string of ≤ 1023 code units may still be longer in bytes (checked in main). */
const objectKey = z.string().min(1).max(1023);
const prefix = z.string().max(1023);

/** Longest link OSS's V4 signature accepts (x-oss-expires 1..604800). */
export const V4_MAX_EXPIRES_SECONDS = 7 * 24 * 3600;
/** V1 links have no server-side cap; this keeps a typo from making a link that outlives the user. */
export const V1_MAX_EXPIRES_SECONDS = 365 * 24 * 3600;
/** Presets the dialog offers (seconds): 15 min, 1 h, 1 day, 7 days. */
export const EXPIRY_PRESETS = [900, 3600, 86_400, 604_800] as const;
/** Links made in one request (a selection). */
export const MAX_LINKS_PER_REQUEST = 1000;

/** Permission sets a temporary access grant can carry. */
export const GRANT_PERMISSIONS = ['read', 'upload', 'read-write', 'read-write-delete'] as const;
export type GrantPermission = (typeof GRANT_PERMISSIONS)[number];

/** STS session bounds: 900 s up to the role's maximum (≤ 12 h). */
export const GRANT_MIN_SECONDS = 900;
export const GRANT_MAX_SECONDS = 43_200;

export type LinkDisposition = 'attachment' | 'inline';
export type LinkEndpointKind = 'public' | 'internal' | 'accelerate';

/** One presigned link; `plainUrl` when the object is public-read and needs no signature. */
export interface ShareLink {
  key: string;
  url: string;
  plainUrl?: string;
}

/** What a batch of links shares: how long they work and why. */
export interface LinkBatch {
  /** Handle for the CSV export (main keeps the batch for this session only). */
  batchId: string;
  links: ShareLink[];
  signatureVersion: 'v1' | 'v4';
  /** When the links stop working: the earlier of the link's own expiry and the credentials'. */
  expiresAt: string;
  /** The expiry asked for. */
  requestedExpiresAt: string;
  /** When the signing credentials expire (STS, role session), if they do. */
  credentialsExpireAt?: string;
  /** The credentials expire before the link would: the link dies with them. */
  shortenedByCredentials: boolean;
  /** The link carries the STS security token (anyone holding it can use that token until it expires). */
  carriesSecurityToken: boolean;
  /** Host the links point at (a CNAME when the bucket has one). */
  host: string;
  /** Public-read objects found in the batch (they need no signed link). */
  publicReadKeys: string[];
}

export interface UploadLink {
  url: string;
  /** Ready-to-paste curl command for the recipient. */
  curl: string;
  contentType: string;
  expiresAt: string;
  requestedExpiresAt: string;
  credentialsExpireAt?: string;
  shortenedByCredentials: boolean;
  carriesSecurityToken: boolean;
  signatureVersion: 'v1' | 'v4';
}

/** A link made this session, without its URL. */
export interface ShareHistoryEntry {
  kind: 'download' | 'open' | 'upload' | 'access-code';
  bucket: string;
  key: string;
  createdAt: string;
  expiresAt: string;
}

/** What the temporary-access dialog needs to know before it asks STS. */
export interface GrantSetup {
  /** The profile can call AssumeRole (a RAM user's AccessKey pair, or a RAM-role profile's). */
  supported: boolean;
  /** Why not, in words, when it cannot. */
  reason?: string;
  roleArn?: string;
  stsEndpoint?: string;
}

/** The plain fields of a grant, for tools other than this app. */
export interface GrantFields {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  expiration: string;
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
}

export interface Grant {
  /** `ossac1.…`: opens in this app as a profile starting at bucket/prefix. */
  accessCode: string;
  /** The official oss-browser's authorization code (base64 JSON). */
  ossBrowserCode: string;
  fields: GrantFields;
  permission: GrantPermission;
  /** The inline policy sent to STS, pretty-printed. */
  policy: string;
}

const expiresSeconds = z.number().int().min(1).max(V1_MAX_EXPIRES_SECONDS);

export const requests = {
  /** Presigned GET links for up to 1000 keys of one bucket. */
  'share:links': req(
    z.object({
      profileId,
      bucket,
      keys: z.array(objectKey).min(1).max(MAX_LINKS_PER_REQUEST),
      expiresSeconds,
      disposition: z.enum(['attachment', 'inline']).default('attachment'),
      endpointKind: z.enum(['public', 'internal', 'accelerate']).default('public'),
    }),
    out<LinkBatch>(),
  ),
  /** A presigned PUT for one key with the Content-Type bound into the signature. */
  'share:upload-link': req(
    z.object({
      profileId,
      bucket,
      key: objectKey,
      contentType: z.string().min(3).max(200).regex(/^[\w.+-]+\/[\w.+-]+$/, 'A content type looks like image/png.'),
      expiresSeconds,
      endpointKind: z.enum(['public', 'internal', 'accelerate']).default('public'),
    }),
    out<UploadLink>(),
  ),
  /** Saves a batch as CSV (key, URL, expires at) where the user picks in the native save dialog. */
  'share:export-csv': req(z.object({ batchId: z.string().min(1).max(64) }), out<{ saved: boolean }>()),
  /** Links made this session (no URLs). */
  'share:history': req(z.undefined(), out<ShareHistoryEntry[]>()),
  /** Whether and how this profile can make temporary access. */
  'share:grant-setup': req(z.object({ profileId }), out<GrantSetup>()),
  /** AssumeRole with an inline policy on bucket/prefix; returns an access code and plain fields. */
  'share:grant': req(
    z.object({
      profileId,
      bucket,
      prefix,
      permission: z.enum(GRANT_PERMISSIONS),
      durationSeconds: z.number().int().min(GRANT_MIN_SECONDS).max(GRANT_MAX_SECONDS),
      roleArn: z
        .string()
        .trim()
        .max(300)
        .regex(/^acs:ram::\d+:role\/[\w.@-]{1,64}$/i, 'A role ARN looks like acs:ram::123456789012:role/name.'),
      stsEndpoint: z.url({ protocol: /^https?$/ }).max(300).optional(),
    }),
    out<Grant>(),
  ),
  /** Imports an official oss-browser code (STS grant or sub-account form) as a profile. */
  'share:import-oss-browser-code': req(z.object({ code: z.string().min(8).max(16_384), name: z.string().trim().min(1).max(80).optional() }), out<ProfileView>()),
} satisfies RequestTable;

export const events = {} satisfies EventTable;
