/**
 * Lazy walks: a dropped folder is read one directory entry at a time (fs.opendir) and a
 * selected OSS folder one listing page at a time, yielding files as they are found — so
 * queuing 100,000 files never holds a directory listing, a stat result per file or a
 * task with buffers in memory. Symbolic links are not followed (no loops, nothing read
 * from outside what the user dropped).
 */
import { lstat, opendir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Client } from './task-context';
import { withRetries } from './retry';

export interface LocalFile {
  path: string;
  /** Path below the dropped item, starting with the dropped item's own name. */
  parts: string[];
  size: number;
  mtimeMs: number;
}

/** Why a dropped path cannot be uploaded, or undefined when it can (a regular file or folder). */
export async function checkDroppedPath(path: string): Promise<string | undefined> {
  if (path.includes('\0')) return 'The path is not valid.';
  const st = await stat(path).catch(() => undefined);
  if (!st) return 'It no longer exists or cannot be read.';
  if (!st.isFile() && !st.isDirectory()) return 'Only files and folders can be uploaded.';
  return undefined;
}

/** Every regular file under `root` (or `root` itself when it is a file), depth first, lazily. */
export async function* walkLocal(root: string): AsyncGenerator<LocalFile> {
  const st = await stat(root);
  if (st.isFile()) {
    yield { path: root, parts: [basename(root)], size: st.size, mtimeMs: st.mtimeMs };
    return;
  }
  const stack: Array<{ dir: string; parts: string[] }> = [{ dir: root, parts: [basename(root)] }];
  while (stack.length > 0) {
    const { dir, parts } = stack.pop()!;
    const handle = await opendir(dir, { bufferSize: 64 }).catch(() => undefined);
    if (!handle) continue;
    const subdirs: Array<{ dir: string; parts: string[] }> = [];
    for await (const entry of handle) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) subdirs.push({ dir: path, parts: [...parts, entry.name] });
      else if (entry.isFile()) {
        const fst = await lstat(path).catch(() => undefined);
        if (fst?.isFile()) yield { path, parts: [...parts, entry.name], size: fst.size, mtimeMs: fst.mtimeMs };
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]!);
  }
}

export interface RemoteObject {
  key: string;
  size: number;
}

/** Every object under `prefix` (recursively), one ListObjectsV2 page at a time. */
export async function* walkRemote(
  client: Client,
  prefix: string,
  retry: { attempts: number; baseMs: number; signal: AbortSignal },
): AsyncGenerator<RemoteObject> {
  let token: string | undefined;
  for (;;) {
    const page = await withRetries(
      () => client.listV2({ prefix, 'max-keys': '1000', ...(token ? { 'continuation-token': token } : {}) }, {}),
      retry,
    );
    for (const o of page.objects ?? []) yield { key: o.name, size: Number(o.size) };
    const next = (page as { nextContinuationToken?: string }).nextContinuationToken;
    if (!page.isTruncated || !next) return;
    token = next;
  }
}
