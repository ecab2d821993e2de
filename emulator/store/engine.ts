/**
 * The storage engine: buckets, objects and multipart uploads held in memory (with a sorted
 * key index per bucket) and persisted as bucket.json + a metadata journal per bucket, with
 * bodies in a BlobStore. Operations in ops/ call it; it knows nothing about HTTP.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OssError } from '../core/contract';
import type { BlobStore } from './blob-store';
import { DiskBlobStore } from './blob-store-disk';
import { MemoryBlobStore } from './blob-store-memory';
import { Journal, type JournalRecord } from './journal';
import { KeyIndex } from './key-index';
import type { BucketRecord, ObjectRecord, PartRecord, UploadRecord } from './types';

/** A multipart upload in progress. */
export interface UploadState {
  record: UploadRecord;
  parts: Map<number, PartRecord>;
}

/** One bucket's live state. */
export class BucketState {
  readonly objects = new Map<string, ObjectRecord>();
  readonly index = new KeyIndex();
  readonly uploads = new Map<string, UploadState>();

  constructor(
    public record: BucketRecord,
    readonly journal: Journal | null,
  ) {}

  apply(rec: JournalRecord): void {
    switch (rec.t) {
      case 'put':
        if (!this.objects.has(rec.o.key)) this.index.add(rec.o.key);
        this.objects.set(rec.o.key, rec.o);
        break;
      case 'del':
        if (this.objects.delete(rec.k)) this.index.remove(rec.k);
        break;
      case 'init':
        this.uploads.set(rec.u.uploadId, { record: rec.u, parts: new Map() });
        break;
      case 'part':
        this.uploads.get(rec.id)?.parts.set(rec.p.partNumber, rec.p);
        break;
      case 'end':
        this.uploads.delete(rec.id);
        break;
    }
  }

  /** The records that rebuild the current state (journal compaction). */
  *snapshot(): Generator<JournalRecord> {
    for (const o of this.objects.values()) yield { t: 'put', o };
    for (const [id, upload] of this.uploads) {
      yield { t: 'init', u: upload.record };
      for (const p of upload.parts.values()) yield { t: 'part', id, p };
    }
  }

  /** Blob ids referenced by objects and parts. */
  referencedBlobs(): Set<string> {
    const blobs = new Set<string>();
    for (const o of this.objects.values()) for (const s of o.segments) blobs.add(s.blob);
    for (const u of this.uploads.values()) for (const p of u.parts.values()) blobs.add(p.blob);
    return blobs;
  }
}

export interface EngineOptions {
  dataDir?: string;
  memory?: boolean;
  restoreDelayMs?: number;
}

export function noSuchBucket(name: string): OssError {
  return new OssError(404, 'NoSuchBucket', 'The specified bucket does not exist.', '0015-00000101', { BucketName: name });
}

export class Engine {
  private readonly buckets = new Map<string, BucketState>();
  /** Readers per `bucket/blob`, and blobs freed while read: unlinked when the last reader ends. */
  private readonly pins = new Map<string, number>();
  private readonly doomed = new Set<string>();
  readonly blobs: BlobStore;
  readonly restoreDelayMs: number;
  private readonly dataDir: string | null;

  private constructor(opts: EngineOptions) {
    this.dataDir = opts.memory ? null : (opts.dataDir ?? null);
    if (!opts.memory && !opts.dataDir) throw new Error('createStore needs dataDir unless memory: true');
    this.blobs = this.dataDir ? new DiskBlobStore(this.dataDir) : new MemoryBlobStore();
    this.restoreDelayMs = opts.restoreDelayMs ?? 1000;
  }

  /** Opens (or creates) the data directory and replays every bucket's journal. */
  static async open(opts: EngineOptions): Promise<Engine> {
    const engine = new Engine(opts);
    if (engine.dataDir) await engine.load(engine.dataDir);
    return engine;
  }

