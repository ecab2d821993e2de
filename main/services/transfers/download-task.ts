/**
 * Downloads one object into a temp file beside its target, verifies the CRC-64 of what was
 * written against OSS's x-oss-hash-crc64ecma, and only then moves it into place — so a
 * failed or interrupted download never touches an existing file. Large objects come in
 * parallel ranged parts (each hashed on a worker from the page cache, combined with
 * crc64Combine) with a checkpoint after every part; a resumed download fetches only the
 * missing ranges and starts over if the object's ETag or size changed (If-Match guards it).
 */
import { link, lstat, mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { crc64Combine } from '../oss/crc64';
import { watch } from './byte-streams';
import type { DownloadCheckpoint } from './checkpoint-store';
import { assertPlainParents, numbered } from './local-paths';
import { missingParts, runParts } from './part-pool';
import { withRetries } from './retry';
import { crcHeader, partSizeFor, type Client, type TaskContext } from './task-context';
import { IntegrityError, StallError, codeOf } from './transfer-errors';

export type DownloadOutcome = { kind: 'done'; crc: string | null } | { kind: 'skipped'; reason: 'exists' | 'identical' };

interface Remote {
  size: number;
  etag: string;
  crc: string | null;
}

/** Runs the download of `ctx.record` into `root` (the chosen folder); may rename the target (keep both). */
export async function runDownload(ctx: TaskContext, root: string): Promise<DownloadOutcome> {
  const r = ctx.record;
  await assertPlainParents(root, r.localPath);
  if (r.key.endsWith('/')) {
    await mkdir(r.localPath, { recursive: true });
    return { kind: 'done', crc: null };
  }
  const client = await ctx.clients.isolatedForBucket(r.profileId, r.bucket);
  const retry = { attempts: ctx.tuning.requestAttempts, baseMs: ctx.tuning.retryBaseMs, signal: ctx.signal, onRetry: ctx.onRetry };
  const head = await withRetries(() => client.head(r.key), retry);
  const h = (head.res.headers ?? {}) as Record<string, string>;
  const remote: Remote = { size: Number(h['content-length'] ?? 0), etag: String(h.etag ?? ''), crc: crcHeader(head.res as { headers?: unknown }) ?? null };
  r.size = remote.size;

  const decision = await resolveConflict(ctx, remote);
  if (decision) return decision;
  await mkdir(dirname(r.localPath), { recursive: true });
  await assertPlainParents(root, r.localPath);
  const temp = join(dirname(r.localPath), `.~oss-${r.id}.part`);

  const crc = remote.size <= ctx.tuning.multipartThreshold ? await wholeGet(ctx, client, remote, temp) : await rangedGet(ctx, client, remote, temp);
  if (remote.crc !== null && crc !== remote.crc) {
    await rm(temp, { force: true });
    await ctx.checkpoints.remove(r.id);
    throw new IntegrityError(r.key, remote.crc, crc);
  }
  await place(ctx, temp);
  await ctx.checkpoints.remove(r.id);
  return { kind: 'done', crc: remote.crc };
}

/** Applies the batch's conflict policy to an existing local file; undefined = go ahead. */
async function resolveConflict(ctx: TaskContext, remote: Remote): Promise<DownloadOutcome | undefined> {
  const r = ctx.record;
  const existing = await lstat(r.localPath).catch(() => undefined);
  if (!existing) return undefined;
  // A folder or a link is never replaced by a file: the download gets its own name.
  if (!existing.isFile() || ctx.policy === 'keep-both') {
    await renameToFree(ctx);
    return undefined;
  }
  if (ctx.policy === 'skip') return { kind: 'skipped', reason: 'exists' };
  if (ctx.policy === 'skip-identical' && existing.size === remote.size && remote.crc !== null) {
    const local = await ctx.crc.crcOfRange(r.localPath, 0, existing.size);
    if (local === remote.crc) return { kind: 'skipped', reason: 'identical' };
  }
  return undefined;
}

async function renameToFree(ctx: TaskContext): Promise<void> {
  const r = ctx.record;
  const dir = dirname(r.localPath);
  const name = basename(r.localPath);
  for (let n = 1; n < 10_000; n++) {
    const candidate = join(dir, numbered(name, n));
    if (!(await lstat(candidate).catch(() => undefined))) {
      r.localPath = candidate;
      ctx.note({ kind: 'renamed', to: basename(candidate) });
      return;
    }
  }
  throw Object.assign(new Error('No free name was found for the download.'), { code: 'NoFreeName' });
}

/** Moves the verified temp file into place; without 'overwrite' it never replaces a file that appeared meanwhile. */
async function place(ctx: TaskContext, temp: string): Promise<void> {
  const r = ctx.record;
  if (ctx.policy === 'overwrite' || ctx.policy === 'skip-identical') {
    const st = await lstat(r.localPath).catch(() => undefined);
    if (st && !st.isFile()) await renameToFree(ctx);
    await rename(temp, r.localPath);
    return;
  }
  for (;;) {
    try {
      await link(temp, r.localPath); // fails with EEXIST instead of replacing
      await unlink(temp);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      await renameToFree(ctx);
    }
  }
}

/** Starts a GET; a response that does not begin within the stall time counts as stalled too. */
async function getBody(ctx: TaskContext, client: Client, key: string, headers: Record<string, string>): Promise<{ stream: Readable; status: number }> {
  let late = false;
  let timer: NodeJS.Timeout | undefined;
  const request = client.getStream(key, { headers } as Parameters<Client['getStream']>[1]);
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      late = true;
      reject(new StallError(Math.round(ctx.tuning.stallMs / 1000)));
    }, ctx.tuning.stallMs);
  });
  // If the answer comes after we gave up, its body is thrown away.
  request.then((r) => late && (r.stream as unknown as Readable).destroy(), () => undefined);
  try {
    const result = await Promise.race([request, stalled]);
    return { stream: result.stream as unknown as Readable, status: result.res.status };
  } finally {
    clearTimeout(timer);
  }
}

