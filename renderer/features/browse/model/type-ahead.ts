/**
 * Type-to-find in the list, as in desktop file managers: typing the start of a name moves
 * to the next entry whose name starts with it (case-insensitive), searching from the
 * focused row and wrapping around.
 */
import type { ListingColumns } from './listing-columns';

/** Keys typed within this many milliseconds build one search string. */
export const TYPE_AHEAD_MS = 800;

/** Position in `view` of the first name starting with `text` at or after `from`, or -1. */
export function findByPrefix(cols: ListingColumns, view: Uint32Array, from: number, text: string): number {
  const q = text.toLowerCase();
  if (!q || view.length === 0) return -1;
  const n = view.length;
  const start = Math.max(0, Math.min(from, n - 1));
  for (let k = 0; k < n; k++) {
    const pos = (start + k) % n;
    if (cols.nameOf(view[pos]!).toLowerCase().startsWith(q)) return pos;
  }
  return -1;
}

/** Accumulates typed characters into a search string that resets after a pause. */
export class TypeAheadBuffer {
  private text = '';
  private last = 0;

  /** Adds a character typed at `now` (ms); returns the string to search for. */
  push(ch: string, now: number): string {
    this.text = now - this.last > TYPE_AHEAD_MS ? ch : this.text + ch;
    this.last = now;
    return this.text;
  }

  /** True when the next character continues the current string (search from the focus itself). */
  continuing(now: number): boolean {
    return this.text !== '' && now - this.last <= TYPE_AHEAD_MS;
  }
}
