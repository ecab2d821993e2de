/**
 * `oss://bucket/prefix/` links handed to the app by the OS (a click in a browser, a chat, a
 * second launch). A link is untrusted input: it is parsed with the address rules of
 * shared/oss-path.ts, bounded and validated, and the only thing it can ever do is open a
 * folder (it names no profile, action or local path).
 */
import { isValidBucketName } from '../../shared/bucket-name';
import { keyByteLength, parseOssPath } from '../../shared/oss-path';

/** The longest link accepted (a 1023-byte key, percent-encoded, plus the bucket). */
export const MAX_LINK_LENGTH = 4096;

/** A folder to open, and the entry to focus when the link named an object. */
export interface LinkTarget {
  bucket: string;
  /** '' for the bucket root, otherwise ends with '/'. */
  prefix: string;
  focusName?: string;
}

export type LinkParse = { ok: true; target: LinkTarget } | { ok: false; reason: LinkRejection };
export type LinkRejection = 'notOssLink' | 'tooLong' | 'bucket' | 'controlCharacter' | 'leadingSlash' | 'keyTooLong';

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Parses one link. Percent-escapes are decoded (a browser sends `a%20b` for `a b`); a `%`
 * that does not start an escape is kept as it is, so a pasted raw key still works.
 */
export function parseOssLink(link: string): LinkParse {
  if (link.length > MAX_LINK_LENGTH) return { ok: false, reason: 'tooLong' };
  if (!/^oss:\/\//i.test(link)) return { ok: false, reason: 'notOssLink' };
  let body = link.slice('oss://'.length);
  try {
    body = decodeURIComponent(body);
  } catch {
    // Not a valid escape sequence: the text is a raw key.
  }
  if (CONTROL.test(body)) return { ok: false, reason: 'controlCharacter' };
  const parsed = parseOssPath(`oss://${body}`);
  if (!parsed || !isValidBucketName(parsed.bucket)) return { ok: false, reason: 'bucket' };
  const { bucket, prefix: key } = parsed;
  if (key.startsWith('/') || key.startsWith('\\')) return { ok: false, reason: 'leadingSlash' };
  if (keyByteLength(key) > 1023) return { ok: false, reason: 'keyTooLong' };
  if (key === '' || key.endsWith('/')) return { ok: true, target: { bucket, prefix: key } };
  const cut = key.lastIndexOf('/');
  return { ok: true, target: { bucket, prefix: key.slice(0, cut + 1), focusName: key.slice(cut + 1) } };
}

/**
 * The link in a command line (Windows and Linux pass it as an argument to the first launch
 * and, through 'second-instance', to the running one). Only whole arguments that start
 * with oss:// count; the first one wins.
 */
export function linkFromArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => /^oss:\/\//i.test(arg));
}

/** What deep-link matching needs to know about a profile. */
export interface LinkProfile {
  id: string;
  name: string;
  /** Set for a restricted user, who may only list inside this path. */
  startPath?: { bucket: string; prefix: string };
}

/**
 * Profiles that may be able to open the target: every profile without a start path, and
 * restricted profiles whose start path contains it. Nothing is fetched: which of several
 * profiles to use is the user's choice. The last-used profile comes first.
 */
export function profilesForLink(target: LinkTarget, profiles: readonly LinkProfile[], lastUsedId?: string): LinkProfile[] {
  const fits = profiles.filter((p) => !p.startPath || (p.startPath.bucket === target.bucket && target.prefix.startsWith(p.startPath.prefix)));
  return [...fits].sort((a, b) => Number(b.id === lastUsedId) - Number(a.id === lastUsedId));
}
