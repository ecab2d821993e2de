/**
 * Files fetched for "Open with default app" and for drags out of the list live in a
 * private cache folder, one subfolder per request. They are copies the OS app or the drop
 * target has long taken over after a day, so start-up removes subfolders older than that —
 * the cache never grows without bound.
 */
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const OPEN_CACHE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Removes subfolders of `dir` last changed more than `maxAgeMs` ago; returns how many. */
export async function pruneOpenCache(dir: string, maxAgeMs = OPEN_CACHE_MAX_AGE_MS, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    const st = await stat(path).catch(() => undefined);
    if (!st || now - st.mtimeMs <= maxAgeMs) continue;
    await rm(path, { recursive: true, force: true });
    removed++;
  }
  return removed;
}