  private async load(dataDir: string): Promise<void> {
    rmSync(join(dataDir, 'tmp'), { recursive: true, force: true });
    mkdirSync(join(dataDir, 'tmp'), { recursive: true });
    mkdirSync(join(dataDir, 'buckets'), { recursive: true });
    for (const name of readdirSync(join(dataDir, 'buckets'))) {
      const dir = join(dataDir, 'buckets', name);
      let record: BucketRecord;
      try {
        record = JSON.parse(readFileSync(join(dir, 'bucket.json'), 'utf8')) as BucketRecord;
      } catch {
        // A bucket directory without its record is a create or delete that never finished.
        rmSync(dir, { recursive: true, force: true });
        continue;
      }
      const journal = new Journal(join(dir, 'journal.jsonl'));
      const state = new BucketState(record, journal);
      const records = journal.replay();
      for (const rec of records) {
        if (rec.t === 'put' && !state.objects.has(rec.o.key)) state.objects.set(rec.o.key, rec.o);
        else state.apply(rec);
      }
      state.index.addMany(state.objects.keys());
      if (journal.lines > state.objects.size + state.uploads.size + 1000) journal.rewrite(state.snapshot());
      const referenced = state.referencedBlobs();
      for (const blob of await this.blobs.list(name)) {
        if (!referenced.has(blob)) await this.blobs.remove(name, blob);
      }
      this.buckets.set(name, state);
    }
  }

