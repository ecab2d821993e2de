/**
 * Single-purpose preview grants kept in memory only: an unguessable id (32 random bytes,
 * base64url) stands for one object of one profile for a short time. Nothing about the
 * grant is in the URL, so the renderer never holds a credential, a signature or a token.
 */
import { randomBytes } from 'node:crypto';

/** What a preview id lets the loopback server read. */
export interface PreviewGrant {
  profileId: string;
  bucket: string;
  key: string;
  /** Served as Content-Type; absent → the object's own type. */
  contentType?: string;
  /** OSS image processing (`x-oss-process`) applied on the way, e.g. a resized thumbnail. */
  process?: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** Result of looking an id up: unknown ids and expired ones answer differently (404 / 410). */
export type GrantLookup = { state: 'valid'; grant: PreviewGrant } | { state: 'expired' } | { state: 'unknown' };

export interface GrantStoreOptions {
  clock?: () => number;
  /** Expired grants are remembered this long (to answer 410 instead of 404), then forgotten. */
  tombstoneMs?: number;
  /** Most grants held at once; the oldest go first (a thumbnail grid makes many). */
  maxGrants?: number;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** True for strings shaped like an id this store hands out. */
export function isGrantId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** In-memory grant table; a Map keeps insertion order, which makes oldest-first eviction cheap. */
export class GrantStore {
  private readonly grants = new Map<string, PreviewGrant>();
  private readonly clock: () => number;
  private readonly tombstoneMs: number;
  private readonly maxGrants: number;

  constructor(options: GrantStoreOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.tombstoneMs = options.tombstoneMs ?? 60 * 60_000;
    this.maxGrants = options.maxGrants ?? 20_000;
  }

  /** Stores a grant and returns its new random id. */
  add(grant: PreviewGrant): string {
    this.prune();
    const id = randomBytes(32).toString('base64url');
    this.grants.set(id, { ...grant });
    while (this.grants.size > this.maxGrants) {
      const oldest = this.grants.keys().next().value;
      if (oldest === undefined) break;
      this.grants.delete(oldest);
    }
    return id;
  }

  /** The grant behind an id, if it is still valid. */
  lookup(id: string): GrantLookup {
    const grant = isGrantId(id) ? this.grants.get(id) : undefined;
    if (!grant) return { state: 'unknown' };
    if (this.clock() >= grant.expiresAt) return { state: 'expired' };
    return { state: 'valid', grant };
  }

  /** Drops every grant of a profile (deleted or signed out). */
  revokeProfile(profileId: string): void {
    for (const [id, grant] of this.grants) if (grant.profileId === profileId) this.grants.delete(id);
  }

  /** Forgets everything (server shutdown). */
  clear(): void {
    this.grants.clear();
  }

  get size(): number {
    return this.grants.size;
  }

  private prune(): void {
    const cutoff = this.clock() - this.tombstoneMs;
    for (const [id, grant] of this.grants) if (grant.expiresAt < cutoff) this.grants.delete(id);
  }
}
