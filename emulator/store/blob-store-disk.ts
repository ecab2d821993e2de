/**
 * Blobs as files: `<dataDir>/buckets/<bucket>/blobs/<id>`. A body streams into
 * `<dataDir>/tmp/` and is renamed into place only when complete, so a reader or a restart
 * never sees half a body.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, unlink } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type BlobStore, type WrittenBlob, emptyStream, hashWhileWriting, isZeroBlob, zeroStream } from './blob-store';

export class DiskBlobStore implements BlobStore {
  constructor(private readonly dataDir: string) {}

  private dir(bucket: string): string {
    return join(this.dataDir, 'buckets', bucket, 'blobs');
  }

  async write(bucket: string, source: AsyncIterable<Uint8Array>, sizeHint?: number): Promise<WrittenBlob> {
    const blob = randomUUID();
    const tmp = join(this.dataDir, 'tmp', blob);
    const out = createWriteStream(tmp, { highWaterMark: 8 * 1024 * 1024 });
    let failure: Error | null = null;
    out.on('error', (error) => {
      failure = error;
    });
    try {
      const measured = await hashWhileWriting(source, (chunk) => {
        if (failure) throw failure;
        if (!out.write(chunk)) return once(out, 'drain').then(() => undefined);
      }, sizeHint);
      out.end();
      await once(out, 'close');
      if (failure) throw failure;
      await rename(tmp, join(this.dir(bucket), blob));
      return { blob, ...measured };
    } catch (error) {
      out.destroy();
      await rm(tmp, { force: true });
      throw error;
    }
  }

  read(bucket: string, blob: string, start: number, end: number): Readable {
    if (end <= start) return emptyStream();
    if (isZeroBlob(blob)) return zeroStream(end - start);
    return createReadStream(join(this.dir(bucket), blob), { start, end: end - 1, highWaterMark: 256 * 1024 });
  }

  async copy(fromBucket: string, blob: string, toBucket: string): Promise<string> {
    if (isZeroBlob(blob)) return blob;
    const id = randomUUID();
    const tmp = join(this.dataDir, 'tmp', id);
    await copyFile(join(this.dir(fromBucket), blob), tmp);
    await rename(tmp, join(this.dir(toBucket), id));
    return id;
  }

  async remove(bucket: string, blob: string): Promise<void> {
    if (isZeroBlob(blob)) return;
    await unlink(join(this.dir(bucket), blob)).catch(() => undefined);
  }

  async createBucket(bucket: string): Promise<void> {
    await mkdir(this.dir(bucket), { recursive: true });
  }

  async removeBucket(bucket: string): Promise<void> {
    await rm(this.dir(bucket), { recursive: true, force: true });
  }

  async list(bucket: string): Promise<string[]> {
    return readdir(this.dir(bucket)).catch(() => []);
  }
}
