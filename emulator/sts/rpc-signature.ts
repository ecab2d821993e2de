/** The Alibaba Cloud RPC signature (HMAC-SHA1 over percent-encoded sorted parameters) STS requests carry. */
import { createHmac } from 'node:crypto';

/** Alibaba Cloud RPC percent-encoding (RFC 3986: encodeURIComponent plus `!'()*`). */
export function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `METHOD&%2F&encode(sorted k=v&…)` over every parameter except Signature. */
export function rpcStringToSign(method: string, params: Map<string, string>): string {
  const canonical = [...params.entries()]
    .filter(([k]) => k !== 'Signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join('&');
  return `${method.toUpperCase()}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

/** base64(HMAC-SHA1(secret + '&', stringToSign)) — the RPC signature STS checks. */
export function rpcSignature(secret: string, stringToSign: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}
