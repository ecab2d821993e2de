/**
 * Where object bodies live. Blobs are immutable once written; an object's body is a list
 * of blob segments (so multipart completion and appends never copy data).
 */
import { Readable } from 'node:stream';
import { createStreamHasher } from '../integrity/hash-worker';

/** What writing a blob measured on the way through. */
export interface WrittenBlob {
  blob: string;
  size: number;
  md5Hex: string;
  crc64: string;
}

export interface BlobStore {
  /** Streams a body into a new blob, hashing MD5 and CRC-64 as it passes (sizeHint picks the hasher). */
  write(bucket: string, source: AsyncIterable<Uint8Array>, sizeHint?: number): Promise<WrittenBlob>;
  /** Bytes [start, end) of a blob. */
  read(bucket: string, blob: string, start: number, end: number): Readable;
  /** A new blob with the same bytes (in `toBucket`). */
  copy(fromBucket: string, blob: string, toBucket: string): Promise<string>;
  remove(bucket: string, blob: string): Promise<void>;
  createBucket(bucket: string): Promise<void>;
  removeBucket(bucket: string): Promise<void>;
  /** Blob ids present for a bucket (for orphan collection at open). */
  list(bucket: string): Promise<string[]>;
}

/** Seeded bodies of N zero bytes need no storage: the id encodes the size. */
export const ZERO_BLOB_PREFIX = 'zero-';

export function isZeroBlob(blob: string): boolean {
  return blob.startsWith(ZERO_BLOB_PREFIX);
}

/** A stream of `length` zero bytes. */
export function zeroStream(length: number): Readable {
  const chunk = Buffer.alloc(Math.min(length, 256 * 1024));
  let left = length;
  return new Readable({
    read() {
      if (left <= 0) {
        this.push(null);
        return;
      }
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

/** Feeds every chunk to `sink` while hashing; the caller owns what sink does. */
export async function hashWhileWriting(
  source: AsyncIterable<Uint8Array>,
  sink: (chunk: Buffer) => Promise<void> | void,
  sizeHint?: number,
): Promise<Omit<WrittenBlob, 'blob'>> {
  const hasher = await createStreamHasher(sizeHint);
  let size = 0;
  try {
    for await (const raw of source) {
      const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
      // The write is handed to the sink first so the disk works while this thread hashes.
      const writing = sink(chunk);
      const pending = hasher.update(chunk);
      size += chunk.length;
      if (writing) await writing;
      if (pending) await pending;
    }
  } catch (error) {
    hasher.abandon();
    throw error;
  }
  return { size, ...(await hasher.digest()) };
}

/** An empty readable, for zero-length ranges. */
export function emptyStream(): Readable {
  return Readable.from([]);
}
