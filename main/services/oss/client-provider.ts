/**
 * How services get a signed ali-oss client without knowing about profiles, keychains or
 * endpoints. Implemented by the profiles/credentials layer (client-factory.ts); browse,
 * transfer and share-link services depend only on this interface, so their tests can pass a
 * provider that points straight at the emulator.
 */
import type OSS from 'ali-oss';

export interface ClientProvider {
  /** A client for service-level calls (ListBuckets, PutBucket) with the profile's credentials. */
  forService(profileId: string): Promise<OSS>;
  /**
   * A client bound to `bucket`, routed to the bucket's own region endpoint (or its CNAME),
   * with credentials that are refreshed in place before they expire.
   */
  forBucket(profileId: string, bucket: string): Promise<OSS>;
  /**
   * A fresh client that nobody else shares, for work that must be cancellable on its own
   * (ali-oss `cancel()` is client-wide).
   */
  isolatedForBucket(profileId: string, bucket: string): Promise<OSS>;
}
