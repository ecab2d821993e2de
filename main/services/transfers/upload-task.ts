/**
 * Uploads one local file: a single PUT up to the multipart threshold, multipart above it
 * with parallel parts. Bytes stream from disk; a worker hashes the same range meanwhile, and
 * each PUT/part/Complete is accepted only when OSS's x-oss-hash-crc64ecma equals ours
 * (multipart: part CRCs combined with crc64Combine). A checkpoint is written after every
 * part; on resume the file is checked (changed → the old upload ID is aborted and a fresh
 * upload starts) and the checkpoint is reconciled with ListParts. NoSuchUpload restarts once.
 */
import { open, stat } from 'node:fs/promises';
import type OSS from 'ali-oss';
import { lookup } from 'mime-types';
import type { IHasher } from 'hash-wasm';
import { createCrc64Hasher, crc64Combine, hexToDecimal } from '../oss/crc64';
import { fileRange } from './byte-streams';
import { numbered } from './local-paths';
import { missingParts, runParts } from './part-pool';
import type { DonePart, UploadCheckpoint } from './checkpoint-store';
import { sleep, withRetries } from './retry';
import { crcHeader, partSizeFor, type Client, type PartUploader, type TaskContext } from './task-context';
import { IntegrityError, codeOf } from './transfer-errors';

/** `crc` is the CRC-64 OSS confirmed, or null when OSS sent none to compare with (then the item is done, not "verified"). */
export type UploadOutcome = { kind: 'done'; crc: string | null } | { kind: 'skipped'; reason: 'exists' | 'identical' };

/**
 * Bodies this small are read into memory and hashed inline (microseconds): for a folder of
 * 4 KB files the streams and the worker round trip would cost more than the bytes.
 */
const SMALL_BODY = 256 * 1024;

class FileChangedError extends Error {
  readonly code = 'FileChanged';
}

/** Runs the upload of `ctx.record`; throws on failure (the engine classifies it). */
export async function runUpload(ctx: TaskContext): Promise<UploadOutcome> {
  const r = ctx.record;
  const st = await stat(r.localPath);
  if (!st.isFile()) throw Object.assign(new Error(`${r.localPath} is no longer a file.`), { code: 'NotAFile' });
  r.size = st.size;
  // Small files share the bucket's client (a request of a few KB needs no client of its own to be stopped).
  const client = st.size <= SMALL_BODY ? await ctx.clients.forBucket(r.profileId, r.bucket) : await ctx.clients.isolatedForBucket(r.profileId, r.bucket);
  if (ctx.policy === 'skip-identical' || ctx.policy === 'keep-both') {
    const existing = await headOrNothing(ctx, client, r.key);
    if (existing && ctx.policy === 'skip-identical' && existing.size === st.size && existing.crc !== undefined) {
      if ((await ctx.crc.crcOfRange(r.localPath, 0, st.size)) === existing.crc) return { kind: 'skipped', reason: 'identical' };
    }
    if (existing && ctx.policy === 'keep-both') await freeKey(ctx, client);
  }
  if (st.size <= SMALL_BODY) return putSmall(ctx, client, st.size);
  if (st.size <= ctx.tuning.multipartThreshold) return putWhole(ctx, client, st.size);
  return multipart(ctx, client, st.size, st.mtimeMs, false);
}

/** 'skip' and 'keep-both' never replace an object, even one that appeared a moment ago. */
function headersFor(ctx: TaskContext): Record<string, string> {
  return ctx.policy === 'skip' || ctx.policy === 'keep-both' ? { 'x-oss-forbid-overwrite': 'true' } : {};
}

async function headOrNothing(ctx: TaskContext, client: Client, key: string): Promise<{ size: number; crc: string | undefined } | undefined> {
  try {
    const head = await withRetries(() => client.head(key), { attempts: ctx.tuning.requestAttempts, baseMs: ctx.tuning.retryBaseMs, signal: ctx.signal });
    const h = (head.res.headers ?? {}) as Record<string, string>;
    return { size: Number(h['content-length'] ?? 0), crc: crcHeader(head.res as { headers?: unknown }) };
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined;
    throw err;
  }
}

/** Keep both: "name (1).ext", "name (2).ext"… — the first key nobody uses. */
async function freeKey(ctx: TaskContext, client: Client): Promise<void> {
  const r = ctx.record;
  const slash = r.key.lastIndexOf('/');
  const dir = r.key.slice(0, slash + 1);
  const name = r.key.slice(slash + 1);
  for (let n = 1; n < 10_000; n++) {
    const candidate = dir + numbered(name, n);
    if (!(await headOrNothing(ctx, client, candidate))) {
      r.key = candidate;
      ctx.note({ kind: 'renamed', to: numbered(name, n) });
      return;
    }
  }
  throw Object.assign(new Error('No free name was found for the upload.'), { code: 'NoFreeName' });
}

