/** CopyObject: server-side copy within or across buckets, with COPY/REPLACE metadata. */
import { OssError, type RequestContext } from '../core/contract';
import { quoteEtag } from '../integrity/etag';
import type { Engine } from '../store/engine';
import type { ObjectRecord, Segment } from '../store/types';
import { resolveCopySource } from './copy-source';
import { header, invalidArgument, isoTime, sendEmpty, sendXml } from './http-util';
import { metaFromRequest, parseTaggingHeader } from './object-meta';
import { parseAcl, parseStorageClass } from './bucket-ops';
import { writeTarget } from './write-target';

/** OSS's limit for a single CopyObject; larger objects need UploadPartCopy. */
export const MAX_COPY_BYTES = 1024 * 1024 * 1024;

function directive(ctx: RequestContext, name: string): 'COPY' | 'REPLACE' {
  const value = (header(ctx, name) ?? 'COPY').toUpperCase();
  if (value !== 'COPY' && value !== 'REPLACE') throw invalidArgument(`${name} is invalid.`, name, value);
  return value;
}

export async function copyObject(engine: Engine, ctx: RequestContext): Promise<void> {
  const { bucket, key, state: target } = writeTarget(engine, ctx);
  const metaDirective = directive(ctx, 'x-oss-metadata-directive');
  const tagDirective = directive(ctx, 'x-oss-tagging-directive');
  const source = resolveCopySource(engine, ctx);
  if (source === 'not-modified') {
    sendEmpty(ctx, 304);
    return;
  }
  const src = source.object;
  if (src.size > MAX_COPY_BYTES) {
    throw new OssError(400, 'EntityTooLarge', 'The source object of CopyObject must not be larger than 1 GB; use UploadPartCopy.', '0016-00000101');
  }
  if (header(ctx, 'x-oss-forbid-overwrite')?.toLowerCase() === 'true' && target.objects.has(key)) {
    throw new OssError(409, 'FileAlreadyExists', 'The object you specified already exists and can not be overwritten.', '0016-00000610');
  }
  const base = metaDirective === 'REPLACE'
    ? metaFromRequest(ctx, target.record.storageClass)
    : {
        contentType: src.contentType, headers: src.headers, userMeta: src.userMeta,
        storageClass: parseStorageClass(header(ctx, 'x-oss-storage-class'), src.storageClass),
        acl: parseAcl(header(ctx, 'x-oss-object-acl'), 'default', true),
        tags: src.tags,
      };
  const tags = tagDirective === 'REPLACE' ? parseTaggingHeader(header(ctx, 'x-oss-tagging')) : src.tags;
  const inPlace = source.bucket === bucket && source.key === key;
  let segments: Segment[] = src.segments;
  if (!inPlace) {
    segments = [];
    for (const s of src.segments) segments.push({ blob: await engine.blobs.copy(source.bucket, s.blob, bucket), size: s.size });
  }
  const now = ctx.now().getTime();
  const record: ObjectRecord = {
    key, size: src.size, etag: src.etag, crc64: src.crc64, lastModified: now,
    type: src.type,
    ...base, tags, segments,
    symlinkTarget: src.symlinkTarget,
    restore: inPlace ? src.restore : undefined,
  };
  await engine.putObject(bucket, record);
  sendXml(ctx, 200, 'CopyObjectResult', { ETag: quoteEtag(record.etag), LastModified: isoTime(now) }, { ETag: quoteEtag(record.etag), 'x-oss-hash-crc64ecma': record.crc64 });
}