/** Streams a response body into `temp` at `start`; returns how many bytes were written. */
async function saveRange(ctx: TaskContext, body: Readable, temp: string, start: number, expected: number): Promise<void> {
  const watched = watch(body, { ...ctx, stallMs: ctx.tuning.stallMs });
  try {
    await pipeline(watched.stream, createWriteStream(temp, { flags: 'r+', start, highWaterMark: 1024 * 1024 }));
    if (watched.passed() !== expected) throw Object.assign(new Error('The connection closed before the data was complete.'), { code: 'ECONNRESET' });
  } catch (err) {
    ctx.onBytes(-watched.passed());
    throw watched.reason() ?? err;
  } finally {
    watched.release();
  }
}

async function wholeGet(ctx: TaskContext, client: Client, remote: Remote, temp: string): Promise<string> {
  const r = ctx.record;
  const retry = { attempts: ctx.tuning.requestAttempts, baseMs: ctx.tuning.retryBaseMs, signal: ctx.signal, onRetry: ctx.onRetry };
  await withRetries(async () => {
    await (await open(temp, 'w', 0o644)).close();
    if (remote.size === 0) return;
    const { stream } = await getBody(ctx, client, r.key, remote.etag ? { 'If-Match': remote.etag } : {});
    await saveRange(ctx, stream, temp, 0, remote.size);
  }, retry).catch(async (err: unknown) => {
    await rm(temp, { force: true });
    throw restartable(err);
  });
  return ctx.crc.crcOfRange(temp, 0, remote.size);
}

async function rangedGet(ctx: TaskContext, client: Client, remote: Remote, temp: string): Promise<string> {
  const r = ctx.record;
  const retry = { attempts: ctx.tuning.requestAttempts, baseMs: ctx.tuning.retryBaseMs, signal: ctx.signal, onRetry: ctx.onRetry };
  let cp = await ctx.checkpoints.read(r.id);
  const tempSize = (await stat(temp).catch(() => undefined))?.size;
  if (!cp || cp.kind !== 'download' || cp.etag !== remote.etag || cp.size !== remote.size || cp.tempPath !== temp || tempSize !== remote.size) {
    await rm(temp, { force: true });
    const fh = await open(temp, 'w', 0o644);
    await fh.truncate(remote.size);
    await fh.close();
    // Ranges larger than upload parts: fewer requests, and each range is one long sequential write.
    const partSize = partSizeFor(remote.size, ctx.partSize, ctx.tuning.autoPartSize * 4);
    cp = { kind: 'download', itemId: r.id, profileId: r.profileId, bucket: r.bucket, key: r.key, tempPath: temp, size: remote.size, etag: remote.etag, crc: remote.crc, partSize, parts: [] };
    await ctx.checkpoints.write(cp);
  } else {
    const done = cp.parts.reduce((n, p) => n + p.size, 0);
    if (done > 0) ctx.note({ kind: 'resumed', percent: Math.floor((done / remote.size) * 100) });
    ctx.onBytes(done);
  }
  const checkpoint: DownloadCheckpoint = cp;
  const failed = await runParts({
    todo: missingParts(Math.ceil(remote.size / checkpoint.partSize), checkpoint.parts),
    parallel: ctx.parallelParts,
    part: async (n) => {
      const start = (n - 1) * checkpoint.partSize;
      const end = Math.min(remote.size, start + checkpoint.partSize);
      await withRetries(async () => {
        const { stream, status } = await getBody(ctx, client, r.key, { Range: `bytes=${start}-${end - 1}`, 'If-Match': remote.etag });
        if (status !== 206) {
          stream.destroy();
          throw Object.assign(new Error('The server ignored the byte range.'), { code: 'RangeIgnored', status: 500 });
        }
        await saveRange(ctx, stream, temp, start, end - start);
      }, retry);
    },
    // Hashed while the connection fetches the next range.
    finish: async (n) => {
      const start = (n - 1) * checkpoint.partSize;
      const end = Math.min(remote.size, start + checkpoint.partSize);
      const crc = await ctx.crc.crcOfRange(temp, start, end);
      checkpoint.parts.push({ number: n, crc, size: end - start });
    },
    save: () => ctx.checkpoints.write(checkpoint),
  }).then(
    () => undefined,
    (err: unknown) => err ?? new Error('A part failed.'),
  );
  if (failed !== undefined) {
    if (codeOf(failed) === 'PreconditionFailed') {
      // The object changed since the download started: the saved parts belong to the old one.
      await rm(temp, { force: true });
      await ctx.checkpoints.remove(r.id);
    }
    throw restartable(failed);
  }
  const sorted = [...checkpoint.parts].sort((a, b) => a.number - b.number);
  return sorted.reduce((acc, p, i) => (i === 0 ? p.crc : crc64Combine(acc, p.crc, p.size)), '0');
}

/** The object changed under us (412): retry the item from the start rather than failing it. */
function restartable(err: unknown): unknown {
  if (codeOf(err) === 'PreconditionFailed') return new IntegrityError('the object (it changed during the download)', 'unchanged', 'changed');
  return err;
}
