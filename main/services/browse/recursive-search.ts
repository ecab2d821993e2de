/**
 * Recursive search under a prefix: lists every key (no delimiter) in the background and
 * streams case-insensitive substring matches on the path below the prefix, one event per
 * listed page. Cancel stops between pages.
 */
import { randomUUID } from 'node:crypto';
import type { AppError } from '../../../shared/errors';
import type { ObjectRow, SearchProgress } from '../../../shared/object-types';
import type { ObjectListing } from './object-listing';
import { objectRow, prefixRow } from '../oss/object-rows';

export interface SearchRequest {
  profileId: string;
  bucket: string;
  prefix: string;
  query: string;
}

export interface RecursiveSearchOptions {
  emit: (progress: SearchProgress) => void;
  describeError: (error: unknown) => AppError;
}

/** Runs and cancels recursive searches. */
export class RecursiveSearch {
  private readonly running = new Map<string, { controller: AbortController; finished: Promise<void> }>();

  constructor(
    private readonly listing: ObjectListing,
    private readonly options: RecursiveSearchOptions,
  ) {}

  /** Starts a search and returns its id at once. */
  start(request: SearchRequest): string {
    const searchId = randomUUID();
    const controller = new AbortController();
    const finished = this.run(searchId, request, controller.signal).finally(() => this.running.delete(searchId));
    this.running.set(searchId, { controller, finished });
    return searchId;
  }

  cancel(searchId: string): void {
    this.running.get(searchId)?.controller.abort();
  }

  /** Stops every running search (app shutdown). */
  cancelAll(): void {
    for (const s of this.running.values()) s.controller.abort();
  }

  /** Resolves when a search has sent its last event (tests wait on it). */
  async wait(searchId: string): Promise<void> {
    await this.running.get(searchId)?.finished;
  }

  private async run(searchId: string, request: SearchRequest, signal: AbortSignal): Promise<void> {
    const needle = request.query.toLowerCase();
    const { prefix } = request;
    let scanned = 0;
    let error: AppError | undefined;
    try {
      for await (const page of this.listing.walk(request.profileId, request.bucket, prefix, signal)) {
        const matches: ObjectRow[] = [];
        for (const o of page.objects) {
          if (o.key === prefix || !o.key.slice(prefix.length).toLowerCase().includes(needle)) continue;
          matches.push(o.key.endsWith('/') ? prefixRow(o.key, prefix) : objectRow(o.key, o.obj, prefix));
        }
        scanned += page.objects.length;
        if (signal.aborted) break;
        this.options.emit({ searchId, scanned, matches, done: false, cancelled: false });
      }
    } catch (thrown) {
      error = this.options.describeError(thrown);
    }
    const last: SearchProgress = { searchId, scanned, matches: [], done: true, cancelled: signal.aborted };
    if (error) last.error = error;
    this.options.emit(last);
  }
}
