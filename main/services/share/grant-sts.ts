/**
 * AssumeRole for a grant, through ali-oss's STS class, with STS's usual failures (the seeds'
 * FAQ) turned into errors that each say what to fix: the Alibaba Cloud account's own keys
 * (STS never lets them assume a role), no sts:AssumeRole permission, a role that does not
 * trust the caller's account, an inline policy that is too long, a duration above the
 * role's maximum, a role that does not exist. NoPermission is the same STS code for the
 * first three; GetCallerIdentity tells them apart (root → account keys, another account →
 * not trusted).
 */
import OSS from 'ali-oss';
import { AppException } from '../../../shared/errors';
import { profileErrorHints } from '../../../shared/profile-types';
import { grantErrorHints } from '../../../shared/share-hints';

export { grantErrorHints };

export const DEFAULT_STS_ENDPOINT = 'https://sts.aliyuncs.com';
const TIMEOUT_MS = 15_000;


export type GrantErrorCode = keyof typeof grantErrorHints;

export interface StsCaller {
  accessKeyId: string;
  accessKeySecret: string;
  endpoint: string;
}

export interface StsCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken: string;
  expiration: string;
}

interface StsError extends Error {
  code?: string;
  requestId?: string;
  status?: number;
}

function grantError(code: GrantErrorCode, message: string, requestId?: string): AppException {
  return new AppException({ code, message, hint: grantErrorHints[code], ...(requestId ? { requestId } : {}) });
}

/** Where STS lives officially: https, no port, sts.aliyuncs.com or a regional sts(-vpc) host. */
export function isOfficialSts(url: URL): boolean {
  return url.protocol === 'https:' && !url.port && /^(sts|sts(-vpc)?\.[a-z0-9-]+)\.aliyuncs\.com$/i.test(url.hostname);
}

/** This computer (the local sandbox's STS). */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** Link-local and cloud-metadata addresses: never contacted. */
function isForbidden(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return /^169\.254\./.test(h) || /^0\./.test(h) || h === '100.100.100.200' || /^fe[89ab][0-9a-f]:/.test(h) || h === 'metadata.google.internal';
}

/**
 * Which STS address main may send the signed AssumeRole to: an official one; or a trusted
 * one (the profile's own, confirmed when the profile was saved, or one the user trusted by
 * name in main's dialog) that is HTTPS, or on this computer (the sandbox's plain-http STS).
 * This computer is not trusted by itself: any local process could listen there, and a
 * signed AssumeRole can be replayed against the real STS.
 */
export function checkStsEndpoint(endpoint: string, trusted: readonly string[] = []): void {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw grantError('ShareInvalidStsEndpoint', `"${endpoint.slice(0, 200)}" is not a valid STS address.`);
  }
  if (isOfficialSts(url)) return;
  const isTrusted = trusted.map((h) => h.toLowerCase()).includes(url.host.toLowerCase());
  if (isLoopback(url.hostname) && (url.protocol === 'http:' || url.protocol === 'https:') && isTrusted) return;
  if (url.username || url.password || isForbidden(url.hostname)) {
    throw grantError('ShareInvalidStsEndpoint', `OSS Browser never sends sign-in requests to ${url.host}.`);
  }
  if (url.protocol !== 'https:' && !isLoopback(url.hostname)) {
    throw grantError('ShareInvalidStsEndpoint', `The STS address ${url.host} does not use HTTPS: the temporary keys would cross the network in clear text.`);
  }
  if (!isTrusted) {
    throw new AppException({
      code: 'ShareStsHostNotConfirmed',
      message: 'This is not an Alibaba Cloud STS address. OSS Browser sends the signed request there only after you trust it.',
      hint: grantErrorHints.ShareStsHostNotConfirmed,
      host: url.host,
    });
  }
}

/** The account a role ARN belongs to: `acs:ram::<account>:role/name`. */
export function roleAccount(roleArn: string): string | undefined {
  return /^acs:ram::(\d+):role\//i.exec(roleArn)?.[1];
}

