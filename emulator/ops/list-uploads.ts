/** ListMultipartUploads (`GET /bucket?uploads`) with key/upload-id markers and delimiter. */
import type { RequestContext } from '../core/contract';
import { compareKeys } from '../keys';
import type { Engine } from '../store/engine';
import type { UploadRecord } from '../store/types';
import { intParam, invalidArgument, isoTime, q, sendXml, urlEncodeKey } from './http-util';

export async function listMultipartUploads(engine: Engine, ctx: RequestContext): Promise<void> {
  const state = engine.requireBucket(ctx.bucket as string);
  const encoding = q(ctx, 'encoding-type');
  if (encoding !== undefined && encoding !== '' && encoding !== 'url') throw invalidArgument('The encoding-type is invalid.', 'encoding-type', encoding);
  const encode = encoding === 'url' ? urlEncodeKey : (s: string) => s;
  const prefix = q(ctx, 'prefix') ?? '';
  const delimiter = q(ctx, 'delimiter') ?? '';
  const keyMarker = q(ctx, 'key-marker') ?? '';
  const uploadIdMarker = keyMarker ? (q(ctx, 'upload-id-marker') ?? '') : '';
  // A key marker that is a common prefix means everything under it was already reported.
  const skipUnder = delimiter && keyMarker.endsWith(delimiter) && !uploadIdMarker ? keyMarker : null;
  const maxUploads = intParam(q(ctx, 'max-uploads'), 'max-uploads', 1000, 1, 1000);

  const candidates = [...state.uploads.values()]
    .map((u) => u.record)
    .filter((u) => u.key.startsWith(prefix) && !(skipUnder !== null && u.key.startsWith(skipUnder)))
    .filter((u) => {
      const c = compareKeys(u.key, keyMarker);
      return c > 0 || (c === 0 && uploadIdMarker !== '' && u.uploadId > uploadIdMarker);
    })
    .sort((a, b) => compareKeys(a.key, b.key) || (a.uploadId < b.uploadId ? -1 : a.uploadId > b.uploadId ? 1 : 0));

  const uploads: UploadRecord[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  let last: { key: string; uploadId: string } | null = null;
  for (const u of candidates) {
    const d = delimiter ? u.key.indexOf(delimiter, prefix.length) : -1;
    const common = d >= 0 ? u.key.slice(0, d + delimiter.length) : null;
    if (common !== null && prefixes[prefixes.length - 1] === common) continue;
    if (uploads.length + prefixes.length >= maxUploads) {
      truncated = true;
      break;
    }
    if (common !== null) {
      prefixes.push(common);
      last = { key: common, uploadId: '' };
    } else {
      uploads.push(u);
      last = { key: u.key, uploadId: u.uploadId };
    }
  }
  sendXml(ctx, 200, 'ListMultipartUploadsResult', {
    EncodingType: encoding === 'url' ? 'url' : undefined,
    Bucket: state.record.name,
    KeyMarker: encode(keyMarker),
    UploadIdMarker: uploadIdMarker,
    NextKeyMarker: truncated && last ? encode(last.key) : '',
    NextUploadIdMarker: truncated && last ? last.uploadId : '',
    Delimiter: encode(delimiter),
    Prefix: encode(prefix),
    MaxUploads: maxUploads,
    IsTruncated: truncated,
    Upload: uploads.map((u) => ({ Key: encode(u.key), UploadId: u.uploadId, StorageClass: u.storageClass, Initiated: isoTime(u.initiated) })),
    CommonPrefixes: prefixes.map((p) => ({ Prefix: encode(p) })),
  });
}
