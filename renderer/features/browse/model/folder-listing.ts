/**
 * Pulls a folder page by page in the background: a small first page so rows appear at
 * once, then 1000-key pages (main reads each next page ahead while this one is drawn)
 * until the listing ends or the user presses Stop. Components
 * subscribe through `subscribe`/`getSnapshot` (useSyncExternalStore).
 */
import type { AppError } from '../../../../shared/errors';
import type { ObjectPage, ObjectRow } from '../../../../shared/object-types';
import { asAppError } from '../../../ui/app-error';
import { ListingModel } from './listing-model';
import type { SortSpec } from './sort-index';

export type ListingStatus = 'loading' | 'complete' | 'stopped' | 'error';

/** What the status bar and table read; a new object on every change. */
export interface ListingSnapshot {
  version: number;
  status: ListingStatus;
  /** Live rows listed so far. */
  count: number;
  error: AppError | null;
}

/** Fetches one page: `token` null for the first page; `maxKeys` 1..1000. */
export type PageFetcher = (token: string | null, maxKeys: number) => Promise<ObjectPage>;

/** A small first page reaches the screen sooner (measured: ~0.8x vs ~2.5x a listV2 round trip for 1000). */
const FIRST_PAGE_KEYS = 200;
const PAGE_KEYS = 1000;
/** Folders larger than this are not listed again behind the user's back (Refresh still does). */
export const REVALIDATE_MAX_ROWS = 10_000;

export class FolderListing {
  readonly model: ListingModel;
  private token: string | null = null;
  private started = false;
  private running = false;
  private disposed = false;
  private stopRequested = false;
  private revalidating = false;
  private snapshot: ListingSnapshot = { version: 0, status: 'loading', count: 0, error: null };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly fetchPage: PageFetcher,
    prefixLength: number,
    sort?: SortSpec,
  ) {
    this.model = new ListingModel(prefixLength, sort);
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): ListingSnapshot => this.snapshot;

  /** Call after changing the model outside the loop (sort, local edits). */
  changed(status: ListingStatus = this.snapshot.status, error: AppError | null = this.snapshot.error): void {
    this.snapshot = { version: this.snapshot.version + 1, status, count: this.model.cols.live, error };
    for (const fn of this.listeners) fn();
  }

  /** Starts (or, after Stop, resumes) pulling pages. */
  start(): void {
    this.disposed = false;
    if (this.running) return;
    if (this.started && this.token === null) return;
    this.stopRequested = false;
    this.running = true;
    if (this.started) this.changed('loading', null);
    void this.loop();
  }

  /** Stops after the page in flight; what was listed stays. */
  stop(): void {
    if (!this.running) return;
    this.stopRequested = true;
  }

  /**
   * Lists a complete folder again in the background and patches what changed: rows that
   * went away are removed, new or changed ones are merged in; rows that did not change keep
   * their ids, so the selection and the scroll position stay. Nothing is redrawn when
   * nothing changed. Resolves true when the folder changed.
   */
  async revalidate(): Promise<boolean> {
    if (this.running || this.revalidating || this.snapshot.status !== 'complete' || this.model.cols.live > REVALIDATE_MAX_ROWS) return false;
    this.revalidating = true;
    try {
      const fresh = new Map<string, ObjectRow>();
      let token: string | null = null;
      do {
        const page = await this.fetchPage(token, PAGE_KEYS);
        if (this.disposed || this.running) return false;
        for (const r of page.rows) fresh.set(r.key, r);
        token = page.nextToken;
        if (fresh.size > REVALIDATE_MAX_ROWS) return false;
      } while (token !== null);
      const cols = this.model.cols;
      const gone: number[] = [];
      for (let id = 0; id < cols.keys.length; id++) {
        if (cols.isDeleted(id)) continue;
        const r = fresh.get(cols.keys[id]!);
        if (r && r.size === cols.sizes[id] && r.lastModified === cols.mtimes[id] && r.etag === cols.etags[id]) fresh.delete(r.key);
        else gone.push(id);
      }
      if (gone.length === 0 && fresh.size === 0) return false;
      if (gone.length > 0) this.model.remove(gone);
      this.model.append([...fresh.values()]);
      this.changed();
      return true;
    } catch {
      // A failed background check changes nothing on screen; Refresh shows the error.
      return false;
    } finally {
      this.revalidating = false;
    }
  }

  /** Detaches from the page: results of the page in flight are dropped; start() re-attaches. */
  dispose(): void {
    this.disposed = true;
  }

  private async loop(): Promise<void> {
    try {
      do {
        const first = !this.started;
        const page = await this.fetchPage(this.token, first ? FIRST_PAGE_KEYS : PAGE_KEYS);
        if (this.disposed) {
          this.running = false;
          return;
        }
        this.started = true;
        this.model.append(page.rows);
        this.token = page.nextToken;
        if (this.token !== null && !this.stopRequested) this.changed('loading', null);
      } while (this.token !== null && !this.stopRequested && !this.disposed);
      this.running = false;
      if (!this.disposed) this.changed(this.token === null ? 'complete' : 'stopped', null);
    } catch (e) {
      this.running = false;
      if (!this.disposed) this.changed('error', asAppError(e));
    }
  }
}

