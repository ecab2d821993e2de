/** Blobs held in memory, for unit tests (`memory: true`). */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { type BlobStore, type WrittenBlob, emptyStream, hashWhileWriting, isZeroBlob, zeroStream } from './blob-store';

export class MemoryBlobStore implements BlobStore {
  private readonly blobs = new Map<string, Buffer>();

  async write(_bucket: string, source: AsyncIterable<Uint8Array>, sizeHint?: number): Promise<WrittenBlob> {
    const chunks: Buffer[] = [];
    const measured = await hashWhileWriting(source, (chunk) => {
      chunks.push(chunk);
    }, sizeHint);
    const blob = randomUUID();
    this.blobs.set(blob, Buffer.concat(chunks));
    return { blob, ...measured };
  }

  read(_bucket: string, blob: string, start: number, end: number): Readable {
    if (end <= start) return emptyStream();
    if (isZeroBlob(blob)) return zeroStream(end - start);
    const data = this.blobs.get(blob) ?? Buffer.alloc(0);
    return Readable.from([data.subarray(start, end)]);
  }

  async copy(_from: string, blob: string): Promise<string> {
    // Buffers are never mutated, so sharing one is a faithful copy.
    if (isZeroBlob(blob)) return blob;
    const id = randomUUID();
    this.blobs.set(id, this.blobs.get(blob) ?? Buffer.alloc(0));
    return id;
  }

  async remove(_bucket: string, blob: string): Promise<void> {
    this.blobs.delete(blob);
  }

  async createBucket(): Promise<void> {}

  async removeBucket(): Promise<void> {}

  async list(): Promise<string[]> {
    return [];
  }
}
