/**
 * Where temporary credentials come from, one function per provider type. Each returns a
 * CredentialSource for RefreshingProvider. AssumeRole uses ali-oss's own STS client (it
 * signs the RPC call the way STS expects and accepts a custom endpoint, e.g. the emulator's).
 */
import { open } from 'node:fs/promises';
import { MAX_TOKEN_FILE_BYTES } from './token-files';
import OSS from 'ali-oss';
import { registerSecret } from '../../../shared/redact';
import { stsHint } from './credential-errors';
import { profileErrorHints as H } from '../../../shared/profile-types';
import { CredentialError, parseExpiration, type CredentialSource, type Credentials } from './types';

export const DEFAULT_STS_ENDPOINT = 'https://sts.aliyuncs.com';
export const DEFAULT_ECS_METADATA_URL = 'http://100.100.100.200';
const TIMEOUT_MS = 10_000;
/** Credential answers are a few hundred bytes; anything past this is not a credentials service. */
export const MAX_RESPONSE_BYTES = 64 * 1024;
/** What an error code from a credentials service looks like; anything else is not echoed. */
const ERROR_CODE = /^[A-Za-z][A-Za-z0-9.]{0,63}$/;

/** The code a service answered with, when it looks like one (never arbitrary response text). */
function safeCode(code: unknown): string | undefined {
  return typeof code === 'string' && ERROR_CODE.test(code) ? code : undefined;
}

/** Reads at most MAX_RESPONSE_BYTES of a response body as text; a longer body is refused, not buffered. */
export async function readCapped(res: Response, what: string): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > MAX_RESPONSE_BYTES) {
    await res.body?.cancel().catch(() => undefined);
    throw new CredentialError('InvalidCredentialsResponse', `${what} sent a response too large to be credentials.`, H.InvalidCredentialsResponse);
  }
  const reader = res.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new CredentialError('InvalidCredentialsResponse', `${what} sent a response too large to be credentials.`, H.InvalidCredentialsResponse);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface AlibabaCredentialsJson {
  Code?: string;
  AccessKeyId?: string;
  AccessKeySecret?: string;
  SecurityToken?: string;
  Expiration?: string;
}

function fromJson(body: AlibabaCredentialsJson, what: string): Credentials {
  if (body.Code !== undefined && body.Code !== 'Success') {
    const code = safeCode(body.Code);
    throw new CredentialError('CredentialsUnavailable', code ? `${what} answered with Code "${code}".` : `${what} answered with an error.`, H.CredentialsUnavailable);
  }
  if (!body.AccessKeyId || !body.AccessKeySecret) {
    throw new CredentialError('InvalidCredentialsResponse', `${what} returned no AccessKeyId/AccessKeySecret.`, H.InvalidCredentialsResponse);
  }
  return {
    accessKeyId: body.AccessKeyId,
    accessKeySecret: body.AccessKeySecret,
    securityToken: body.SecurityToken || undefined,
    expiration: parseExpiration(body.Expiration, what),
  };
}

