/**
 * Previews: short-lived presigned GET URLs (V4 unless the profile signs V1) for media the
 * renderer shows itself, thumbnails resized by OSS image processing where the endpoint
 * supports it (else the original up to a size cap), and the decoded start of text files
 * read with a Range request.
 */
import type OSS from 'ali-oss';
import type { PreviewUrl, TextPreview, ThumbnailUrl } from '../../../shared/object-types';
import type { ClientProvider } from '../oss/client-provider';
import { decodeText } from './text-decoding';

export interface PreviewServiceOptions {
  /** Whether OSS image processing (x-oss-process) works on this client's endpoint. */
  supportsImageProcessing?: (client: OSS) => boolean;
  /** Largest original served as its own thumbnail when resizing is not available. */
  thumbnailSourceCap?: number;
  clock?: () => number;
}

const TYPES: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp', svg: 'image/svg+xml',
  mp3: 'audio/mpeg', wav: 'audio/wav', ogg: 'audio/ogg', m4a: 'audio/mp4', flac: 'audio/flac',
  mp4: 'video/mp4', webm: 'video/webm', mov: 'video/quicktime', pdf: 'application/pdf',
};

/** A content type for preview, from the key's extension (OSS often stores application/octet-stream). */
export function previewContentType(key: string, stored?: string): string {
  const ext = /\.([A-Za-z0-9]+)$/.exec(key)?.[1]?.toLowerCase();
  const guessed = ext ? TYPES[ext] : undefined;
  if (guessed && (!stored || stored === 'application/octet-stream')) return guessed;
  return stored || guessed || 'application/octet-stream';
}

/** Public OSS endpoints support image processing; local or private-cloud endpoints may not. */
export function endpointSupportsImageProcessing(client: OSS): boolean {
  const host = (client as unknown as { options?: { endpoint?: { hostname?: string } } }).options?.endpoint?.hostname ?? '';
  return /\.aliyuncs\.com$/i.test(host);
}

interface ClientOptions {
  authorizationV4?: boolean;
}

/** Builds preview URLs and reads text previews. */
export class PreviewService {
  private readonly supportsImageProcessing: (client: OSS) => boolean;
  private readonly cap: number;
  private readonly clock: () => number;

  constructor(
    private readonly clients: ClientProvider,
    options: PreviewServiceOptions = {},
  ) {
    this.supportsImageProcessing = options.supportsImageProcessing ?? endpointSupportsImageProcessing;
    this.cap = options.thumbnailSourceCap ?? 10 * 1024 * 1024;
    this.clock = options.clock ?? Date.now;
  }

  /** A presigned GET URL that makes the browser see the right content type. */
  async previewUrl(profileId: string, bucket: string, key: string, expiresSeconds: number): Promise<PreviewUrl> {
    const client = await this.clients.forBucket(profileId, bucket);
    const head = await client.head(key);
    const contentType = previewContentType(key, (head.res.headers as Record<string, string>)['content-type']);
    const url = await this.sign(client, key, expiresSeconds, { 'response-content-type': contentType });
    return { url, contentType, expiresAt: this.clock() + expiresSeconds * 1000 };
  }

  /** A thumbnail URL, or null when the original is too big to use as one. */
  async thumbnailUrl(profileId: string, bucket: string, key: string, size: number, objectSize?: number, expiresSeconds = 900): Promise<ThumbnailUrl | null> {
    const client = await this.clients.forBucket(profileId, bucket);
    const expiresAt = this.clock() + expiresSeconds * 1000;
    if (this.supportsImageProcessing(client)) {
      const url = await this.sign(client, key, expiresSeconds, { 'x-oss-process': `image/resize,m_lfit,w_${size},h_${size}` });
      return { url, contentType: previewContentType(key), expiresAt, processed: true };
    }
    let bytes = objectSize;
    let stored: string | undefined;
    if (bytes === undefined) {
      const headers = (await client.head(key)).res.headers as Record<string, string>;
      bytes = Number(headers['content-length'] ?? 0);
      stored = headers['content-type'];
    }
    if (bytes > this.cap) return null;
    const contentType = previewContentType(key, stored);
    const url = await this.sign(client, key, expiresSeconds, { 'response-content-type': contentType });
    return { url, contentType, expiresAt, processed: false };
  }

  /** The first `maxBytes` of an object, decoded. */
  async readText(profileId: string, bucket: string, key: string, maxBytes: number): Promise<TextPreview> {
    const client = await this.clients.forBucket(profileId, bucket);
    const result = await client.get(key, undefined, { headers: { Range: `bytes=0-${maxBytes - 1}` } });
    const headers = result.res.headers as Record<string, string>;
    const content = Buffer.isBuffer(result.content) ? result.content : Buffer.from(result.content ?? '');
    const range = /\/(\d+)$/.exec(headers['content-range'] ?? '');
    const size = range ? Number(range[1]) : content.length;
    const truncated = size > content.length;
    const decoded = decodeText(content, truncated);
    return { text: decoded.text, encoding: decoded.encoding, truncated, size };
  }

  private async sign(client: OSS, key: string, expiresSeconds: number, queries: Record<string, string>): Promise<string> {
    if ((client as unknown as { options: ClientOptions }).options.authorizationV4) {
      return client.signatureUrlV4('GET', expiresSeconds, { headers: {}, queries }, key);
    }
    const response: Record<string, string> = {};
    if (queries['response-content-type']) response['content-type'] = queries['response-content-type'];
    const options: Record<string, unknown> = { expires: expiresSeconds, response };
    if (queries['x-oss-process']) options.process = queries['x-oss-process'];
    return client.signatureUrl(key, options as OSS.SignatureUrlOptions);
  }
}
