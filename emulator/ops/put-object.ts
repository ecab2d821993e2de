/** PutObject and AppendObject: stream the body into a blob, verify, then commit metadata. */
import { OssError, type RequestContext } from '../core/contract';
import { crc64Combine } from '../../main/services/oss/crc64';
import { appendEtag, md5Etag, quoteEtag } from '../integrity/etag';
import type { WrittenBlob } from '../store/blob-store';
import type { Engine } from '../store/engine';
import type { ObjectRecord } from '../store/types';
import { header, invalidArgument, q, sendEmpty } from './http-util';
import { metaFromRequest } from './object-meta';
import { writeTarget } from './write-target';

/** OSS's single-request upload limit (5 GiB). */
export const MAX_PUT_BYTES = 5 * 1024 * 1024 * 1024;

/** InvalidDigest: EC 0017-00000502 for a malformed Content-MD5, 0017-00000503 for a mismatch. */
export function invalidDigest(malformed = false): OssError {
  return new OssError(400, 'InvalidDigest', 'The Content-MD5 you specified is not valid.', malformed ? '0017-00000502' : '0017-00000503');
}

/** Decodes Content-MD5 (base64 of 16 bytes) to hex, or throws InvalidDigest. */
export function expectedMd5(ctx: RequestContext): string | null {
  const value = header(ctx, 'content-md5');
  if (value === undefined) return null;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== 16 || bytes.toString('base64') !== value.trim()) throw invalidDigest(true);
  return bytes.toString('hex');
}

/** Refuses bodies OSS would refuse before reading them (size, missing length). */
export function checkBodyLength(ctx: RequestContext, max = MAX_PUT_BYTES): void {
  const length = header(ctx, 'content-length');
  if (length === undefined) {
    if (header(ctx, 'transfer-encoding') === undefined) {
      throw new OssError(411, 'MissingContentLength', 'You must provide the Content-Length HTTP header.', '0016-00000102');
    }
    return;
  }
  if (Number(length) > max) {
    throw new OssError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.', '0016-00000101', { MaxSizeAllowed: String(max), ProposedSize: length });
  }
}

/** Streams the request body into a blob, enforcing Content-MD5 and the size limit. */
export async function receiveBody(engine: Engine, ctx: RequestContext, bucket: string, max = MAX_PUT_BYTES): Promise<WrittenBlob> {
  checkBodyLength(ctx, max);
  const md5 = expectedMd5(ctx);
  const length = header(ctx, 'content-length');
  const written = await engine.blobs.write(bucket, limitBody(ctx.req, max), length === undefined ? undefined : Number(length));
  if (md5 !== null && md5 !== written.md5Hex) {
    await engine.blobs.remove(bucket, written.blob);
    throw invalidDigest();
  }
  return written;
}

async function* limitBody(source: AsyncIterable<Buffer>, max: number): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > max) throw new OssError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.', '0016-00000101');
    yield chunk;
  }
}

function fileAlreadyExists(): OssError {
  return new OssError(409, 'FileAlreadyExists', 'The object you specified already exists and can not be overwritten.', '0016-00000610');
}

function forbidOverwrite(ctx: RequestContext): boolean {
  return header(ctx, 'x-oss-forbid-overwrite')?.toLowerCase() === 'true';
}

export async function putObject(engine: Engine, ctx: RequestContext): Promise<void> {
  const { bucket, key, state } = writeTarget(engine, ctx);
  const meta = metaFromRequest(ctx, state.record.storageClass);
  if (forbidOverwrite(ctx) && state.objects.has(key)) throw fileAlreadyExists();
  const written = await receiveBody(engine, ctx, bucket);
  if (forbidOverwrite(ctx) && state.objects.has(key)) {
    await engine.blobs.remove(bucket, written.blob);
    throw fileAlreadyExists();
  }
  const etag = md5Etag(written.md5Hex);
  await engine.putObject(bucket, {
    key,
    size: written.size,
    etag,
    crc64: written.crc64,
    lastModified: ctx.now().getTime(),
    type: 'Normal',
    ...meta,
    segments: [{ blob: written.blob, size: written.size }],
  });
  sendEmpty(ctx, 200, {
    ETag: quoteEtag(etag),
    'Content-MD5': Buffer.from(written.md5Hex, 'hex').toString('base64'),
    'x-oss-hash-crc64ecma': written.crc64,
  });
}

function positionMismatch(next: number): OssError {
  return new OssError(409, 'PositionNotEqualToLength', 'Position is not equal to file length', '0026-00000016', { NextAppendPosition: String(next) });
}

function checkAppendable(existing: ObjectRecord | undefined, position: number, ctx: RequestContext): void {
  if (existing && existing.type !== 'Appendable') {
    throw new OssError(409, 'ObjectNotAppendable', 'The object is not appendable.', '0026-00000015');
  }
  const next = existing?.size ?? 0;
  if (position !== next) {
    ctx.res.setHeader('x-oss-next-append-position', String(next));
    throw positionMismatch(next);
  }
}

export async function appendObject(engine: Engine, ctx: RequestContext): Promise<void> {
  const { bucket, key, state } = writeTarget(engine, ctx);
  const positionText = q(ctx, 'position') ?? '';
  if (!/^\d+$/.test(positionText)) throw invalidArgument('position is invalid.', 'position', positionText);
  const position = Number(positionText);
  checkAppendable(state.objects.get(key), position, ctx);
  const meta = position === 0 ? metaFromRequest(ctx, state.record.storageClass) : null;
  const written = await receiveBody(engine, ctx, bucket, MAX_PUT_BYTES - position);
  // Another append may have landed while this body streamed in.
  const existing = state.objects.get(key);
  try {
    checkAppendable(existing, position, ctx);
  } catch (error) {
    await engine.blobs.remove(bucket, written.blob);
    throw error;
  }
  const base: ObjectRecord = existing ?? {
    key, size: 0, etag: '', crc64: '0', lastModified: 0, type: 'Appendable', segments: [],
    ...(meta ?? metaFromRequest(ctx, state.record.storageClass)),
  };
  const record: ObjectRecord = {
    ...base,
    size: base.size + written.size,
    etag: appendEtag(existing ? base.etag : null, written.md5Hex),
    crc64: crc64Combine(base.crc64, written.crc64, written.size),
    lastModified: ctx.now().getTime(),
    segments: written.size > 0 ? [...base.segments, { blob: written.blob, size: written.size }] : base.segments,
  };
  // No await between the position check above and this commit: appends stay serialised.
  await engine.putObject(bucket, record);
  if (written.size === 0) await engine.blobs.remove(bucket, written.blob);
  sendEmpty(ctx, 200, {
    ETag: quoteEtag(record.etag),
    'x-oss-next-append-position': String(record.size),
    'x-oss-hash-crc64ecma': record.crc64,
  });
}
