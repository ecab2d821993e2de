/**
 * Previews: short-lived links to main's loopback preview server for media the renderer shows
 * itself, thumbnails resized by OSS image processing where the endpoint supports it (else
 * the original up to a size cap), and the decoded start of text files read with a Range
 * request. Never a presigned OSS URL: that would hand the renderer the AccessKey ID, a
 * signature and, for STS profiles, the security token.
 */
import { PREVIEW_LINK_SECONDS } from '../../../shared/defaults';
import type OSS from 'ali-oss';
import type { PreviewUrl, TextPreview, ThumbnailUrl } from '../../../shared/object-types';
import type { ClientProvider } from '../oss/client-provider';
import type { PreviewLinks } from '../oss/preview-links';
import { decodeText, looksBinary } from './text-decoding';

export interface PreviewServiceOptions {
  /** Whether OSS image processing (x-oss-process) works on this client's endpoint. */
  supportsImageProcessing?: (client: OSS) => boolean;
  /** Largest original served as its own thumbnail when resizing is not available. */
  thumbnailSourceCap?: number;
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

/** Builds preview links and reads text previews. */
export class PreviewService {
  private readonly supportsImageProcessing: (client: OSS) => boolean;
  private readonly cap: number;

  constructor(
    private readonly clients: ClientProvider,
    private readonly links: PreviewLinks,
    options: PreviewServiceOptions = {},
  ) {
    this.supportsImageProcessing = options.supportsImageProcessing ?? endpointSupportsImageProcessing;
    this.cap = options.thumbnailSourceCap ?? 10 * 1024 * 1024;
  }

  /** A local link served with the right content type (the HEAD also surfaces missing objects and denied reads). */
  async previewUrl(profileId: string, bucket: string, key: string, expiresSeconds: number): Promise<PreviewUrl> {
    const client = await this.clients.forBucket(profileId, bucket);
    const head = await client.head(key);
    const contentType = previewContentType(key, (head.res.headers as Record<string, string>)['content-type']);
    const link = await this.links.link({ profileId, bucket, key, contentType }, expiresSeconds * 1000);
    return { url: link.url, contentType, expiresAt: link.expiresAt };
  }

  /** A thumbnail link, or null when the original is too big to use as one. */
  async thumbnailUrl(profileId: string, bucket: string, key: string, size: number, objectSize?: number, expiresSeconds = PREVIEW_LINK_SECONDS.default): Promise<ThumbnailUrl | null> {
    const client = await this.clients.forBucket(profileId, bucket);
    if (this.supportsImageProcessing(client)) {
      const contentType = previewContentType(key);
      const process = `image/resize,m_lfit,w_${size},h_${size}`;
      const link = await this.links.link({ profileId, bucket, key, contentType, process }, expiresSeconds * 1000);
      return { url: link.url, contentType, expiresAt: link.expiresAt, processed: true };
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
    const link = await this.links.link({ profileId, bucket, key, contentType }, expiresSeconds * 1000);
    return { url: link.url, contentType, expiresAt: link.expiresAt, processed: false };
  }

  /** The first `maxBytes` of an object, decoded; a binary file comes back with no text and `binary: true`. */
  async readText(profileId: string, bucket: string, key: string, maxBytes: number): Promise<TextPreview> {
    const client = await this.clients.forBucket(profileId, bucket);
    const result = await client.get(key, undefined, { headers: { Range: `bytes=0-${maxBytes - 1}` } });
    const headers = result.res.headers as Record<string, string>;
    const content = Buffer.isBuffer(result.content) ? result.content : Buffer.from(result.content ?? '');
    const range = /\/(\d+)$/.exec(headers['content-range'] ?? '');
    const size = range ? Number(range[1]) : content.length;
    const truncated = size > content.length;
    if (looksBinary(content)) return { text: '', encoding: '', truncated, size, binary: true };
    const decoded = decodeText(content, truncated);
    return { text: decoded.text, encoding: decoded.encoding, truncated, size };
  }
}
