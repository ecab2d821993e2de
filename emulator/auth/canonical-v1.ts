/** V1 (HMAC-SHA1) canonicalisation: the StringToSign and CanonicalizedResource OSS and ali-oss build. */
import { createHmac } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { headerText, ossHeaderNames } from './headers';
import { SIGNED_SUB_RESOURCES } from './sub-resources';

/** `/`, `/bucket/` or `/bucket/key` — the resource part of both signature versions. */
export function resourcePath(bucket: string | null, key: string | null): string {
  if (!bucket) return '/';
  return `/${bucket}/${key ?? ''}`;
}

/** CanonicalizedResource: the path plus the signed sub-resources, sorted, `k` or `k=v` (raw values). */
export function canonicalizedResource(bucket: string | null, key: string | null, query: Map<string, string>): string {
  const names = [...query.keys()].filter((name) => SIGNED_SUB_RESOURCES.has(name)).sort();
  if (names.length === 0) return resourcePath(bucket, key);
  const params = names.map((name) => {
    const value = query.get(name) ?? '';
    return value === '' ? name : `${name}=${value}`;
  });
  return `${resourcePath(bucket, key)}?${params.join('&')}`;
}

/**
 * The V1 StringToSign: VERB, Content-MD5, Content-Type, Date (or Expires for a presigned
 * URL), the `x-oss-*` headers (`name:value`, sorted), then the CanonicalizedResource.
 */
export function v1StringToSign(
  method: string,
  headers: IncomingHttpHeaders,
  dateOrExpires: string,
  resource: string,
): string {
  const lines = [method.toUpperCase(), headerText(headers, 'content-md5') ?? '', headerText(headers, 'content-type') ?? '', dateOrExpires];
  for (const name of ossHeaderNames(headers)) lines.push(`${name}:${(headerText(headers, name) ?? '').trim()}`);
  lines.push(resource);
  return lines.join('\n');
}

/** base64(HMAC-SHA1(secret, stringToSign)). */
export function v1Signature(secret: string, stringToSign: string): string {
  return createHmac('sha1', secret).update(stringToSign, 'utf8').digest('base64');
}
