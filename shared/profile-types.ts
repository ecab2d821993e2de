/**
 * The profile data model shared by main and the renderer: what a user enters (ProfileInput,
 * secrets included, travelling renderer -> main only), what is stored on disk
 * (ProfileRecord, never a secret) and what the renderer is shown (ProfileView, a masked
 * AccessKey ID at most).
 */
import { DEFAULT_ROLE_SESSION_NAME, ROLE_SESSION_SECONDS } from './defaults';
import { z } from 'zod';
import { boundedRecord } from './contract/schema-bounds';
import { ENDPOINT_HOST_HINT, REMOTE_HOST_HINTS } from './remote-hosts';

/** How a profile gets its credentials; one CredentialProvider implementation each. */
export const CREDENTIAL_TYPES = [
  'access-key',
  'sts-token',
  'ram-role',
  'credentials-uri',
  'ecs-ram-role',
  'oidc-role',
  'environment',
] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export const ENDPOINT_KINDS = ['public', 'internal', 'accelerate', 'custom'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

const regionId = z
  .string()
  .trim()
  .max(64)
  .regex(/^(oss-)?[a-z0-9-]{2,40}$/i, 'Region looks like oss-cn-hangzhou.');

const httpUrl = z.url({ protocol: /^https?$/, error: 'Enter a full URL starting with https:// (or http://).' }).max(2048);

/** Proxy for OSS requests: the system's (env/OS), none, or a manual one with optional auth. */
export const proxySchema = z.object({
  mode: z.enum(['system', 'none', 'manual']).default('system'),
  url: httpUrl.optional(),
  username: z.string().max(256).optional(),
});
export type ProxySettings = z.infer<typeof proxySchema>;

/** Where requests go. Every bucket is still routed to its own region automatically. */
export const endpointSchema = z
  .object({
    kind: z.enum(ENDPOINT_KINDS).default('public'),
    /** The profile's home region: service calls and the fallback for unknown buckets. */
    region: regionId.default('oss-cn-hangzhou'),
    /** custom: one URL for a private cloud / an OSS-compatible endpoint. */
    customUrl: httpUrl.optional(),
    /** custom: per-region URLs (the local sandbox gives each region its own port). */
    customRegionUrls: boundedRecord(z.string().max(64), httpUrl, 64).optional(),
    /** Path-style addressing (`http://host/bucket/key`, ali-oss `sldEnable`). */
    pathStyle: z.boolean().default(false),
    /** Per-bucket custom domain (CNAME), e.g. { photos: 'img.example.com' }. */
    cnames: boundedRecord(z.string().max(63), z.string().trim().min(3).max(253), 1000).default({}),
    /** Plain HTTP is refused unless the user ticked the warning. */
    allowInsecureHttp: z.boolean().default(false),
    signatureVersion: z.enum(['v4', 'v1']).default('v4'),
    proxy: proxySchema.default({ mode: 'system' }),
    connectTimeoutMs: z.number().int().min(1000).max(300_000).default(10_000),
    readTimeoutMs: z.number().int().min(1000).max(3_600_000).default(120_000),
  })
  .superRefine((e, ctx) => {
    if (e.kind === 'custom' && !e.customUrl && !e.customRegionUrls) {
      ctx.addIssue({ code: 'custom', path: ['customUrl'], message: 'A custom endpoint needs its URL.' });
    }
    const urls = [e.customUrl, ...Object.values(e.customRegionUrls ?? {})];
    if (!e.allowInsecureHttp && urls.some((u) => u?.startsWith('http:'))) {
      ctx.addIssue({
        code: 'custom',
        path: ['allowInsecureHttp'],
        message: 'This endpoint uses plain HTTP: anyone on the network can read the traffic. Tick the warning to allow it.',
      });
    }
    if (e.proxy.mode === 'manual' && !e.proxy.url) {
      ctx.addIssue({ code: 'custom', path: ['proxy', 'url'], message: 'A manual proxy needs its URL.' });
    }
  });
export type EndpointSettings = z.infer<typeof endpointSchema>;

/** `oss://bucket/prefix/`: where a restricted user starts browsing. */
export const startPathSchema = z.object({
  bucket: z.string().trim().max(63).regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, 'Bucket names are 3-63 lowercase letters, digits or hyphens.'),
  prefix: z.string().max(1023).default(''),
  /** The bucket's region when known (found by the connection test; fixed automatically). */
  region: z.string().max(64).regex(/^oss-[a-z0-9-]+$/).optional(),
});
export type StartPath = z.infer<typeof startPathSchema>;

/** Parses `oss://bucket/prefix/` (the oss:// is optional). */
export function parseStartPath(text: string): StartPath | undefined {
  const m = /^(?:oss:\/\/)?([^/\s]+)\/?(.*)$/.exec(text.trim());
  if (!m || !m[1]) return undefined;
  const prefix = m[2] ? (m[2].endsWith('/') ? m[2] : `${m[2]}/`) : '';
  const parsed = startPathSchema.safeParse({ bucket: m[1], prefix });
  return parsed.success ? parsed.data : undefined;
}

