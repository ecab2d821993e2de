import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, clickRow, moveFocus, pruneSelection, selectAll, selectedInViewOrder } from './selection';

const view = Uint32Array.from([4, 2, 9, 7, 1]);
const ids = (s: { selected: ReadonlySet<number> }) => [...s.selected].sort((a, b) => a - b);

describe('selection', () => {
  it('plain click selects one, ctrl toggles, shift selects the range in view order', () => {
    let s = clickRow(EMPTY_SELECTION, view, 2);
    expect(ids(s)).toEqual([2]);
    s = clickRow(s, view, 7, { shift: true });
    expect(ids(s)).toEqual([2, 7, 9]);
    s = clickRow(s, view, 9, { toggle: true });
    expect(ids(s)).toEqual([2, 7]);
    expect(s.anchor).toBe(9);
    s = clickRow(s, view, 1, { shift: true });
    expect(ids(s)).toEqual([1, 7, 9]);
    s = clickRow(s, view, 4, { shift: true, toggle: true });
    expect(ids(s)).toEqual([1, 2, 4, 7, 9]);
    expect(clickRow(s, view, 100)).toBe(s);
  });

  it('keyboard moves clamp at the ends and shift extends from the anchor', () => {
    let s = moveFocus(EMPTY_SELECTION, view, { by: 1 });
    expect(s.focus).toBe(4);
    s = moveFocus(s, view, { by: -1 });
    expect(s.focus).toBe(4);
    s = moveFocus(s, view, { by: 2 }, true);
    expect(ids(s)).toEqual([2, 4, 9]);
    s = moveFocus(s, view, { to: 'last' }, true);
    expect(ids(s)).toEqual([1, 2, 4, 7, 9]);
    s = moveFocus(s, view, { by: 99 });
    expect(ids(s)).toEqual([1]);
    s = moveFocus(s, view, { to: 'first' });
    expect(s.focus).toBe(4);
    expect(moveFocus(s, new Uint32Array(0), { by: 1 })).toBe(s);
  });

  it('select all covers the filtered view; pruning drops rows that left it', () => {
    let s = selectAll(EMPTY_SELECTION, view);
    expect(s.selected.size).toBe(5);
    expect(s.focus).toBe(4);
    s = pruneSelection(s, Uint32Array.from([9, 1]));
    expect(ids(s)).toEqual([1, 9]);
    expect(s.focus).toBe(-1);
    expect(selectedInViewOrder(s, view)).toEqual([9, 1]);
  });
});
