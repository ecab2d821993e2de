/** Object key and bucket name rules as OSS enforces them, and OSS's listing order. */
import { OssError } from './core/contract';

/** OSS limit on a key's UTF-8 length. */
export const MAX_KEY_BYTES = 1023;

const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** True for a name OSS accepts: 3-63 of [a-z0-9-], starting and ending alphanumeric. */
export function isValidBucketName(name: string): boolean {
  return BUCKET_NAME.test(name);
}

/** Throws OSS's InvalidBucketName. */
export function assertBucketName(name: string): void {
  if (!isValidBucketName(name)) {
    throw new OssError(400, 'InvalidBucketName', 'The specified bucket is not valid.', '0015-00000101', { BucketName: name });
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A lone UTF-16 surrogate cannot be encoded as UTF-8, so OSS could never have received it. */
function hasLoneSurrogate(key: string): boolean {
  return LONE_SURROGATE.test(key);
}

/**
 * Throws InvalidObjectName / KeyTooLong as OSS does: 1-1023 UTF-8 bytes, not starting
 * with `/` or `\`. Everything else (spaces, `%`, `+`, `//`, a trailing `/`) is a key.
 */
export function assertObjectKey(key: string): void {
  if (key.length === 0 || key.startsWith('/') || key.startsWith('\\') || hasLoneSurrogate(key)) {
    throw new OssError(400, 'InvalidObjectName', 'The specified object is not valid.', '0016-00000005', { ObjectName: key });
  }
  if (Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) {
    throw new OssError(400, 'KeyTooLong', 'The specified key is too long.', '0016-00000006');
  }
}

/**
 * Compares keys in UTF-8 byte order (= code point order). Plain `<` compares UTF-16 code
 * units, which puts astral characters (emoji) before U+E000..U+FFFF; this fixes that case.
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) {
      if (ca >= 0xd800 && cb >= 0xd800) return fixup(ca) - fixup(cb);
      return ca - cb;
    }
  }
  return a.length - b.length;
}

/** Maps surrogates above U+E000..U+FFFF so code-unit order becomes code-point order. */
function fixup(c: number): number {
  return c >= 0xe000 ? c - 0x800 : c + 0x2000;
}