/** Formats a start path back to `oss://bucket/prefix/`. */
export function formatStartPath(p: StartPath): string {
  return `oss://${p.bucket}/${p.prefix}`;
}

const secret = z.string().trim().min(1, 'Required.').max(4096);
const accessKeyId = z.string().trim().min(3, 'Required.').max(256).regex(/^[\w.-]+$/, 'An AccessKey ID has no spaces or symbols.');

/** Type-specific fields a user enters. Secrets: accessKeySecret, securityToken, proxyPassword. */
export const credentialInputSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('access-key'), accessKeyId, accessKeySecret: secret }),
  z.object({
    type: z.literal('sts-token'),
    accessKeyId,
    accessKeySecret: secret,
    securityToken: secret,
    /** ISO time the token expires; drives the countdown. */
    expiration: z.iso.datetime({ offset: true }).optional(),
  }),
  z.object({
    type: z.literal('ram-role'),
    accessKeyId,
    accessKeySecret: secret,
    roleArn: z.string().trim().max(256).regex(/^acs:ram::[^:]+:role\/.+$/, 'A role ARN looks like acs:ram::123456789012:role/name.'),
    sessionName: z.string().trim().max(64).regex(/^[\w.@-]{2,64}$/, '2-64 letters, digits or . @ - _').default(DEFAULT_ROLE_SESSION_NAME),
    policy: z.string().trim().max(2048).optional(),
    durationSeconds: z.number().int().min(ROLE_SESSION_SECONDS.min).max(ROLE_SESSION_SECONDS.max).default(ROLE_SESSION_SECONDS.default),
    stsEndpoint: httpUrl.optional(),
  }),
  z.object({ type: z.literal('credentials-uri'), credentialsUri: httpUrl }),
  z.object({
    type: z.literal('ecs-ram-role'),
    roleName: z.string().trim().max(128).optional(),
    metadataUrl: httpUrl.optional(),
  }),
  z.object({
    type: z.literal('oidc-role'),
    roleArn: z.string().trim().min(1).max(256),
    oidcProviderArn: z.string().trim().min(1).max(256),
    /**
     * The token file, as the opaque id main gave when the user chose it in a native dialog
     * (profiles:choose-token-file), or SAVED_TOKEN_FILE to keep a saved profile's file. Absent:
     * ALIBABA_CLOUD_OIDC_TOKEN_FILE from main's environment. The page never names a path.
     */
    oidcTokenFileId: z.string().trim().min(1).max(128).optional(),
    sessionName: z.string().trim().max(64).default(DEFAULT_ROLE_SESSION_NAME),
    policy: z.string().trim().max(2048).optional(),
    durationSeconds: z.number().int().min(ROLE_SESSION_SECONDS.min).max(ROLE_SESSION_SECONDS.max).default(ROLE_SESSION_SECONDS.default),
    stsEndpoint: httpUrl.optional(),
  }),
  z.object({ type: z.literal('environment') }),
]);
export type CredentialInput = z.infer<typeof credentialInputSchema>;

/** The oidcTokenFileId that keeps the token file a saved profile already has. */
export const SAVED_TOKEN_FILE = 'saved';

/**
 * Credentials as main uses them: the page's token file id resolved to the path main chose
 * (or read from the environment or a credentials file). Never crosses IPC.
 */
export type ResolvedCredentials =
  | Exclude<CredentialInput, { type: 'oidc-role' }>
  | (Omit<Extract<CredentialInput, { type: 'oidc-role' }>, 'oidcTokenFileId'> & { oidcTokenFile: string; oidcTokenFileName?: string });

/** Everything the add/edit form sends. */
export const profileInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the profile a name.').max(80),
  credentials: credentialInputSchema,
  endpoint: endpointSchema.default(endpointSchema.parse({})),
  startPath: startPathSchema.optional(),
  /** Keep secrets in memory only, for this session (e.g. when the keychain is unavailable). */
  sessionOnly: z.boolean().default(false),
  proxyPassword: z.string().max(1024).optional(),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;

/** A profile input with its credentials resolved (main side). */
export type ResolvedProfileInput = Omit<ProfileInput, 'credentials'> & { credentials: ResolvedCredentials };

/** Non-secret, type-specific settings kept in the metadata file. */
export interface CredentialSettings {
  roleArn?: string;
  sessionName?: string;
  policy?: string;
  durationSeconds?: number;
  stsEndpoint?: string;
  credentialsUri?: string;
  roleName?: string;
  metadataUrl?: string;
  oidcProviderArn?: string;
  /** Main only: the token file's path (ProfileView drops it; the page sees the name). */
  oidcTokenFile?: string;
  /** The token file's name, for display. */
  oidcTokenFileName?: string;
  /** sts-token: when the pasted token expires. */
  expiration?: string;
}

