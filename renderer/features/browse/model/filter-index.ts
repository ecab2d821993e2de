/**
 * The instant filter: a case-insensitive substring test over the folder's display names,
 * applied to the sorted permutation so the filtered view keeps the sort order.
 */
import type { ListingColumns } from './listing-columns';

/** Row ids of `sorted` whose name contains `query` (ignoring case); `sorted` when empty. */
export function filterIds(cols: ListingColumns, sorted: Uint32Array, query: string): Uint32Array {
  const q = query.trim().toLowerCase();
  if (!q) return sorted;
  const names = cols.lowerNamesForFilter();
  const out = new Uint32Array(sorted.length);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const id = sorted[i]!;
    if (names[id]!.includes(q)) out[n++] = id;
  }
  return out.slice(0, n);
}