async function putSmall(ctx: TaskContext, client: Client, size: number): Promise<UploadOutcome> {
  const r = ctx.record;
  return withRetries(
    async () => {
      const body = await readSmall(r.localPath, size);
      const wait = ctx.limiter.take(size);
      if (wait > 0) await sleep(wait, ctx.signal);
      const ours = await crcOfSmall(body);
      let theirs: string | undefined;
      try {
        const result = await client.put(r.key, body, { mime: lookup(r.key) || 'application/octet-stream', headers: headersFor(ctx) } as unknown as OSS.PutObjectOptions);
        theirs = crcHeader(result.res);
        if (theirs && theirs !== ours) throw new IntegrityError(r.key, ours, theirs);
      } catch (err) {
        if (codeOf(err) === 'FileAlreadyExists') return { kind: 'skipped', reason: 'exists' } as const;
        throw err;
      }
      ctx.onBytes(size);
      return { kind: 'done', crc: theirs ? ours : null } as const;
    },
    { attempts: ctx.tuning.requestAttempts, baseMs: ctx.tuning.retryBaseMs, signal: ctx.signal, onRetry: ctx.onRetry },
  );
}

/**
 * The whole of a small file (open, one read, close: a plain readFile costs a stat and a
 * second read more, which shows when a folder has thousands of 4 KB files). One byte more
 * is asked for, so a file that grew since it was measured is noticed.
 */
async function readSmall(path: string, size: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const body = Buffer.allocUnsafe(size + 1);
    const { bytesRead } = await fh.read(body, 0, size + 1, 0);
    if (bytesRead !== size) throw new FileChangedError('The file changed while it was being uploaded.');
    return body.subarray(0, size);
  } finally {
    await fh.close();
  }
}

/**
 * One hasher for every small body, created once: a new hash-wasm instance per file (what
 * crc64Of does) costs a WebAssembly instantiation per 4 KB file. init → update → digest
 * run without an await between them, so bodies never mix.
 */
let smallHasher: Promise<IHasher> | undefined;
async function crcOfSmall(body: Uint8Array): Promise<string> {
  const hasher = await (smallHasher ??= createCrc64Hasher());
  hasher.init();
  hasher.update(body);
  return hexToDecimal(hasher.digest('hex'));
}

async function putWhole(ctx: TaskContext, client: Client, size: number): Promise<UploadOutcome> {
  const r = ctx.record;
  return withRetries(
    async () => {
      const crcP = ctx.crc.crcOfRange(r.localPath, 0, size);
      const body = fileRange(r.localPath, 0, size, { ...ctx, stallMs: ctx.tuning.stallMs });
      try {
        // An empty body goes as a buffer: ali-oss would send a 0-byte stream chunked.
        const result = await client.put(r.key, size === 0 ? Buffer.alloc(0) : body.stream, {
          mime: lookup(r.key) || 'application/octet-stream',
          headers: { ...headersFor(ctx), 'Content-Length': String(size) },
          contentLength: size,
        } as unknown as OSS.PutObjectOptions);
        const ours = await crcP;
        const theirs = crcHeader(result.res);
        if (theirs && theirs !== ours) throw new IntegrityError(r.key, ours, theirs);
        return { kind: 'done', crc: theirs ? ours : null } as const;
      } catch (err) {
        ctx.onBytes(-body.passed());
        crcP.catch(() => undefined);
        if (codeOf(err) === 'FileAlreadyExists') return { kind: 'skipped', reason: 'exists' } as const;
        throw body.reason() ?? err;
      } finally {
        body.release();
      }
    },
    { attempts: ctx.tuning.requestAttempts, baseMs: ctx.tuning.retryBaseMs, signal: ctx.signal, onRetry: ctx.onRetry },
  );
}

