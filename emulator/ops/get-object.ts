/** GetObject, HeadObject and GetObjectMeta: conditionals, ranges, overrides, symlinks, archive state. */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OssError, type RequestContext } from '../core/contract';
import { normalizeEtag, quoteEtag } from '../integrity/etag';
import type { Engine } from '../store/engine';
import type { ObjectRecord } from '../store/types';
import { header, httpTime, q, sendEmpty } from './http-util';
import { isArchived, noSuchKey, objectHeaders } from './object-meta';

/** Follows a symlink to its target (one level, as OSS does). */
export function resolveObject(engine: Engine, bucket: string, key: string): { link: ObjectRecord | null; target: ObjectRecord } {
  const state = engine.requireBucket(bucket);
  const object = state.objects.get(key);
  if (!object) throw noSuchKey(key);
  if (object.type !== 'Symlink') return { link: null, target: object };
  const target = state.objects.get(object.symlinkTarget ?? '');
  if (!target) throw new OssError(404, 'SymlinkTargetNotExist', 'The symlink target object does not exist.', '0026-00000003', { Key: key });
  // OSS follows one level only; its code for a link to a link is InvalidTargetType (message and EC ours).
  if (target.type === 'Symlink') throw new OssError(400, 'InvalidTargetType', 'The symlink target object type is not supported.', '0026-00000011', { Key: key });
  return { link: object, target };
}

/** Whether an archived object's body is readable now. */
export function assertReadable(o: ObjectRecord, now: number): void {
  if (!isArchived(o)) return;
  if (o.restore && now >= o.restore.readyAt && now < o.restore.expiresAt) return;
  throw new OssError(403, 'InvalidObjectState', 'The operation is not valid for the object\'s state', '0026-00000002');
}

