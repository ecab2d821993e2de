/**
 * Object keys become local paths only through here. A key is untrusted text: `../`,
 * absolute paths, drive letters, UNC prefixes, NUL and control characters, Windows-reserved
 * names and characters are escaped so the result is always a plain relative path inside the
 * chosen folder — then checked again after resolving. Collisions that a file system would
 * merge (`a` the file versus `a/` the folder, names that differ only in case) get a
 * "name (1).ext" instead of overwriting each other.
 */
import { lstat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// Windows-invalid characters, path separators of either kind, and C0 controls (NUL included).
// eslint-disable-next-line no-control-regex
const BAD_CHARS = /[<>:"|?*\\/\u0000-\u001f\u007f]/g;
const MAX_SEGMENT_BYTES = 240;

/** Escapes one path segment so it means the same name on Windows, macOS and Linux. */
export function safeSegment(raw: string): string {
  let s = raw.replace(BAD_CHARS, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  if (s === '' ) s = '%00';
  if (s === '.' || s === '..') s = s.replace(/\./g, '%2E');
  // Windows drops trailing dots and spaces, which would merge "a." with "a".
  s = s.replace(/[. ]+$/, (t) => t.replace(/\./g, '%2E').replace(/ /g, '%20'));
  if (RESERVED.test(s)) s = `_${s}`;
  while (Buffer.byteLength(s) > MAX_SEGMENT_BYTES) s = s.slice(0, -1);
  return s;
}

/**
 * The relative local path for `key` under the folder that was on screen (`basePrefix`):
 * every segment escaped, so nothing can climb out or name an absolute place.
 */
export function relativePathForKey(key: string, basePrefix: string): string {
  const rest = key.startsWith(basePrefix) ? key.slice(basePrefix.length) : key;
  const segments = rest.split('/');
  // A folder marker ("photos/") has an empty last segment: it maps to the folder itself.
  if (segments.length > 1 && segments[segments.length - 1] === '') segments.pop();
  return segments.map(safeSegment).join(sep);
}

/** Joins a safe relative path to the root and proves the result is inside it. */
export function insideRoot(root: string, rel: string): string {
  const base = resolve(root);
  const full = resolve(base, rel);
  const back = relative(base, full);
  // A name like "..%5Cx" is fine: only a whole ".." segment climbs.
  if (back === '' || back === '..' || back.startsWith(`..${sep}`) || isAbsolute(back)) {
    throw Object.assign(new Error(`"${rel}" would be written outside the chosen folder.`), { code: 'UnsafePath' });
  }
  return full;
}

/** "name.ext" → "name (n).ext" (the extension of dot-files and folders is kept out of it). */
export function numbered(name: string, n: number): string {
  const ext = extname(name);
  const stem = ext && ext !== name ? name.slice(0, -ext.length) : name;
  return `${stem} (${n})${ext && ext !== name ? ext : ''}`;
}

/**
 * Hands out local paths for one download batch and keeps them apart: a name used as a file
 * is never also used as a folder (or the other way round), and names equal up to case are
 * treated as the same name (as on Windows and macOS) — the later one is numbered.
 */
export class PathPlanner {
  private readonly files = new Set<string>();
  private readonly dirs = new Set<string>();

  constructor(private readonly root: string) {}

  /** The absolute path for a key; numbered when it would collide with an earlier one. */
  plan(key: string, basePrefix: string): string {
    const rel = relativePathForKey(key, basePrefix);
    const parts = rel.split(sep);
    // Walk the folders first: a folder that collides with a planned file gets a new name.
    const outParts: string[] = [];
    for (let i = 0; i < parts.length - 1; i++) {
      let seg = parts[i]!;
      const prefix = outParts.join(sep);
      let candidate = join(prefix, seg);
      for (let n = 1; this.files.has(fold(candidate)); n++) candidate = join(prefix, (seg = numbered(parts[i]!, n)));
      this.dirs.add(fold(candidate));
      outParts.push(seg);
    }
    const prefix = outParts.join(sep);
    const name = parts[parts.length - 1]!;
    let candidate = join(prefix, name);
    for (let n = 1; this.files.has(fold(candidate)) || this.dirs.has(fold(candidate)); n++) candidate = join(prefix, numbered(name, n));
    this.files.add(fold(candidate));
    return insideRoot(this.root, candidate);
  }
}

const fold = (p: string): string => p.normalize('NFC').toLowerCase();

/**
 * Refuses to write through a symbolic link or a non-folder on the way from root to `path`
 * (a link inside the chosen folder must not carry a download outside it).
 */
export async function assertPlainParents(root: string, path: string): Promise<void> {
  const base = resolve(root);
  const parts = relative(base, path).split(sep).slice(0, -1);
  let current = base;
  for (const part of parts) {
    current = join(current, part);
    const st = await lstat(current).catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? undefined : Promise.reject(err)));
    if (!st) return; // the rest does not exist yet and will be created as plain folders
    if (st.isSymbolicLink() || !st.isDirectory()) {
      throw Object.assign(new Error(`"${relative(base, current)}" is not a plain folder, so nothing is written through it.`), { code: 'UnsafePath' });
    }
  }
}

/** The object key for a local file: destination prefix + the path below the dropped item, with '/' separators. */
export function keyForLocal(prefix: string, relativeParts: readonly string[]): string {
  return prefix + relativeParts.join('/');
}