async function multipart(ctx: TaskContext, client: Client, size: number, mtimeMs: number, restarted: boolean): Promise<UploadOutcome> {
  const r = ctx.record;
  let cp = await ctx.checkpoints.read(r.id);
  if (cp && cp.kind !== 'upload') cp = undefined;
  if (cp && (cp.size !== size || cp.mtimeMs !== mtimeMs || cp.key !== r.key || cp.bucket !== r.bucket || cp.localPath !== r.localPath)) {
    // The file changed since those parts were sent: they are worthless; free them on OSS.
    await client.abortMultipartUpload(cp.key, cp.uploadId).catch(() => undefined);
    await ctx.checkpoints.remove(r.id);
    cp = undefined;
  }
  if (cp) {
    const reconciled = await reconcile(ctx, client, cp);
    if (reconciled === 'gone') {
      const landed = await alreadyComplete(client, cp);
      if (landed) {
        await ctx.checkpoints.remove(r.id);
        return { kind: 'done', crc: landed };
      }
      await ctx.checkpoints.remove(r.id);
      if (restarted) throw Object.assign(new Error('OSS forgot the upload twice in a row.'), { code: 'NoSuchUpload' });
      return multipart(ctx, client, size, mtimeMs, true);
    }
    const done = cp.parts.reduce((n, p) => n + p.size, 0);
    if (done > 0) ctx.note({ kind: 'resumed', percent: Math.floor((done / size) * 100) });
  } else {
    const partSize = partSizeFor(size, ctx.partSize, ctx.tuning.autoPartSize);
    const init = await withRetries(
      () => client.initMultipartUpload(r.key, { mime: lookup(r.key) || 'application/octet-stream', headers: headersFor(ctx) } as OSS.InitMultipartUploadOptions),
      { attempts: ctx.tuning.requestAttempts, baseMs: ctx.tuning.retryBaseMs, signal: ctx.signal, onRetry: ctx.onRetry },
    );
    cp = { kind: 'upload', itemId: r.id, profileId: r.profileId, bucket: r.bucket, key: r.key, localPath: r.localPath, size, mtimeMs, partSize, uploadId: init.uploadId, parts: [] };
    await ctx.checkpoints.write(cp);
  }
  const checkpoint = cp;
  ctx.onBytes(checkpoint.parts.reduce((n, p) => n + p.size, 0));
  try {
    await sendParts(ctx, client, checkpoint);
    return await complete(ctx, client, checkpoint);
  } catch (err) {
    if (codeOf(err) === 'NoSuchUpload') {
      await ctx.checkpoints.remove(r.id);
      if (restarted) throw err;
      ctx.onBytes(-checkpoint.parts.reduce((n, p) => n + p.size, 0));
      return multipart(ctx, client, size, mtimeMs, true);
    }
    if (err instanceof FileChangedError) {
      // Edited while uploading: what was sent mixes two versions; start over from the new one.
      await client.abortMultipartUpload(checkpoint.key, checkpoint.uploadId).catch(() => undefined);
      await ctx.checkpoints.remove(r.id);
    }
    throw err;
  }
}

/**
 * Reconciles the checkpoint with ListParts: checkpoint parts OSS no longer shows (or shows
 * with another ETag) are dropped; parts OSS has that the checkpoint missed (in flight when
 * the process died) are adopted when their size and CRC-64 equal the local range's — so
 * only parts OSS really lacks are sent again.
 */