/** Calls AssumeRole; throws an AppException with its own code and hint for each known failure. */
export async function assumeRole(caller: StsCaller, roleArn: string, policy: string, durationSeconds: number, sessionName: string, trusted: readonly string[] = []): Promise<StsCredentials> {
  checkStsEndpoint(caller.endpoint, trusted);
  const sts = new OSS.STS({ accessKeyId: caller.accessKeyId, accessKeySecret: caller.accessKeySecret, endpoint: caller.endpoint } as OSS.STSOptions);
  try {
    const { credentials } = await sts.assumeRole(roleArn, policy, durationSeconds, sessionName, { timeout: TIMEOUT_MS, ctx: undefined });
    const c = credentials as { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string; Expiration: string };
    return { accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, securityToken: c.SecurityToken, expiration: c.Expiration };
  } catch (err) {
    throw await describeStsFailure(err as StsError, caller, roleArn, sts);
  }
}

async function describeStsFailure(err: StsError, caller: StsCaller, roleArn: string, sts: OSS.STS): Promise<unknown> {
  const code = err.code ?? '';
  const message = (err.message ?? '').replace(/^[\w.]+: /, '');
  const rid = err.requestId;
  if (code === 'NoPermission') {
    const identity = await callerIdentity(caller, sts).catch(() => undefined);
    if (/root account/i.test(message) || identity?.type === 'Account') {
      return grantError('ShareRootAccountKeys', `STS does not let an Alibaba Cloud account's own AccessKey pair assume a role (${code}: ${message}).`, rid);
    }
    const account = identity?.accountId;
    const target = roleAccount(roleArn);
    if (account && target && account !== target) {
      return grantError('ShareRoleNotTrusted', `The role belongs to account ${target}, which does not let account ${account} assume it (${code}: ${message}).`, rid);
    }
    return grantError('ShareNoAssumeRolePermission', `STS refused to let this profile assume the role (${code}: ${message}).`, rid);
  }
  if (code === 'InvalidParameter.DurationSeconds') return grantError('ShareDurationTooLong', `STS refused the duration (${message}).`, rid);
  if (code === 'EntityNotExist.Role' || code === 'InvalidParameter.RoleArn') return grantError('ShareRoleNotFound', `STS could not find the role (${code}: ${message}).`, rid);
  if (/Policy.*Length|PolicyLength|Policy.*too long/i.test(`${code} ${message}`)) return grantError('SharePolicyTooLong', `STS refused the policy length (${code}: ${message}).`, rid);
  const hint = (profileErrorHints as Record<string, string>)[code];
  if (code) return new AppException({ code, message: `${code}: ${message}`, ...(hint ? { hint } : {}), ...(rid ? { requestId: rid } : {}), ...(err.status ? { status: err.status } : {}) });
  return err;
}

/** GetCallerIdentity (signed like every STS RPC call) → the caller's account ID and kind (Account = root keys, RAMUser…). */
async function callerIdentity(caller: StsCaller, sts: OSS.STS): Promise<{ accountId: string; type: string | undefined } | undefined> {
  const params: Record<string, string> = {
    Action: 'GetCallerIdentity',
    Format: 'JSON',
    Version: '2015-04-01',
    AccessKeyId: caller.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: `${Date.now()}-${Math.random()}`,
    Timestamp: new Date().toISOString(),
  };
  const sign = (sts as unknown as { _getSignature(m: string, p: Record<string, string>, k: string): string })._getSignature.bind(sts);
  params.Signature = sign('POST', params, caller.accessKeySecret);
  const res = await fetch(caller.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params).toString(),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (!res.ok) return undefined;
  const body = (await res.json()) as { AccountId?: unknown; IdentityType?: unknown };
  if (typeof body.AccountId !== 'string') return undefined;
  return { accountId: body.AccountId, type: typeof body.IdentityType === 'string' ? body.IdentityType : undefined };
}
