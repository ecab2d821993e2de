/**
 * Keeps what the user is looking at steady while a folder streams in: later pages merge
 * rows above the visible ones (folders first, natural name order), which would push the
 * row under the pointer or the selected row down. Before the view changes, one row is the
 * anchor; after, the scroll position is moved by exactly as many rows as were inserted
 * above it. Rows are fixed-height, so this is arithmetic, not measurement.
 */

export interface ScrollState {
  view: Uint32Array;
  scrollTop: number;
}

export interface AnchorHints {
  rowHeight: number;
  /** Visible height of the list. */
  viewport: number;
  /** Pointer offset from the top of the list viewport, or -1 when it is elsewhere. */
  pointerY: number;
  /** The focused (selected) row id, or -1. */
  focusRow: number;
}

/** The row to hold still: under the pointer, else the visible focused row, else the top visible row once scrolled. */
export function anchorRow(prev: ScrollState, h: AnchorHints): number {
  const first = Math.floor(prev.scrollTop / h.rowHeight);
  const last = Math.floor((prev.scrollTop + h.viewport - 1) / h.rowHeight);
  if (h.pointerY >= 0) {
    const at = Math.floor((prev.scrollTop + h.pointerY) / h.rowHeight);
    if (at < prev.view.length) return prev.view[at]!;
  }
  if (h.focusRow >= 0) {
    const at = prev.view.indexOf(h.focusRow);
    if (at >= first && at <= last) return h.focusRow;
  }
  // At the very top with nothing to hold, rows simply fill in.
  if (prev.scrollTop > 0 && first < prev.view.length) return prev.view[first]!;
  return -1;
}

/** The scroll position that keeps `anchor` where it was on screen, or null to leave it alone. */
export function anchoredScrollTop(prev: ScrollState, next: Uint32Array, anchor: number, rowHeight: number): number | null {
  if (anchor < 0) return null;
  const before = prev.view.indexOf(anchor);
  const after = next.indexOf(anchor);
  if (before < 0 || after < 0 || before === after) return null;
  return Math.max(0, prev.scrollTop + (after - before) * rowHeight);
}
