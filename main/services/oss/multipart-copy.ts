/**
 * Server-side copy of objects above CopyObject's 1 GB limit with UploadPartCopy, on a
 * client of its own (ali-oss's cancel() is client-wide and its multipart copy briefly
 * re-points the client at the source bucket). A failed or cancelled copy aborts its upload
 * so no billable parts are left behind.
 */
import type OSS from 'ali-oss';
import type { ClientProvider } from './client-provider';

/** CopyObject refuses sources above this size. */
export const SINGLE_COPY_LIMIT = 1024 * 1024 * 1024;
const MIN_PART = 100 * 1024;
const MAX_PARTS = 9000;

/** Headers describing an object that a copy should carry (besides x-oss-meta-*). */
export const CARRIED_HEADERS = ['content-type', 'content-disposition', 'content-encoding', 'content-language', 'cache-control', 'expires'];

/** The content headers and x-oss-meta-* of a HEAD/GET response, as request headers. */
export function carriedHeaders(headers: Record<string, string | undefined>): Record<string, string> {
  const carried: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && (CARRIED_HEADERS.includes(name) || name.startsWith('x-oss-meta-'))) carried[name] = value;
  }
  return carried;
}

export interface MultipartCopyJob {
  profileId: string;
  sourceBucket: string;
  from: string;
  targetBucket: string;
  to: string;
  size: number;
  /** Every header the new object gets (content headers, x-oss-meta-*, storage class…). */
  headers: Record<string, string>;
  /** Part size; by default 64 MiB, larger when needed to stay under 9,000 parts. */
  partSize?: number;
  signal?: AbortSignal;
  /** Called with the bytes copied so far, after each part. */
  onProgress?: (bytesCopied: number) => void;
}

/** Copies one object part by part. */
export async function multipartCopyObject(clients: ClientProvider, job: MultipartCopyJob): Promise<void> {
  const client = await clients.isolatedForBucket(job.profileId, job.targetBucket);
  const partSize = Math.max(job.partSize ?? 64 * 1024 * 1024, MIN_PART, Math.ceil(job.size / MAX_PARTS));
  let uploadId: string | undefined;
  const onAbort = (): void => client.cancel();
  job.signal?.addEventListener('abort', onAbort);
  try {
    await client.multipartUploadCopy(
      job.to,
      { sourceKey: job.from, sourceBucketName: job.sourceBucket, startOffset: 0, endOffset: job.size } as unknown as OSS.MultipartUploadCopySourceData,
      {
        partSize,
        parallel: 4,
        headers: job.headers,
        progress: async (fraction: number, checkpoint: { uploadId?: string }) => {
          uploadId = checkpoint?.uploadId;
          job.onProgress?.(Math.round(fraction * job.size));
        },
      } as OSS.MultipartUploadOptions,
    );
  } catch (error) {
    if (uploadId) await client.abortMultipartUpload(job.to, uploadId).catch(() => undefined);
    throw error;
  } finally {
    job.signal?.removeEventListener('abort', onAbort);
  }
}
