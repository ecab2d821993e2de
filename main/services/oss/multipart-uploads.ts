/**
 * Incomplete multipart uploads of a bucket: list (1000 per page) and abort. Abort runs on
 * an isolated client because ali-oss's abortMultipartUpload cancels the whole client it
 * runs on, which would stop other multipart work sharing it.
 */
import type OSS from 'ali-oss';
import type { MultipartUploadPage } from '../../../shared/object-types';
import type { ClientProvider } from './client-provider';

interface ListUploadsResult {
  uploads: Array<{ name: string; uploadId: string; initiated: string }>;
  nextKeyMarker?: string;
  nextUploadIdMarker?: string;
  isTruncated: boolean;
}

/** Lists and aborts incomplete multipart uploads. */
export class MultipartUploads {
  constructor(private readonly clients: ClientProvider) {}

  async list(profileId: string, bucket: string, keyMarker?: string, uploadIdMarker?: string): Promise<MultipartUploadPage> {
    const client = await this.clients.forBucket(profileId, bucket);
    const query: Record<string, string | number> = { 'max-uploads': 1000 };
    if (keyMarker) query['key-marker'] = keyMarker;
    if (uploadIdMarker) query['upload-id-marker'] = uploadIdMarker;
    const result = (await client.listUploads(query as OSS.ListUploadsQuery)) as unknown as ListUploadsResult;
    return {
      uploads: result.uploads.map((u) => ({ key: u.name, uploadId: u.uploadId, initiated: Date.parse(u.initiated) || 0 })),
      next: result.isTruncated ? { keyMarker: result.nextKeyMarker ?? '', uploadIdMarker: result.nextUploadIdMarker ?? '' } : null,
    };
  }

  async abort(profileId: string, bucket: string, key: string, uploadId: string): Promise<void> {
    const client = await this.clients.isolatedForBucket(profileId, bucket);
    await client.abortMultipartUpload(key, uploadId);
  }
}