async function reconcile(ctx: TaskContext, client: Client, cp: UploadCheckpoint): Promise<'ok' | 'gone'> {
  const listed = new Map<number, { etag: string; crc: string; size: number }>();
  let marker: string | undefined;
  try {
    for (;;) {
      const page = await withRetries(
        () => client.listParts(cp.key, cp.uploadId, { 'max-parts': 1000, ...(marker ? { 'part-number-marker': Number(marker) } : {}) } as OSS.ListPartsQuery),
        { attempts: ctx.tuning.requestAttempts, baseMs: ctx.tuning.retryBaseMs, signal: ctx.signal, onRetry: ctx.onRetry },
      );
      // ali-oss hands the XML over as parsed: one part is an object, not a list; IsTruncated is a string.
      const raw = (page.parts ?? []) as unknown;
      for (const p of (Array.isArray(raw) ? raw : [raw]) as Array<Record<string, unknown>>) {
        listed.set(Number(p.PartNumber), { etag: String(p.ETag), crc: String(p.HashCrc64ecma ?? ''), size: Number(p.Size) });
      }
      if (String(page.isTruncated) !== 'true') break;
      marker = String(page.nextPartNumberMarker);
    }
  } catch (err) {
    if (codeOf(err) === 'NoSuchUpload') return 'gone';
    throw err;
  }
  const norm = (e: string): string => e.replace(/"/g, '').toUpperCase();
  cp.parts = cp.parts.filter((p) => listed.has(p.number) && norm(listed.get(p.number)!.etag) === norm(p.etag));
  const have = new Set(cp.parts.map((p) => p.number));
  for (const [n, part] of listed) {
    const start = (n - 1) * cp.partSize;
    const end = Math.min(cp.size, start + cp.partSize);
    if (have.has(n) || !part.crc || part.size !== end - start || start >= cp.size) continue;
    if ((await ctx.crc.crcOfRange(cp.localPath, start, end)) === part.crc) cp.parts.push({ number: n, etag: part.etag, crc: part.crc, size: part.size });
  }
  await ctx.checkpoints.write(cp);
  return 'ok';
}

/** After NoSuchUpload: did our Complete land before a crash? Then the object's CRC equals the combined parts'. */
async function alreadyComplete(client: Client, cp: UploadCheckpoint): Promise<string | undefined> {
  const count = Math.ceil(cp.size / cp.partSize);
  if (cp.parts.length !== count) return undefined;
  const combined = combineParts(cp.parts);
  const head = await client.head(cp.key).catch(() => undefined);
  const crc = crcHeader(head?.res as { headers?: unknown } | undefined);
  return crc === combined ? combined : undefined;
}

function combineParts(parts: DonePart[]): string {
  const sorted = [...parts].sort((a, b) => a.number - b.number);
  return sorted.reduce((acc, p, i) => (i === 0 ? p.crc : crc64Combine(acc, p.crc, p.size)), '0');
}

async function sendParts(ctx: TaskContext, client: Client, cp: UploadCheckpoint): Promise<void> {
  const r = ctx.record;
  await runParts({
    todo: missingParts(Math.max(1, Math.ceil(cp.size / cp.partSize)), cp.parts),
    parallel: ctx.parallelParts,
    part: async (n) => {
      const start = (n - 1) * cp.partSize;
      const end = Math.min(cp.size, start + cp.partSize);
      const part = await withRetries(() => sendPart(ctx, client, cp, n, start, end), {
        attempts: ctx.tuning.requestAttempts,
        baseMs: ctx.tuning.retryBaseMs,
        signal: ctx.signal,
        onRetry: ctx.onRetry,
      });
      cp.parts.push(part);
    },
    save: () => ctx.checkpoints.write(cp),
  });
  const st = await stat(r.localPath);
  if (st.size !== cp.size || st.mtimeMs !== cp.mtimeMs) throw new FileChangedError('The file changed while it was being uploaded.');
}

async function sendPart(ctx: TaskContext, client: Client, cp: UploadCheckpoint, n: number, start: number, end: number): Promise<DonePart> {
  const crcP = ctx.crc.crcOfRange(cp.localPath, start, end);
  const body = fileRange(cp.localPath, start, end, { ...ctx, stallMs: ctx.tuning.stallMs });
  try {
    const result = await (client as unknown as PartUploader)._uploadPart(cp.key, cp.uploadId, n, { size: end - start, stream: body.stream });
    const ours = await crcP;
    const theirs = crcHeader(result.res);
    if (theirs && theirs !== ours) throw new IntegrityError(`part ${n} of ${cp.key}`, ours, theirs);
    return { number: n, etag: result.etag, crc: ours, size: end - start };
  } catch (err) {
    ctx.onBytes(-body.passed());
    crcP.catch(() => undefined);
    throw body.reason() ?? err;
  } finally {
    body.release();
  }
}

async function complete(ctx: TaskContext, client: Client, cp: UploadCheckpoint): Promise<UploadOutcome> {
  const combined = combineParts(cp.parts);
  let theirs: string | undefined;
  try {
    const result = await withRetries(
      () =>
        client.completeMultipartUpload(
          cp.key,
          cp.uploadId,
          cp.parts.map((p) => ({ number: p.number, etag: p.etag })),
          { headers: headersFor(ctx) } as OSS.CompleteMultipartUploadOptions,
        ),
      { attempts: ctx.tuning.requestAttempts, baseMs: ctx.tuning.retryBaseMs, signal: ctx.signal, onRetry: ctx.onRetry },
    );
    theirs = crcHeader(result.res as { headers?: unknown });
    if (theirs && theirs !== combined) throw new IntegrityError(cp.key, combined, theirs);
  } catch (err) {
    if (codeOf(err) === 'FileAlreadyExists') {
      await client.abortMultipartUpload(cp.key, cp.uploadId).catch(() => undefined);
      await ctx.checkpoints.remove(cp.itemId);
      return { kind: 'skipped', reason: 'exists' };
    }
    if (codeOf(err) === 'NoSuchUpload') {
      // A retried Complete whose first attempt landed: the object is there with our CRC.
      const landed = await alreadyComplete(client, cp);
      if (landed) {
        await ctx.checkpoints.remove(cp.itemId);
        return { kind: 'done', crc: landed };
      }
    }
    if (err instanceof IntegrityError) await ctx.checkpoints.remove(cp.itemId);
    throw err;
  }
  await ctx.checkpoints.remove(cp.itemId);
  return { kind: 'done', crc: theirs ? combined : null };
}
