/**
 * What transfers leave behind when their item is gone or finished: multipart uploads on
 * OSS (they cost storage until aborted) and temp files of downloads. Cleaned at start-up
 * and after a cancel; an upload that cannot be aborted now (offline, profile removed) keeps
 * its checkpoint and is tried again next time.
 */
import { rm } from 'node:fs/promises';
import type { ClientProvider } from '../oss/client-provider';
import type { CheckpointStore } from './checkpoint-store';

/** Removes every checkpoint whose item `wanted` says no to; returns how many were cleaned. */
export async function cleanOrphans(checkpoints: CheckpointStore, clients: ClientProvider, wanted: (itemId: string) => boolean): Promise<number> {
  let cleaned = 0;
  for (const cp of await checkpoints.all()) {
    if (wanted(cp.itemId)) continue;
    if (cp.kind === 'upload') {
      const client = await clients.forBucket(cp.profileId, cp.bucket).catch(() => undefined);
      const aborted = await client?.abortMultipartUpload(cp.key, cp.uploadId).then(
        () => true,
        (err: unknown) => (err as { code?: string }).code === 'NoSuchUpload',
      );
      if (!aborted) continue; // offline or no profile: try again next start
    } else await rm(cp.tempPath, { force: true });
    await checkpoints.remove(cp.itemId);
    cleaned++;
  }
  return cleaned;
}
