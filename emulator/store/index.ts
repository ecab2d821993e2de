/**
 * The store half of the emulator: `createStore` opens the engine and answers the gate's
 * questions (bucket, object ACL, which operation). Beyond the contract it offers
 * `seedObjects` for benchmarks and the admin API.
 */
import type { BucketSummary, Operation, RequestContext, Store, StoreOptions } from '../core/contract';
import { OssError } from '../core/contract';
import { createCrc64Hasher, hexToDecimal } from '../../main/services/oss/crc64';
import { md5Etag } from '../integrity/etag';
import { assertBucketName, assertObjectKey } from '../keys';
import { MAX_PUT_BYTES } from '../ops/put-object';
import { corsHeadersFor } from '../ops/cors';
import { resolveOperation } from '../ops/router';
import { ZERO_BLOB_PREFIX } from './blob-store';
import { Engine } from './engine';
import type { ObjectRecord, StorageClass } from './types';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';

/** One object to seed: a body, or a size of zero bytes that takes no storage. */
export interface SeedObject {
  key: string;
  body?: Buffer | string;
  size?: number;
  contentType?: string;
  storageClass?: StorageClass;
  lastModified?: number;
}

/** The store plus the extras tests, benchmarks and the admin API use. */
export interface EmulatorStore extends Store {
  /** Creates a bucket directly (no HTTP), owned by `ownerAccountId`. */
  createBucket(name: string, ownerAccountId: string, region: string): Promise<void>;
  /** Adds many objects at once with a single metadata write; returns how many. */
  seedObjects(bucket: string, objects: SeedObject[]): Promise<number>;
}

const zeroDigests = new Map<number, { md5Hex: string; crc64: string }>();

/** MD5 and CRC-64 of `size` zero bytes, hashed in 1 MiB steps (cached per size). */
async function zeroDigest(size: number): Promise<{ md5Hex: string; crc64: string }> {
  let cached = zeroDigests.get(size);
  if (!cached) {
    const chunk = Buffer.alloc(Math.min(size, 1024 * 1024));
    const md5 = createHash('md5');
    const crc = await createCrc64Hasher();
    for (let left = size; left > 0; left -= chunk.length) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      md5.update(piece);
      crc.update(piece);
    }
    cached = { md5Hex: md5.digest('hex'), crc64: hexToDecimal(crc.digest('hex')) };
    zeroDigests.set(size, cached);
  }
  return cached;
}

/** Opens a store on `dataDir` (reopening what is there) or in memory. */
export async function createStore(opts: StoreOptions): Promise<EmulatorStore> {
  const engine = await Engine.open(opts);
  return {
    async getBucket(name: string): Promise<BucketSummary | null> {
      const state = engine.bucket(name);
      if (!state) return null;
      const r = state.record;
      return { name: r.name, region: r.region, ownerAccountId: r.ownerAccountId, acl: r.acl };
    },
    async getObjectAcl(bucket, key) {
      return engine.bucket(bucket)?.objects.get(key)?.acl ?? null;
    },
    resolve(ctx: RequestContext): Operation {
      return resolveOperation(engine, ctx);
    },
    corsHeaders(ctx: RequestContext): Record<string, string> {
      return corsHeadersFor(engine, ctx);
    },
    async createBucket(name, ownerAccountId, region) {
      assertBucketName(name);
      await engine.createBucket({ name, region, ownerAccountId, acl: 'private', storageClass: 'Standard', dataRedundancyType: 'LRS', createdAt: Date.now(), cors: null });
    },
    async seedObjects(bucket, objects) {
      const state = engine.requireBucket(bucket);
      const records: ObjectRecord[] = [];
      for (const seed of objects) {
        assertObjectKey(seed.key);
        let segment: { blob: string; size: number };
        let digest: { md5Hex: string; crc64: string };
        if (seed.body !== undefined) {
          const written = await engine.blobs.write(bucket, Readable.from([Buffer.from(seed.body)]));
          segment = { blob: written.blob, size: written.size };
          digest = written;
          if (written.size === 0) await engine.blobs.remove(bucket, written.blob);
        } else {
          const size = seed.size ?? 0;
          if (!Number.isSafeInteger(size) || size < 0 || size > MAX_PUT_BYTES) throw new OssError(400, 'InvalidArgument', 'Seeded sizes must be 0..5 GiB.');
          segment = { blob: `${ZERO_BLOB_PREFIX}${size}`, size };
          digest = await zeroDigest(size);
        }
        records.push({
          key: seed.key, size: segment.size, etag: md5Etag(digest.md5Hex), crc64: digest.crc64,
          lastModified: seed.lastModified ?? Date.now(), type: 'Normal',
          storageClass: seed.storageClass ?? state.record.storageClass, acl: 'default',
          contentType: seed.contentType ?? 'application/octet-stream', headers: {}, userMeta: {}, tags: [],
          segments: segment.size > 0 ? [segment] : [],
        });
      }
      const replaced = records.map((r) => state.objects.get(r.key)).filter((o) => o !== undefined);
      engine.putObjects(bucket, records);
      for (const old of replaced) for (const s of old.segments) await engine.blobs.remove(bucket, s.blob);
      return records.length;
    },
    async close() {
      await engine.close();
    },
  };
}
