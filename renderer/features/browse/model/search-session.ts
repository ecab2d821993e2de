/**
 * A recursive search under a prefix, run by main in the background. Matches arrive as
 * progress events and are appended to their own listing model (full keys), so the same
 * table, sort and selection code serves search results.
 */
import type { AppError } from '../../../../shared/errors';
import type { SearchProgress } from '../../../../shared/object-types';
import { asAppError } from '../../../ui/app-error';
import { ListingModel } from './listing-model';
import type { SortSpec } from './sort-index';

export interface SearchSnapshot {
  version: number;
  running: boolean;
  scanned: number;
  matches: number;
  cancelled: boolean;
  error: AppError | null;
}

/** The transport a session needs: start, cancel, and the progress event stream. */
export interface SearchTransport {
  start(query: string): Promise<{ searchId: string }>;
  cancel(searchId: string): Promise<void>;
  subscribe(listener: (p: SearchProgress) => void): () => void;
}

export class SearchSession {
  readonly model: ListingModel;
  private searchId: string | null = null;
  private readonly early: SearchProgress[] = [];
  private unsubscribe: (() => void) | null = null;
  private snapshot: SearchSnapshot = { version: 0, running: true, scanned: 0, matches: 0, cancelled: false, error: null };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly transport: SearchTransport,
    readonly query: string,
    sort?: SortSpec,
  ) {
    this.model = new ListingModel(0, sort);
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  getSnapshot = (): SearchSnapshot => this.snapshot;

  changed(patch: Partial<SearchSnapshot> = {}): void {
    this.snapshot = { ...this.snapshot, ...patch, version: this.snapshot.version + 1, matches: this.model.cols.live };
    for (const fn of this.listeners) fn();
  }

  async start(): Promise<void> {
    // Subscribe first: progress may arrive before start() returns the id.
    this.unsubscribe = this.transport.subscribe((p) => {
      if (this.searchId === null) this.early.push(p);
      else if (p.searchId === this.searchId) this.apply(p);
    });
    try {
      const { searchId } = await this.transport.start(this.query);
      this.searchId = searchId;
      for (const p of this.early.splice(0)) if (p.searchId === searchId) this.apply(p);
    } catch (e) {
      this.finish();
      this.changed({ running: false, error: asAppError(e) });
    }
  }

  /** Cancels the search in main; matches found so far stay. */
  async cancel(): Promise<void> {
    if (this.searchId && this.snapshot.running) await this.transport.cancel(this.searchId);
  }

  /** Stops listening (the view went away); cancels a running search. */
  dispose(): void {
    void this.cancel().catch(() => undefined);
    this.finish();
  }

  private finish(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private apply(p: SearchProgress): void {
    this.model.append(p.matches);
    if (p.done) this.finish();
    this.changed({ running: !p.done, scanned: p.scanned, cancelled: p.cancelled, error: p.error ?? null });
  }
}
