/** Verifies V1/V4 header and presigned signatures, STS tokens, expiry and clock skew as OSS does, and says who signed. */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '../core/contract';
import { authErrors, hexBytes } from './auth-errors';
import { canonicalizedResource, v1Signature, v1StringToSign } from './canonical-v1';
import { V4_ALGORITHM, V4_TERMINATOR, v4CanonicalRequest, v4Signature, v4StringToSign } from './canonical-v4';
import { headerText } from './headers';

/** What the authenticator needs to know about an AccessKey. */
export interface KeyRecord {
  secret: string;
  principal: Principal;
  /** Set for STS credentials: the token that must accompany the key, and its end of life. */
  securityToken?: string;
  expiration?: Date;
}

/** Looks up AccessKeys (account keys, RAM user keys, STS session keys). */
export interface KeyResolver {
  findKey(accessKeyId: string): KeyRecord | undefined;
}

/** The parts of a request a signature covers, plus the endpoint's region and the server clock. */
export interface AuthRequest {
  method: string;
  headers: IncomingHttpHeaders;
  bucket: string | null;
  key: string | null;
  query: Map<string, string>;
  /** Region of the endpoint, e.g. 'oss-cn-hangzhou' (V4 signs 'cn-hangzhou'). */
  region: string;
  now: Date;
}

const MAX_SKEW_MS = 15 * 60 * 1000;
const MAX_V4_EXPIRES = 604800;

/**
 * Verifies the request's signature the way OSS does and returns who signed it, or null for
 * an anonymous request. Throws the OssError OSS would return. Four forms: V1 header
 * (`OSS ak:sig`), V4 header (`OSS4-HMAC-SHA256 …`), V1 presigned URL
 * (`OSSAccessKeyId/Expires/Signature`), V4 presigned URL (`x-oss-signature-version …`).
 */
export function authenticate(req: AuthRequest, keys: KeyResolver): Principal | null {
  const authorization = headerText(req.headers, 'authorization');
  if (authorization !== undefined) {
    if (authorization.startsWith(`${V4_ALGORITHM} `)) return v4Header(req, keys, authorization);
    if (authorization.startsWith('OSS ')) return v1Header(req, keys, authorization);
    throw authErrors.invalidArgument('Authorization header is invalid.', '0002-00000016');
  }
  if (req.query.has('x-oss-signature-version') || req.query.has('x-oss-signature')) return v4Query(req, keys);
  if (req.query.has('OSSAccessKeyId') || req.query.has('Signature')) return v1Query(req, keys);
  return null;
}

function v1Header(req: AuthRequest, keys: KeyResolver, authorization: string): Principal {
  const credential = authorization.slice(4).trim();
  const colon = credential.lastIndexOf(':');
  if (colon <= 0 || colon === credential.length - 1) throw authErrors.invalidArgument('Authorization header is invalid.', '0002-00000016');
  const accessKeyId = credential.slice(0, colon);
  const provided = credential.slice(colon + 1);
  const ossDate = headerText(req.headers, 'x-oss-date');
  const date = headerText(req.headers, 'date');
  const requestTime = ossDate ?? date;
  if (requestTime === undefined || Number.isNaN(Date.parse(requestTime))) throw authErrors.badDate('The Date header');
  checkSkew(requestTime, Date.parse(requestTime), req.now);
  const record = checkKey(keys, accessKeyId, headerText(req.headers, 'x-oss-security-token'), req.now);
  const resource = canonicalizedResource(req.bucket, req.key, req.query);
  // ali-oss puts x-oss-date in the Date slot; other clients sign the Date header. Either is accepted.
  const slots = [...new Set([ossDate, date].filter((d): d is string => d !== undefined))];
  const candidates = slots.map((slot) => v1StringToSign(req.method, req.headers, slot, resource));
  if (candidates.some((s) => sameText(v1Signature(record.secret, s), provided))) return record.principal;
  throw authErrors.signatureMismatch({
    OSSAccessKeyId: accessKeyId,
    SignatureProvided: provided,
    StringToSign: candidates[0] ?? '',
    StringToSignBytes: hexBytes(candidates[0] ?? ''),
  });
}

function v1Query(req: AuthRequest, keys: KeyResolver): Principal {
  const accessKeyId = req.query.get('OSSAccessKeyId');
  const expires = req.query.get('Expires');
  const provided = req.query.get('Signature');
  if (!accessKeyId || !expires || !provided) {
    throw authErrors.invalidArgument('OSSAccessKeyId, Expires and Signature are all required in a signed URL.', '0002-00000070');
  }
  if (!/^\d+$/.test(expires)) throw authErrors.invalidArgument('Expires should be a UNIX timestamp in seconds.', '0002-00000070');
  const expiresAt = new Date(Number(expires) * 1000);
  if (req.now.getTime() > expiresAt.getTime()) throw authErrors.expired(expiresAt, req.now);
  const record = checkKey(keys, accessKeyId, req.query.get('security-token'), req.now);
  const stringToSign = v1StringToSign(req.method, req.headers, expires, canonicalizedResource(req.bucket, req.key, req.query));
  if (sameText(v1Signature(record.secret, stringToSign), provided)) return record.principal;
  throw authErrors.signatureMismatch({
    OSSAccessKeyId: accessKeyId,
    SignatureProvided: provided,
    StringToSign: stringToSign,
    StringToSignBytes: hexBytes(stringToSign),
  });
}

