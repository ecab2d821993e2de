/** ETags as OSS computes them (always rendered in double quotes, hex uppercase). */
import { createHash } from 'node:crypto';

/** Simple upload: the MD5 of the body. */
export function md5Etag(md5Hex: string): string {
  return md5Hex.toUpperCase();
}

/**
 * Multipart upload: MD5 over the concatenated binary part MD5s, then `-<part count>`
 * (the form OSS and S3 share).
 */
export function multipartEtag(partEtags: string[]): string {
  const hash = createHash('md5');
  for (const etag of partEtags) hash.update(Buffer.from(etag, 'hex'));
  return `${hash.digest('hex').toUpperCase()}-${partEtags.length}`;
}

/**
 * Appendable object: OSS's value is not the content MD5; we chain the previous ETag with
 * the appended chunk's MD5 so it changes on every append without re-reading the object.
 */
export function appendEtag(previous: string | null, chunkMd5Hex: string): string {
  if (previous === null) return chunkMd5Hex.toUpperCase();
  return createHash('md5').update(`${previous}:${chunkMd5Hex}`).digest('hex').toUpperCase();
}

/** `"ETAG"` as it appears in headers and XML. */
export function quoteEtag(etag: string): string {
  return `"${etag}"`;
}

/** Accepts `"X"`, `X`, any case; returns bare uppercase for comparisons. */
export function normalizeEtag(value: string): string {
  return value.trim().replace(/^W\//, '').replace(/^"|"$/g, '').toUpperCase();
}
