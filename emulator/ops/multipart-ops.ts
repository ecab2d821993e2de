/** Multipart upload: initiate, upload part (and part copy), complete, abort. */
import { randomBytes } from 'node:crypto';
import { OssError, type RequestContext } from '../core/contract';
import { crc64Combine } from '../../main/services/oss/crc64';
import { md5Etag, multipartEtag, normalizeEtag, quoteEtag } from '../integrity/etag';
import { type Engine, type UploadState, noSuchUpload } from '../store/engine';
import { listOf, malformed, parseXmlBody, textOf } from '../xml/xml-parse';
import { resolveCopySource } from './copy-source';
import { readObject } from './get-object';
import { header, intParam, invalidArgument, isoTime, q, readSmallBody, sendEmpty, sendXml, urlEncodeKey } from './http-util';
import { metaFromRequest } from './object-meta';
import { receiveBody } from './put-object';
import { writeTarget } from './write-target';

/** Non-last parts must be at least this big (OSS: 100 KB). */
export const MIN_PART_BYTES = 100 * 1024;

/** Upload IDs sort by creation time, so listing order is key, then initiation. */
function newUploadId(now: number): string {
  return `${now.toString(16).padStart(12, '0')}${randomBytes(10).toString('hex')}`.toUpperCase();
}

function encoder(ctx: RequestContext): { encode: (s: string) => string; url: boolean } {
  const encoding = q(ctx, 'encoding-type');
  if (encoding !== undefined && encoding !== '' && encoding !== 'url') throw invalidArgument('The encoding-type is invalid.', 'encoding-type', encoding);
  return encoding === 'url' ? { encode: urlEncodeKey, url: true } : { encode: (s) => s, url: false };
}

/** The upload named by `?uploadId`, which must belong to this key. */
export function requireUpload(engine: Engine, ctx: RequestContext): UploadState {
  const upload = engine.requireBucket(ctx.bucket as string).uploads.get(q(ctx, 'uploadId') ?? '');
  if (!upload || upload.record.key !== ctx.key) throw noSuchUpload();
  return upload;
}

export async function initiateMultipartUpload(engine: Engine, ctx: RequestContext): Promise<void> {
  const { bucket, key, state } = writeTarget(engine, ctx);
  const meta = metaFromRequest(ctx, state.record.storageClass);
  if (header(ctx, 'x-oss-forbid-overwrite')?.toLowerCase() === 'true' && state.objects.has(key)) {
    throw new OssError(409, 'FileAlreadyExists', 'The object you specified already exists and can not be overwritten.', '0016-00000610');
  }
  const now = ctx.now().getTime();
  const uploadId = newUploadId(now);
  engine.initUpload(bucket, { uploadId, key, initiated: now, ...meta });
  const { encode, url } = encoder(ctx);
  sendXml(ctx, 200, 'InitiateMultipartUploadResult', { Bucket: bucket, Key: encode(key), UploadId: uploadId, EncodingType: url ? 'url' : undefined });
}

function partNumberOf(ctx: RequestContext): number {
  const value = q(ctx, 'partNumber') ?? '';
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 10000) {
    throw invalidArgument('Part number must be an integer between 1 and 10000, inclusive.', 'partNumber', value);
  }
  return Number(value);
}

export async function uploadPart(engine: Engine, ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket as string;
  requireUpload(engine, ctx);
  const partNumber = partNumberOf(ctx);
  const written = await receiveBody(engine, ctx, bucket);
  const etag = md5Etag(written.md5Hex);
  await engine.putPart(bucket, q(ctx, 'uploadId') as string, {
    partNumber, etag, crc64: written.crc64, size: written.size, blob: written.blob, lastModified: ctx.now().getTime(),
  });
  sendEmpty(ctx, 200, { ETag: quoteEtag(etag), 'Content-MD5': Buffer.from(written.md5Hex, 'hex').toString('base64'), 'x-oss-hash-crc64ecma': written.crc64 });
}

function parseCopyRange(value: string | undefined, size: number): { start: number; end: number } {
  if (value === undefined) return { start: 0, end: size };
  const m = /^bytes=(\d+)-(\d*)$/.exec(value.trim());
  const start = m ? Number(m[1]) : NaN;
  const end = m && m[2] !== '' ? Number(m[2]) + 1 : size;
  if (!m || start >= size || end <= start || end > size) throw invalidArgument('The x-oss-copy-source-range is invalid.', 'x-oss-copy-source-range', value);
  return { start, end };
}

export async function uploadPartCopy(engine: Engine, ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket as string;
  requireUpload(engine, ctx);
  const partNumber = partNumberOf(ctx);
  const source = resolveCopySource(engine, ctx);
  if (source === 'not-modified') {
    sendEmpty(ctx, 304);
    return;
  }
  const { start, end } = parseCopyRange(header(ctx, 'x-oss-copy-source-range'), source.object.size);
  const body = readObject(engine, source.bucket, source.object, start, end);
  const written = await engine.blobs.write(bucket, body, end - start);
  const etag = md5Etag(written.md5Hex);
  const now = ctx.now().getTime();
  await engine.putPart(bucket, q(ctx, 'uploadId') as string, { partNumber, etag, crc64: written.crc64, size: written.size, blob: written.blob, lastModified: now });
  sendXml(ctx, 200, 'CopyPartResult', { LastModified: isoTime(now), ETag: quoteEtag(etag) }, { ETag: quoteEtag(etag), 'x-oss-hash-crc64ecma': written.crc64 });
}