function v4Header(req: AuthRequest, keys: KeyResolver, authorization: string): Principal {
  const fields = new Map<string, string>();
  for (const part of authorization.slice(V4_ALGORITHM.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const provided = fields.get('Signature');
  if (!credential || !provided) throw authErrors.invalidArgument('Authorization header is invalid: Credential and Signature are required.', '0002-00000206');
  const datetime = headerText(req.headers, 'x-oss-date');
  const requestTime = datetime === undefined ? Number.NaN : parseIsoBasic(datetime);
  if (datetime === undefined || Number.isNaN(requestTime)) throw authErrors.badDate('The x-oss-date header');
  checkSkew(datetime, requestTime, req.now);
  const token = headerText(req.headers, 'x-oss-security-token');
  return verifyV4(req, keys, credential, datetime, parseAdditional(fields.get('AdditionalHeaders'), req.headers), provided, token);
}

function v4Query(req: AuthRequest, keys: KeyResolver): Principal {
  const version = req.query.get('x-oss-signature-version');
  const credential = req.query.get('x-oss-credential');
  const datetime = req.query.get('x-oss-date');
  const expires = req.query.get('x-oss-expires');
  const provided = req.query.get('x-oss-signature');
  if (version !== V4_ALGORITHM) throw authErrors.invalidArgument(`x-oss-signature-version must be ${V4_ALGORITHM}.`, '0002-00000220');
  if (!credential || !datetime || !expires || !provided) {
    throw authErrors.invalidArgument('x-oss-credential, x-oss-date, x-oss-expires and x-oss-signature are required.', '0002-00000221');
  }
  const expiresSeconds = /^\d+$/.test(expires) ? Number(expires) : Number.NaN;
  if (!(expiresSeconds >= 1 && expiresSeconds <= MAX_V4_EXPIRES)) {
    throw authErrors.invalidArgument(`x-oss-expires must be an integer between 1 and ${MAX_V4_EXPIRES}.`, '0002-00000070');
  }
  const signedAt = parseIsoBasic(datetime);
  if (Number.isNaN(signedAt)) throw authErrors.badDate('x-oss-date');
  if (req.now.getTime() > signedAt + expiresSeconds * 1000) throw authErrors.expired(new Date(signedAt + expiresSeconds * 1000), req.now);
  if (req.now.getTime() < signedAt - MAX_SKEW_MS) throw authErrors.notYetValid(new Date(signedAt), req.now);
  const token = req.query.get('x-oss-security-token');
  return verifyV4(req, keys, credential, datetime, parseAdditional(req.query.get('x-oss-additional-headers'), req.headers), provided, token);
}

function verifyV4(
  req: AuthRequest,
  keys: KeyResolver,
  credential: string,
  datetime: string,
  additional: string[],
  provided: string,
  token: string | undefined,
): Principal {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts[3] !== 'oss' || parts[4] !== V4_TERMINATOR || !parts[0]) {
    throw authErrors.invalidArgument('Invalid credential: expected <AccessKeyId>/<date>/<region>/oss/aliyun_v4_request.', '0002-00000206');
  }
  const [accessKeyId, date, region] = parts as [string, string, string];
  if (date !== datetime.slice(0, 8)) throw authErrors.invalidArgument('Invalid signing date in the credential: it must match x-oss-date.', '0002-00000409');
  const expectedRegion = req.region.replace(/^oss-/, '');
  if (region !== expectedRegion) {
    throw authErrors.invalidArgument(`Invalid signing region in the credential: ${region}, the endpoint's region is ${expectedRegion}.`, '0002-00000207');
  }
  const record = checkKey(keys, accessKeyId, token, req.now);
  const canonicalRequest = v4CanonicalRequest(req.method, req.bucket, req.key, req.query, req.headers, additional);
  const stringToSign = v4StringToSign(datetime, region, canonicalRequest);
  if (sameText(v4Signature(record.secret, date, region, stringToSign), provided)) return record.principal;
  if ([...req.query.values()].includes('')) {
    const alternative = v4StringToSign(datetime, region, v4CanonicalRequest(req.method, req.bucket, req.key, req.query, req.headers, additional, true));
    if (sameText(v4Signature(record.secret, date, region, alternative), provided)) return record.principal;
  }
  throw authErrors.signatureMismatch({
    OSSAccessKeyId: accessKeyId,
    SignatureProvided: provided,
    StringToSign: stringToSign,
    CanonicalRequest: canonicalRequest,
  });
}

function checkKey(keys: KeyResolver, accessKeyId: string, token: string | undefined, now: Date): KeyRecord {
  const record = keys.findKey(accessKeyId);
  if (!record) throw authErrors.invalidAccessKeyId(accessKeyId);
  if (record.securityToken === undefined) {
    // A security token sent with a long-term key makes OSS look the key up as an STS key.
    if (token !== undefined) throw authErrors.invalidAccessKeyId(accessKeyId);
    return record;
  }
  if (token === undefined) throw authErrors.invalidAccessKeyId(accessKeyId);
  if (!sameText(token, record.securityToken)) throw authErrors.invalidSecurityToken();
  if (record.expiration && record.expiration.getTime() <= now.getTime()) throw authErrors.securityTokenExpired();
  return record;
}

function checkSkew(requestTime: string, time: number, now: Date): void {
  if (Math.abs(now.getTime() - time) > MAX_SKEW_MS) throw authErrors.skewed(requestTime, now);
}

function parseAdditional(value: string | undefined, headers: IncomingHttpHeaders): string[] {
  if (!value) return [];
  const names = [...new Set(value.split(';').map((n) => n.trim().toLowerCase()).filter((n) => n !== ''))].sort();
  for (const name of names) {
    if (headers[name] === undefined) throw authErrors.invalidArgument(`Additional header ${name} is not in the request.`, '0002-00000212');
  }
  return names;
}

/** `20240102T030405Z` → epoch ms (NaN when malformed). */
function parseIsoBasic(text: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