/** One profile as stored in profiles.json: no secret, ever. */
export interface ProfileRecord {
  id: string;
  name: string;
  type: CredentialType;
  /** `LTAI****abcd`; the full ID is in the keychain with the secret. */
  maskedAccessKeyId?: string;
  settings: CredentialSettings;
  endpoint: EndpointSettings;
  startPath?: StartPath;
  /** True for the local sandbox profile (its emulator starts with the app). */
  sandbox?: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What the renderer sees about a profile. */
export interface ProfileView extends ProfileRecord {
  /** Secrets are held in memory only and vanish when the app quits. */
  sessionOnly: boolean;
  /** Current credentials' expiry, when known (STS, roles, URI, ECS). */
  expiresAt?: string;
}

/** Result of a connection test (before or after saving). */
export interface ConnectionTestResult {
  ok: true;
  /** Buckets found by ListBuckets, or the start path's bucket when the test listed a path. */
  buckets: Array<{ name: string; region: string }>;
  /** Where the profile opens: the start path when one was checked. */
  openAt?: StartPath;
  /** The region the start path's bucket really is in (auto-fixed when it differed). */
  resolvedRegion?: string;
  expiresAt?: string;
}

/** Status bar state of a profile's session credentials. */
export interface SessionStatus {
  profileId: string;
  type: CredentialType;
  expiresAt?: string;
  /** Last refresh failure, if the latest attempt failed. */
  refreshError?: { code: string; message: string; retryAt?: string };
}

/** Masks an AccessKey ID for display: `LTAI****abcd`. Short IDs reveal at most 2 chars. */
export function maskAccessKeyId(id: string): string {
  const v = id.trim();
  if (v.length >= 12) return `${v.slice(0, 4)}****${v.slice(-4)}`;
  if (v.length >= 6) return `${v.slice(0, 2)}****${v.slice(-2)}`;
  return '****';
}

/**
 * What to do next, for the error codes profiles and credentials raise (STS codes included),
 * one text per code so the renderer's translations (errors:hint.<code>) say the same thing.
 * Codes whose main-side hint depends on the platform or the cause (KeychainUnavailable,
 * InvalidEndpoint) are translated in the renderer but not listed here.
 */
export const profileErrorHints = {
  InvalidAccessCode: 'Ask the person who shared it for a new access code.',
  ListBucketsDenied: 'This user may not list buckets. Enter a start path (oss://bucket/folder/) the user is allowed to open, and test again.',
  CredentialsMissing: 'Edit the profile and enter its keys again: the keychain has no secret for it (it may have been removed outside the app).',
  EnvironmentCredentialsMissing: 'Set OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET (or the ALIBABA_CLOUD_* variables) before starting the app.',
  CredentialsUnavailable: 'Check the address of the credentials service and that it is running, then try again.',
  InvalidCredentialsResponse: 'The address did not answer like an Alibaba Cloud credentials service. Check the URL in the profile.',
  EcsRoleUnavailable: 'Attach a RAM role to this ECS instance in the ECS console, or enter the name of the role it has.',
  OidcTokenFileUnreadable:
    'Check ALIBABA_CLOUD_OIDC_TOKEN_FILE (or the token file in the profile): it must point at the token the cluster mounts for this pod (RRSA).',
  OidcTokenFileMissing: 'Choose the token file with "Choose token file…", or set ALIBABA_CLOUD_OIDC_TOKEN_FILE before starting the app.',
  OidcTokenFileNotChosen: 'Choose the token file again with "Choose token file…".',
  RegionsUnavailable: 'The built-in region list is used instead. Private clouds and the local sandbox do not offer DescribeRegions.',
  SandboxUnavailable: 'This build has no local sandbox. Add a profile with your own AccessKey instead.',
  EndpointHostNotConfirmed: ENDPOINT_HOST_HINT,
  ...REMOTE_HOST_HINTS,
  NoPermission:
    "The role cannot be assumed. For a RAM user: grant it sts:AssumeRole and check that the role's trust policy trusts the account. For OIDC: the role's trust policy must trust the OIDC provider.",
  'EntityNotExist.Role': "The role ARN does not exist. Copy it from the role's page in the RAM console.",
  'EntityNotExist.OIDCProvider': 'The OIDC provider ARN does not exist. Copy it from the OIDC provider page in the RAM console.',
  'InvalidParameter.DurationSeconds': "The session duration must be 900 s or more and at most the role's maximum session duration.",
  'InvalidParameter.RoleSessionName': 'The session name must be 2-64 characters: letters, digits and . @ - _ only.',
  'InvalidParameter.Policy': 'The inline policy is not a valid RAM policy document.',
  MalformedPolicyDocument: 'The inline policy is not a valid RAM policy document.',
  'AuthenticationFail.OIDCToken.Expired':
    'The OIDC token in the token file has expired. The cluster rotates it: check that the token file is the one mounted for this pod.',
  'AuthenticationFail.OIDCToken.Invalid': 'STS did not accept the OIDC token: its issuer or audience does not match the OIDC provider in RAM.',
} as const satisfies Record<string, string>;

export type ProfileErrorCode = keyof typeof profileErrorHints;
