/**
 * Read-ahead for paged listings. The renderer pulls a folder one page at a time; while it
 * receives and renders page N, page N+1 is already on its way from OSS, so a full listing
 * costs about the OSS time instead of OSS time plus IPC and rendering time. A page is
 * handed out once, entries expire, and the cache is small, so a user who stops a listing
 * leaves at most one extra request and one page of memory behind.
 */

interface Entry<T> {
  page: Promise<T>;
  expiresAt: number;
}

export interface PagePrefetchOptions {
  /** How long a fetched-ahead page may wait for its caller. */
  ttlMs?: number;
  /** Most pages held at once (one per listing being pulled). */
  maxEntries?: number;
  clock?: () => number;
}

/** A small keyed cache of pages fetched ahead. */
export class PagePrefetch<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly clock: () => number;

  constructor(options: PagePrefetchOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.maxEntries = options.maxEntries ?? 16;
    this.clock = options.clock ?? Date.now;
  }

  /** Starts fetching a page ahead of its request; a failure is kept quiet until asked for. */
  start(key: string, fetch: () => Promise<T>): void {
    this.evictExpired();
    if (this.entries.has(key)) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const page = fetch();
    page.catch(() => undefined);
    this.entries.set(key, { page, expiresAt: this.clock() + this.ttlMs });
  }

  /**
   * The page fetched ahead for `key` (taken out of the cache), or a fresh fetch when there
   * is none or the read-ahead failed (a transient error is retried by the real request).
   */
  async take(key: string, fetch: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    this.entries.delete(key);
    if (!entry || entry.expiresAt < this.clock()) return fetch();
    try {
      return await entry.page;
    } catch {
      return fetch();
    }
  }

  /** Drops pages whose key starts with `prefix` (a listing restarted: older read-aheads may be stale). */
  dropStartingWith(prefix: string): void {
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** Pages currently held (tests). */
  get size(): number {
    return this.entries.size;
  }

  private evictExpired(): void {
    const now = this.clock();
    for (const [key, entry] of this.entries) if (entry.expiresAt < now) this.entries.delete(key);
  }
}