  listBuckets(): BucketRecord[] {
    return [...this.buckets.values()].map((b) => b.record).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  bucket(name: string): BucketState | undefined {
    return this.buckets.get(name);
  }

  requireBucket(name: string): BucketState {
    const state = this.buckets.get(name);
    if (!state) throw noSuchBucket(name);
    return state;
  }

  async createBucket(record: BucketRecord): Promise<void> {
    if (this.buckets.has(record.name)) {
      throw new OssError(409, 'BucketAlreadyExists', 'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.', '0015-00000104', { BucketName: record.name });
    }
    let journal: Journal | null = null;
    if (this.dataDir) {
      const dir = join(this.dataDir, 'buckets', record.name);
      mkdirSync(dir, { recursive: true });
      await this.blobs.createBucket(record.name);
      this.writeBucketFile(record);
      journal = new Journal(join(dir, 'journal.jsonl'));
    }
    this.buckets.set(record.name, new BucketState(record, journal));
  }

  /** Persists a changed bucket record (ACL, CORS). */
  saveBucket(record: BucketRecord): void {
    const state = this.requireBucket(record.name);
    state.record = record;
    if (this.dataDir) this.writeBucketFile(record);
  }

  private writeBucketFile(record: BucketRecord): void {
    const path = join(this.dataDir as string, 'buckets', record.name, 'bucket.json');
    writeFileSync(`${path}.tmp`, JSON.stringify(record));
    renameSync(`${path}.tmp`, path);
  }

  async deleteBucket(name: string): Promise<void> {
    const state = this.requireBucket(name);
    if (state.objects.size > 0 || state.uploads.size > 0) {
      throw new OssError(409, 'BucketNotEmpty', 'The bucket you tried to delete is not empty.', '0015-00000301', { BucketName: name });
    }
    this.buckets.delete(name);
    state.journal?.close();
    if (this.dataDir) {
      // Drop bucket.json first so a crash mid-delete leaves a directory load() discards.
      const dir = join(this.dataDir, 'buckets', name);
      rmSync(join(dir, 'bucket.json'), { force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  }

  private record(state: BucketState, records: JournalRecord[]): void {
    for (const rec of records) state.apply(rec);
    const journal = state.journal;
    if (!journal) return;
    journal.append(records);
    if (journal.lines > 4 * (state.objects.size + state.uploads.size) + 10_000) journal.rewrite(state.snapshot());
  }

  /** Stores (or replaces) an object; frees blobs of the replaced version it no longer uses. */
  async putObject(bucket: string, object: ObjectRecord): Promise<void> {
    const state = this.requireBucket(bucket);
    const previous = state.objects.get(object.key);
    this.record(state, [{ t: 'put', o: object }]);
    if (previous) await this.freeSegments(bucket, previous, object);
  }

  /** Stores many objects with one journal write (seeding). */
  putObjects(bucket: string, objects: ObjectRecord[]): void {
    const state = this.requireBucket(bucket);
    const fresh = objects.filter((o) => !state.objects.has(o.key)).map((o) => o.key);
    for (const o of objects) state.objects.set(o.key, o);
    state.index.addMany(fresh);
    state.journal?.append(objects.map((o) => ({ t: 'put', o })));
  }

  async deleteObject(bucket: string, key: string): Promise<boolean> {
    const state = this.requireBucket(bucket);
    const previous = state.objects.get(key);
    if (!previous) return false;
    this.record(state, [{ t: 'del', k: key }]);
    await this.freeSegments(bucket, previous, null);
    return true;
  }

  private async freeSegments(bucket: string, old: ObjectRecord, replacement: ObjectRecord | null): Promise<void> {
    const kept = new Set(replacement?.segments.map((s) => s.blob) ?? []);
    for (const s of old.segments) if (!kept.has(s.blob)) await this.free(bucket, s.blob);
  }

  /**
   * Keeps blobs on disk while a response streams them, so an overwrite or delete during a
   * GET never cuts the old body short (OSS serves the version the request started on).
   * Returns the release function.
   */
  pin(bucket: string, blobs: string[]): () => void {
    const keys = blobs.map((b) => `${bucket}/${b}`);
    for (const k of keys) this.pins.set(k, (this.pins.get(k) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      keys.forEach((k, i) => {
        const left = (this.pins.get(k) ?? 1) - 1;
        if (left > 0) {
          this.pins.set(k, left);
          return;
        }
        this.pins.delete(k);
        if (this.doomed.delete(k)) void this.blobs.remove(bucket, blobs[i] as string).catch(() => undefined);
      });
    };
  }

  private async free(bucket: string, blob: string): Promise<void> {
    const k = `${bucket}/${blob}`;
    if (this.pins.has(k)) this.doomed.add(k);
    else await this.blobs.remove(bucket, blob);
  }

  initUpload(bucket: string, upload: UploadRecord): void {
    this.record(this.requireBucket(bucket), [{ t: 'init', u: upload }]);
  }

  async putPart(bucket: string, uploadId: string, part: PartRecord): Promise<void> {
    const state = this.requireBucket(bucket);
    const upload = state.uploads.get(uploadId);
    if (!upload) {
      // Aborted while the part streamed in.
      await this.blobs.remove(bucket, part.blob);
      throw noSuchUpload();
    }
    const previous = upload.parts.get(part.partNumber);
    this.record(state, [{ t: 'part', id: uploadId, p: part }]);
    if (previous) await this.free(bucket, previous.blob);
  }

  /** Aborts an upload and frees its parts. */
  async endUpload(bucket: string, uploadId: string): Promise<void> {
    const state = this.requireBucket(bucket);
    const upload = state.uploads.get(uploadId);
    if (!upload) throw noSuchUpload();
    this.record(state, [{ t: 'end', id: uploadId }]);
    for (const p of upload.parts.values()) await this.free(bucket, p.blob);
  }

  /**
   * Completes an upload: the object and the end of the upload are one journal write and one
   * synchronous state change, so a concurrent abort or complete cannot free parts the new
   * object owns. Parts left out of the object are freed.
   */
  async completeUpload(bucket: string, uploadId: string, object: ObjectRecord): Promise<void> {
    const state = this.requireBucket(bucket);
    const upload = state.uploads.get(uploadId);
    if (!upload) throw noSuchUpload();
    const previous = state.objects.get(object.key);
    this.record(state, [{ t: 'put', o: object }, { t: 'end', id: uploadId }]);
    const owned = new Set(object.segments.map((s) => s.blob));
    for (const p of upload.parts.values()) if (!owned.has(p.blob)) await this.free(bucket, p.blob);
    if (previous) await this.freeSegments(bucket, previous, object);
  }

  async close(): Promise<void> {
    for (const state of this.buckets.values()) state.journal?.close();
  }
}

export function noSuchUpload(): OssError {
  return new OssError(404, 'NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.', '0042-00000002');
}