function invalidPart(partNumber: number): OssError {
  return new OssError(400, 'InvalidPart', 'One or more of the specified parts could not be found or the specified entity tag might not have matched the part\'s entity tag.', '0042-00000204', { PartNumber: String(partNumber) });
}

/** Which parts, in order, the completion names (the XML list or, with x-oss-complete-all, every part). */
async function requestedParts(ctx: RequestContext, upload: UploadState): Promise<Array<{ partNumber: number; etag: string | null }>> {
  const body = (await readSmallBody(ctx, 10 * 1024 * 1024)).toString('utf8');
  if (header(ctx, 'x-oss-complete-all')?.toLowerCase() === 'yes') {
    if (body.trim()) throw invalidArgument('Should not specify both complete-all header and body.', 'x-oss-complete-all');
    return [...upload.parts.keys()].sort((a, b) => a - b).map((partNumber) => ({ partNumber, etag: null }));
  }
  const root = parseXmlBody(body, 'CompleteMultipartUpload');
  const parts = listOf(root, 'Part').map((p) => {
    const n = (textOf(p, 'PartNumber') ?? '').trim();
    const etag = textOf(p, 'ETag');
    if (!/^\d+$/.test(n) || etag === undefined) throw malformed();
    return { partNumber: Number(n), etag };
  });
  if (parts.length === 0) throw malformed();
  return parts;
}

export async function completeMultipartUpload(engine: Engine, ctx: RequestContext): Promise<void> {
  const bucket = ctx.bucket as string;
  const key = ctx.key as string;
  const upload = requireUpload(engine, ctx);
  const requested = await requestedParts(ctx, upload);
  for (let i = 1; i < requested.length; i++) {
    if ((requested[i] as { partNumber: number }).partNumber <= (requested[i - 1] as { partNumber: number }).partNumber) {
      throw new OssError(400, 'InvalidPartOrder', 'The list of parts was not in ascending order. Parts list must specified in order by part number.', '0042-00000205');
    }
  }
  const parts = requested.map(({ partNumber, etag }) => {
    const part = upload.parts.get(partNumber);
    if (!part || (etag !== null && normalizeEtag(etag) !== part.etag)) throw invalidPart(partNumber);
    return part;
  });
  parts.forEach((part, i) => {
    if (i < parts.length - 1 && part.size < MIN_PART_BYTES) {
      throw new OssError(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size.', '0042-00000206', { MinSizeAllowed: String(MIN_PART_BYTES), ProposedSize: String(part.size), PartNumber: String(part.partNumber), PartEtag: quoteEtag(part.etag) });
    }
  });
  if (header(ctx, 'x-oss-forbid-overwrite')?.toLowerCase() === 'true' && engine.requireBucket(bucket).objects.has(key)) {
    throw new OssError(409, 'FileAlreadyExists', 'The object you specified already exists and can not be overwritten.', '0016-00000610');
  }
  let crc = '0';
  let size = 0;
  for (const part of parts) {
    crc = crc64Combine(crc, part.crc64, part.size);
    size += part.size;
  }
  const etag = multipartEtag(parts.map((p) => p.etag));
  const r = upload.record;
  await engine.completeUpload(bucket, r.uploadId, {
    key, size, etag, crc64: crc, lastModified: ctx.now().getTime(), type: 'Multipart',
    storageClass: r.storageClass, acl: r.acl, contentType: r.contentType, headers: r.headers, userMeta: r.userMeta, tags: r.tags,
    segments: parts.filter((p) => p.size > 0).map((p) => ({ blob: p.blob, size: p.size })),
  });
  const { encode, url } = encoder(ctx);
  sendXml(ctx, 200, 'CompleteMultipartUploadResult', {
    EncodingType: url ? 'url' : undefined,
    Location: `http://${ctx.host}/${bucket}/${encode(key)}`,
    Bucket: bucket,
    Key: encode(key),
    ETag: quoteEtag(etag),
  }, { 'x-oss-hash-crc64ecma': crc });
}

export async function abortMultipartUpload(engine: Engine, ctx: RequestContext): Promise<void> {
  const upload = requireUpload(engine, ctx);
  await engine.endUpload(ctx.bucket as string, upload.record.uploadId);
  sendEmpty(ctx, 204);
}

export async function listParts(engine: Engine, ctx: RequestContext): Promise<void> {
  const upload = requireUpload(engine, ctx);
  const maxParts = intParam(q(ctx, 'max-parts'), 'max-parts', 1000, 1, 1000);
  const marker = intParam(q(ctx, 'part-number-marker'), 'part-number-marker', 0, 0, 10000);
  const all = [...upload.parts.values()].filter((p) => p.partNumber > marker).sort((a, b) => a.partNumber - b.partNumber);
  const page = all.slice(0, maxParts);
  const truncated = all.length > page.length;
  const { encode, url } = encoder(ctx);
  sendXml(ctx, 200, 'ListPartsResult', {
    EncodingType: url ? 'url' : undefined,
    Bucket: ctx.bucket as string,
    Key: encode(upload.record.key),
    UploadId: upload.record.uploadId,
    StorageClass: upload.record.storageClass,
    PartNumberMarker: marker,
    NextPartNumberMarker: page.length > 0 ? page[page.length - 1]?.partNumber : marker,
    MaxParts: maxParts,
    IsTruncated: truncated,
    Part: page.map((p) => ({ PartNumber: p.partNumber, LastModified: isoTime(p.lastModified), ETag: quoteEtag(p.etag), HashCrc64ecma: p.crc64, Size: p.size })),
  });
}
