/**
 * The contract between features that show objects (browse's previews and thumbnails) and
 * the loopback server that streams them (services/preview): here so that neither feature
 * imports the other. A link names a grant on 127.0.0.1, never a presigned OSS URL.
 */

/** What main asks a preview link for. */
export interface PreviewLinkRequest {
  profileId: string;
  bucket: string;
  key: string;
  /** Content-Type to serve; absent → the object's own. */
  contentType?: string;
  /** `x-oss-process` to apply (OSS image processing). */
  process?: string;
}

/** A local preview URL and when it stops working. */
export interface PreviewLink {
  url: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** What the preview service depends on: hand out links, nothing else. */
export interface PreviewLinks {
  link(request: PreviewLinkRequest, ttlMs?: number): Promise<PreviewLink>;
}