async function getJson(url: string, what: string, headers: Record<string, string> = {}): Promise<AlibabaCredentialsJson> {
  // No redirects: a credentials service that redirects elsewhere would take main to a host nobody confirmed.
  const res = await fetch(url, { headers, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new CredentialError('CredentialsUnavailable', `${what} answered HTTP ${res.status}.`, H.CredentialsUnavailable, res.status);
  }
  const text = await readCapped(res, what);
  try {
    const body = JSON.parse(text) as unknown;
    if (!body || typeof body !== 'object') throw new Error('not an object');
    return body as AlibabaCredentialsJson;
  } catch {
    throw new CredentialError('InvalidCredentialsResponse', `${what} did not return JSON.`, H.InvalidCredentialsResponse);
  }
}

export interface RamRoleOptions {
  accessKeyId: string;
  accessKeySecret: string;
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
  policy?: string;
  stsEndpoint?: string;
}

/** AssumeRole with a RAM user's AccessKey pair. */
export function ramRoleSource(o: RamRoleOptions): CredentialSource {
  const sts = new OSS.STS({
    accessKeyId: o.accessKeyId,
    accessKeySecret: o.accessKeySecret,
    endpoint: o.stsEndpoint ?? DEFAULT_STS_ENDPOINT,
  } as OSS.STSOptions);
  return async () => {
    const { credentials } = await sts.assumeRole(o.roleArn, o.policy || undefined, o.durationSeconds, o.sessionName, { timeout: TIMEOUT_MS, ctx: undefined });
    return fromJson(credentials as AlibabaCredentialsJson, 'STS AssumeRole');
  };
}

/** GET a URL that returns {Code, AccessKeyId, AccessKeySecret, SecurityToken, Expiration}. */
export function credentialsUriSource(uri: string): CredentialSource {
  return async () => fromJson(await getJson(uri, 'The credentials URI'), 'The credentials URI');
}

export interface EcsRoleOptions {
  metadataUrl?: string;
  /** When empty the role attached to the instance is discovered. */
  roleName?: string;
}

/**
 * ECS instance RAM role from the metadata service. Uses the hardened mode (a session token
 * from PUT /latest/api/token) when the service offers it, the plain GET otherwise.
 */
export function ecsRamRoleSource(o: EcsRoleOptions): CredentialSource {
  const base = (o.metadataUrl ?? DEFAULT_ECS_METADATA_URL).replace(/\/+$/, '');
  const root = `${base}/latest/meta-data/ram/security-credentials/`;
  let roleName = o.roleName?.trim() || undefined;
  return async () => {
    const headers: Record<string, string> = {};
    try {
      const tokenRes = await fetch(`${base}/latest/api/token`, {
        method: 'PUT',
        headers: { 'X-aliyun-ecs-metadata-token-ttl-seconds': '21600' },
        redirect: 'error',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (tokenRes.ok) headers['X-aliyun-ecs-metadata-token'] = (await readCapped(tokenRes, 'The instance metadata service')).trim().slice(0, 1024);
      else await tokenRes.body?.cancel().catch(() => undefined);
    } catch {
      // The normal mode below reports the failure with a clearer message.
    }
    if (!roleName) {
      const res = await fetch(root, { headers, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!res.ok) {
        await res.body?.cancel().catch(() => undefined);
        throw new CredentialError('EcsRoleUnavailable', `The instance metadata service answered HTTP ${res.status} when asked for the RAM role.`, H.EcsRoleUnavailable, res.status);
      }
      roleName = (await readCapped(res, 'The instance metadata service')).split('\n')[0]?.trim().slice(0, 128) || undefined;
      if (!roleName) throw new CredentialError('EcsRoleUnavailable', 'This ECS instance has no RAM role attached.', H.EcsRoleUnavailable);
    }
    return fromJson(await getJson(root + encodeURIComponent(roleName), 'The instance metadata service', headers), 'The instance metadata service');
  };
}

export interface OidcRoleOptions {
  roleArn: string;
  oidcProviderArn: string;
  oidcTokenFile: string;
  sessionName: string;
  durationSeconds: number;
  policy?: string;
  stsEndpoint?: string;
}

/**
 * AssumeRoleWithOIDC (RRSA on ACK): exchanges the OIDC token file the cluster mounts for
 * STS credentials. The call is anonymous (no AccessKey signature: the token is the
 * credential), and the token file is re-read on every call because the cluster rotates it.
 * The token never appears in an error message.
 */
export function oidcRoleSource(o: OidcRoleOptions): CredentialSource {
  return async () => {
    const token = await readOidcToken(o.oidcTokenFile);
    // STS reads the common parameters from the query and the rest from the form body.
    const query = new URLSearchParams({
      Action: 'AssumeRoleWithOIDC',
      Format: 'JSON',
      Version: '2015-04-01',
      Timestamp: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
    const form = new URLSearchParams({
      RoleArn: o.roleArn,
      OIDCProviderArn: o.oidcProviderArn,
      OIDCToken: token,
      RoleSessionName: o.sessionName,
      DurationSeconds: String(o.durationSeconds),
    });
    if (o.policy) form.set('Policy', o.policy);
    const endpoint = new URL(o.stsEndpoint ?? DEFAULT_STS_ENDPOINT);
    for (const [k, v] of query) endpoint.searchParams.set(k, v);
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await readCapped(res, 'STS AssumeRoleWithOIDC');
    let body: { Code?: unknown; Message?: unknown; Credentials?: AlibabaCredentialsJson } = {};
    try {
      body = (JSON.parse(text) as typeof body) ?? {};
    } catch {
      // Not JSON: reported by status below, without echoing the text.
    }
    if (!res.ok || !body.Credentials) {
      const parsed = safeCode(body.Code);
      const code = parsed ?? 'CredentialsUnavailable';
      // STS's Message is echoed only with a real error code, and only its first 200 characters.
      const detail = parsed && typeof body.Message === 'string' ? `: ${body.Message.split('\n')[0]!.slice(0, 200)}` : '';
      const message = `STS AssumeRoleWithOIDC failed: ${parsed ?? `HTTP ${res.status}`}${detail}`;
      const safe = token.length >= 8 ? message.split(token).join('[token]') : message;
      throw new CredentialError(code, safe, stsHint(code, message) ?? (code === 'CredentialsUnavailable' ? H.CredentialsUnavailable : OIDC_HINT), res.status);
    }
    return fromJson(body.Credentials, 'STS AssumeRoleWithOIDC');
  };
}

const OIDC_HINT = 'Check the role ARN, the OIDC provider ARN and that the token file is current.';

/** Reads the token (at most MAX_TOKEN_FILE_BYTES); the error says neither the path nor why, so it reveals nothing about the disk. */
async function readOidcToken(file: string): Promise<string> {
  let token: string;
  try {
    const handle = await open(file, 'r');
    try {
      const buf = Buffer.alloc(MAX_TOKEN_FILE_BYTES + 1);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      if (bytesRead > MAX_TOKEN_FILE_BYTES) throw new Error('too large');
      token = buf.subarray(0, bytesRead).toString('utf8').trim();
    } finally {
      await handle.close();
    }
  } catch {
    throw new CredentialError('OidcTokenFileUnreadable', 'The OIDC token file could not be read.', H.OidcTokenFileUnreadable);
  }
  if (!token) throw new CredentialError('OidcTokenFileUnreadable', 'The OIDC token file is empty.', H.OidcTokenFileUnreadable);
  registerSecret(token);
  return token;
}

