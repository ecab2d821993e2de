/** V4 (OSS4-HMAC-SHA256) canonicalisation and key derivation, following ali-oss's signer. */
import { createHash, createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { headerText, ossHeaderNames } from './headers';
import { resourcePath } from './canonical-v1';

/** The V4 algorithm name and credential-scope terminator OSS uses. */
export const V4_ALGORITHM = 'OSS4-HMAC-SHA256';
export const V4_TERMINATOR = 'aliyun_v4_request';

/** RFC 3986 encoding as OSS V4 uses it (encodeURIComponent plus `!'()*`). */
export function v4Encode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Canonical query: every parameter but the signature, encoded, sorted by encoded name.
 * An empty value is a bare name (`acl`), or `name=` with `emptyAsEquals` — ali-oss signs
 * sub-resources the first way and empty query values (`prefix: ''`) the second, and the
 * URL carries both as `name=`, so the verifier tries both forms.
 */
export function v4CanonicalQuery(query: Map<string, string>, emptyAsEquals = false): string {
  return [...query.entries()]
    .filter(([name]) => name !== 'x-oss-signature')
    .map(([name, value]) => [v4Encode(name), v4Encode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => (value === '' && !emptyAsEquals ? name : `${name}=${value}`))
    .join('&');
}

/**
 * The V4 canonical request: verb, URI, query, headers (x-oss-*, Content-Type, Content-MD5
 * and the additional headers), the additional header names, the payload hash.
 */
export function v4CanonicalRequest(
  method: string,
  bucket: string | null,
  key: string | null,
  query: Map<string, string>,
  headers: IncomingHttpHeaders,
  additionalHeaders: string[],
  emptyAsEquals = false,
): string {
  const names = new Set<string>(additionalHeaders);
  for (const name of ossHeaderNames(headers)) names.add(name);
  if (headers['content-type'] !== undefined) names.add('content-type');
  if (headers['content-md5'] !== undefined) names.add('content-md5');
  const canonicalHeaders = [...names]
    .sort()
    .map((name) => `${name}:${(headerText(headers, name) ?? '').trim()}\n`)
    .join('');
  return [
    method.toUpperCase(),
    v4Encode(resourcePath(bucket, key)).replace(/%2F/g, '/'),
    v4CanonicalQuery(query, emptyAsEquals),
    canonicalHeaders,
    additionalHeaders.join(';'),
    headerText(headers, 'x-oss-content-sha256') ?? 'UNSIGNED-PAYLOAD',
  ].join('\n');
}

/** `OSS4-HMAC-SHA256\n<datetime>\n<date>/<region>/oss/aliyun_v4_request\n<hex sha256 of canonical request>`. */
export function v4StringToSign(datetime: string, region: string, canonicalRequest: string): string {
  const scope = `${datetime.slice(0, 8)}/${region}/oss/${V4_TERMINATOR}`;
  return [V4_ALGORITHM, datetime, scope, createHash('sha256').update(canonicalRequest, 'utf8').digest('hex')].join('\n');
}

/** hex(HMAC-SHA256(signingKey, stringToSign)) with the aliyun_v4 key derivation. */
export function v4Signature(secret: string, date: string, region: string, stringToSign: string): string {
  const kDate = createHmac('sha256', `aliyun_v4${secret}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kProduct = createHmac('sha256', kRegion).update('oss').digest();
  const kSigning = createHmac('sha256', kProduct).update(V4_TERMINATOR).digest();
  return createHmac('sha256', kSigning).update(stringToSign, 'utf8').digest('hex');
}
