/**
 * One table's worth of rows (a folder or a search result set): the columns, the name order
 * and the current sort, kept in step as pages arrive. Views are Uint32Array permutations;
 * the table re-renders only the rows it shows.
 */
import type { ObjectRow } from '../../../../shared/object-types';
import { ListingColumns, type ListingRowInput } from './listing-columns';
import { DEFAULT_SORT, ListingOrder, extendSorted, type SortSpec } from './sort-index';

/** Adapts a contract row to the column store's input. */
export function toRowInput(r: ObjectRow): ListingRowInput {
  return {
    key: r.key,
    isFolder: r.isPrefix,
    size: r.size,
    lastModified: r.lastModified,
    storageClass: r.storageClass,
    objectType: r.type ?? '',
    etag: r.etag,
  };
}

export class ListingModel {
  readonly cols: ListingColumns;
  readonly order: ListingOrder;
  sort: SortSpec;
  /** Live rows in sort order. */
  sorted: Uint32Array = new Uint32Array(0);
  /** Milliseconds the last full sort took (shown nowhere; read by the benchmark). */
  lastSortMs = 0;

  constructor(prefixLength: number, sort: SortSpec = DEFAULT_SORT) {
    this.cols = new ListingColumns(prefixLength);
    this.order = new ListingOrder(this.cols);
    this.sort = sort;
  }

  /** Appends a page and extends the sorted view without re-sorting what was there. */
  append(rows: readonly ObjectRow[]): void {
    if (rows.length === 0) return;
    const from = this.cols.append(rows.map(toRowInput));
    this.order.appended(from);
    this.sorted = extendSorted(this.order, this.cols, this.sorted, from, this.sort);
  }

  /** Re-sorts everything listed so far. */
  setSort(sort: SortSpec): void {
    const t0 = performance.now();
    this.sort = sort;
    this.sorted = this.order.sorted(sort);
    this.lastSortMs = performance.now() - t0;
  }

  /** Removes rows (after a delete or move) and drops them from the view. */
  remove(rowIds: Iterable<number>): void {
    this.cols.remove(rowIds);
    this.sorted = this.order.sorted(this.sort);
  }
}
