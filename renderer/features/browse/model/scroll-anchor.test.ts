import { describe, expect, it } from 'vitest';
import { anchorRow, anchoredScrollTop } from './scroll-anchor';

const RH = 28;
const ids = (...n: number[]) => Uint32Array.from(n);

describe('scroll anchor', () => {
  // 100 rows, scrolled so row index 10 is at the top; 10 rows fit.
  const prev = { view: Uint32Array.from({ length: 100 }, (_, i) => i), scrollTop: 10 * RH };
  // Five folders (ids 200..204) arrive and sort first: everything moves down five rows.
  const next = Uint32Array.from([200, 201, 202, 203, 204, ...prev.view]);

  it('holds the row under the pointer, then the visible focused row, then the top row', () => {
    expect(anchorRow(prev, { rowHeight: RH, viewport: 10 * RH, pointerY: 3 * RH + 5, focusRow: 15 })).toBe(13);
    expect(anchorRow(prev, { rowHeight: RH, viewport: 10 * RH, pointerY: -1, focusRow: 15 })).toBe(15);
    expect(anchorRow(prev, { rowHeight: RH, viewport: 10 * RH, pointerY: -1, focusRow: 50 })).toBe(10);
    expect(anchorRow({ ...prev, scrollTop: 0 }, { rowHeight: RH, viewport: 10 * RH, pointerY: -1, focusRow: -1 })).toBe(-1);
  });

  it('scrolls by the rows inserted above the anchor, and leaves the position alone otherwise', () => {
    expect(anchoredScrollTop(prev, next, 15, RH)).toBe(15 * RH);
    expect(anchoredScrollTop(prev, Uint32Array.from([...prev.view, 300]), 15, RH)).toBeNull();
    expect(anchoredScrollTop(prev, ids(1, 2), 15, RH)).toBeNull();
    expect(anchoredScrollTop(prev, next, -1, RH)).toBeNull();
  });
});