function parseDate(value: string | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** If-Match / If-Unmodified-Since -> 412; If-None-Match / If-Modified-Since -> 304 (returns true when answered). */
export function checkConditions(ctx: RequestContext, o: ObjectRecord, prefix = ''): 'ok' | 'not-modified' {
  const etag = o.etag.toUpperCase();
  const modifiedSec = Math.floor(o.lastModified / 1000) * 1000;
  const ifMatch = header(ctx, `${prefix}if-match`);
  if (ifMatch !== undefined && !ifMatch.split(',').some((t) => t.trim() === '*' || normalizeEtag(t) === etag)) throw preconditionFailed('If-Match');
  const ifUnmodified = parseDate(header(ctx, `${prefix}if-unmodified-since`));
  if (ifUnmodified !== null && modifiedSec > ifUnmodified) throw preconditionFailed('If-Unmodified-Since');
  const ifNoneMatch = header(ctx, `${prefix}if-none-match`);
  if (ifNoneMatch !== undefined && ifNoneMatch.split(',').some((t) => t.trim() === '*' || normalizeEtag(t) === etag)) return 'not-modified';
  const ifModified = parseDate(header(ctx, `${prefix}if-modified-since`));
  if (ifNoneMatch === undefined && ifModified !== null && modifiedSec <= ifModified) return 'not-modified';
  return 'ok';
}

export function preconditionFailed(condition: string): OssError {
  return new OssError(412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold.', '0026-00000004', { Condition: condition });
}

/**
 * A byte range per OSS: `bytes=a-b`, `a-` or `-n` (of several, the first). Anything invalid or
 * unsatisfiable is ignored (whole object, 200) unless `x-oss-range-behavior: standard`,
 * which clamps the end and answers an unsatisfiable start with 416.
 */
export function parseRange(value: string | undefined, size: number, standard: boolean): { start: number; end: number } | null {
  if (!value) return null;
  let spec = value.trim();
  if (spec.includes(',')) {
    // OSS serves only the first of several ranges (standard behaviour refuses them).
    if (standard) unsatisfiable(size);
    spec = spec.slice(0, spec.indexOf(','));
  }
  const m = /^bytes=(\d*)-(\d*)$/.exec(spec.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0) return standard ? unsatisfiable(size) : null;
    if (n > size) return standard ? (size === 0 ? unsatisfiable(size) : { start: 0, end: size }) : null;
    start = size - n;
    end = size;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size : Number(m[2]) + 1;
    if (end <= start) return null;
    if (start >= size) return standard ? unsatisfiable(size) : null;
    if (end > size) {
      if (!standard) return null;
      end = size;
    }
  }
  return { start, end };
}

function unsatisfiable(size: number): never {
  throw new OssError(416, 'InvalidRange', 'The requested range cannot be satisfied', '0026-00000005', { ActualObjectSize: String(size) });
}

const OVERRIDES: Record<string, string> = {
  'response-content-type': 'Content-Type',
  'response-content-language': 'Content-Language',
  'response-expires': 'Expires',
  'response-cache-control': 'Cache-Control',
  'response-content-disposition': 'Content-Disposition',
  'response-content-encoding': 'Content-Encoding',
};

/** Streams bytes [start, end) of an object's segments, pinning their blobs until the stream closes. */
export function readObject(engine: Engine, bucket: string, o: ObjectRecord, start: number, end: number): Readable {
  const pieces: Array<{ blob: string; from: number; to: number }> = [];
  let offset = 0;
  for (const s of o.segments) {
    const from = Math.max(start, offset);
    const to = Math.min(end, offset + s.size);
    if (from < to) pieces.push({ blob: s.blob, from: from - offset, to: to - offset });
    offset += s.size;
  }
  const release = engine.pin(bucket, pieces.map((p) => p.blob));
  let stream: Readable;
  if (pieces.length === 1) {
    const p = pieces[0] as { blob: string; from: number; to: number };
    stream = engine.blobs.read(bucket, p.blob, p.from, p.to);
  } else {
    stream = Readable.from(
      (async function* () {
        for (const p of pieces) yield* engine.blobs.read(bucket, p.blob, p.from, p.to);
      })(),
    );
  }
  stream.once('close', release);
  return stream;
}

export async function getObject(engine: Engine, ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket as string;
  const now = ctx.now().getTime();
  const { link, target } = resolveObject(engine, bucket, ctx.key as string);
  const headers = objectHeaders(target, now);
  if (link) {
    // The link's own user metadata, not the target's, as OSS answers.
    for (const name of Object.keys(headers)) if (name.startsWith('x-oss-meta-')) delete headers[name];
    for (const [name, value] of Object.entries(link.userMeta)) headers[`x-oss-meta-${name}`] = value;
    headers['x-oss-object-type'] = 'Symlink';
    headers['Last-Modified'] = httpTime(Math.max(link.lastModified, target.lastModified));
  }
  if (checkConditions(ctx, target) === 'not-modified') {
    sendEmpty(ctx, 304, { ETag: quoteEtag(target.etag), 'Last-Modified': headers['Last-Modified'] as string });
    return;
  }
  if (ctx.method === 'GET') assertReadable(target, now);
  for (const [param, name] of Object.entries(OVERRIDES)) {
    const value = q(ctx, param);
    if (value !== undefined) headers[name] = value;
  }
  const standard = header(ctx, 'x-oss-range-behavior')?.toLowerCase() === 'standard';
  const range = parseRange(header(ctx, 'range'), target.size, standard);
  let status = 200;
  let start = 0;
  let end = target.size;
  if (range) {
    status = 206;
    ({ start, end } = range);
    headers['Content-Range'] = `bytes ${start}-${end - 1}/${target.size}`;
    delete headers['x-oss-hash-crc64ecma'];
    delete headers['Content-MD5'];
  }
  const res = ctx.res;
  res.setHeader('x-oss-request-id', ctx.requestId);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', String(end - start));
  res.writeHead(status);
  if (ctx.method === 'HEAD') {
    res.end();
    return;
  }
  try {
    await pipeline(readObject(engine, bucket, target, start, end), res);
  } catch {
    // The client went away or a blob vanished mid-stream: the response is already cut.
    res.destroy();
  }
}

/** GetObjectMeta (`HEAD ?objectMeta`): the light subset of headers; Content-Length is the object's. */
export async function getObjectMeta(engine: Engine, ctx: RequestContext): Promise<void> {
  const o = engine.requireBucket(ctx.bucket as string).objects.get(ctx.key as string);
  if (!o) throw noSuchKey(ctx.key as string);
  const res = ctx.res;
  res.setHeader('x-oss-request-id', ctx.requestId);
  res.setHeader('ETag', quoteEtag(o.etag));
  res.setHeader('Last-Modified', httpTime(o.lastModified));
  res.setHeader('x-oss-hash-crc64ecma', o.crc64);
  res.setHeader('x-oss-last-access-time', httpTime(o.lastModified));
  res.setHeader('Content-Length', String(o.size));
  res.writeHead(200);
  res.end();
}
