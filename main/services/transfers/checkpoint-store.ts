/**
 * One checkpoint file per multipart upload or ranged download, rewritten atomically after
 * every part, so a crash or a kill loses at most the parts in flight. A checkpoint names
 * the profile, bucket, key, local file (size, mtime), part size, upload ID and done parts
 * with ETag and CRC-64 — never a credential. Checkpoints whose item is gone are how orphan
 * multipart uploads of ours are found (and aborted) at start-up.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file';

export interface DonePart {
  number: number;
  etag: string;
  crc: string;
  size: number;
}

export interface UploadCheckpoint {
  kind: 'upload';
  itemId: string;
  profileId: string;
  bucket: string;
  key: string;
  localPath: string;
  size: number;
  mtimeMs: number;
  partSize: number;
  uploadId: string;
  parts: DonePart[];
}

export interface DownloadCheckpoint {
  kind: 'download';
  itemId: string;
  profileId: string;
  bucket: string;
  key: string;
  tempPath: string;
  size: number;
  etag: string;
  crc: string | null;
  partSize: number;
  parts: Array<{ number: number; crc: string; size: number }>;
}

export type Checkpoint = UploadCheckpoint | DownloadCheckpoint;

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export class CheckpointStore {
  constructor(private readonly dir: string) {}

  private path(itemId: string): string {
    if (!SAFE_ID.test(itemId)) throw new Error('Bad checkpoint id.');
    return join(this.dir, `${itemId}.json`);
  }

  async read(itemId: string): Promise<Checkpoint | undefined> {
    try {
      return JSON.parse(await readFile(this.path(itemId), 'utf8')) as Checkpoint;
    } catch {
      return undefined;
    }
  }

  async write(cp: Checkpoint): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(this.path(cp.itemId), JSON.stringify(cp));
  }

  async remove(itemId: string): Promise<void> {
    await rm(this.path(itemId), { force: true });
  }

  /** Every checkpoint on disk (start-up reconciliation). */
  async all(): Promise<Checkpoint[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: Checkpoint[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const cp = await this.read(name.slice(0, -5));
      if (cp) out.push(cp);
    }
    return out;
  }
}
