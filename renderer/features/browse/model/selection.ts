/**
 * Selection as a value: the selected row ids, the anchor for shift-ranges and the focused
 * row. Every operation takes the current view (sorted, filtered permutation) so ranges and
 * keyboard moves follow what the user sees.
 */

export interface Selection {
  readonly selected: ReadonlySet<number>;
  /** Row id a shift-range starts from; -1 when none. */
  readonly anchor: number;
  /** Row id with the keyboard focus ring; -1 when none. */
  readonly focus: number;
}

export const EMPTY_SELECTION: Selection = { selected: new Set(), anchor: -1, focus: -1 };

/** How a click modifies the selection. */
export interface ClickModifiers {
  shift?: boolean;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  toggle?: boolean;
}

function positionOf(view: Uint32Array, rowId: number): number {
  return rowId < 0 ? -1 : view.indexOf(rowId);
}

function range(view: Uint32Array, from: number, to: number): Set<number> {
  const lo = Math.min(from, to);
  const hi = Math.max(from, to);
  const out = new Set<number>();
  for (let i = lo; i <= hi; i++) out.add(view[i]!);
  return out;
}

/** A mouse click on `rowId`: plain selects only it, toggle adds/removes, shift selects a range. */
export function clickRow(sel: Selection, view: Uint32Array, rowId: number, mods: ClickModifiers = {}): Selection {
  const target = positionOf(view, rowId);
  if (target < 0) return sel;
  if (mods.shift) {
    const anchorPos = positionOf(view, sel.anchor);
    const from = anchorPos < 0 ? target : anchorPos;
    const picked = range(view, from, target);
    if (mods.toggle) for (const id of sel.selected) picked.add(id);
    return { selected: picked, anchor: anchorPos < 0 ? rowId : sel.anchor, focus: rowId };
  }
  if (mods.toggle) {
    const next = new Set(sel.selected);
    if (next.has(rowId)) next.delete(rowId);
    else next.add(rowId);
    return { selected: next, anchor: rowId, focus: rowId };
  }
  return { selected: new Set([rowId]), anchor: rowId, focus: rowId };
}

/** Where a keyboard move goes. */
export type FocusMove = { by: number } | { to: 'first' | 'last' };

/** Arrow keys, Home/End, PageUp/Down: moves focus; selects it, or extends the range with shift. */
export function moveFocus(sel: Selection, view: Uint32Array, move: FocusMove, extend = false): Selection {
  if (view.length === 0) return sel;
  const current = positionOf(view, sel.focus);
  let target: number;
  if ('to' in move) target = move.to === 'first' ? 0 : view.length - 1;
  else if (current < 0) target = move.by > 0 ? 0 : view.length - 1;
  else target = Math.max(0, Math.min(view.length - 1, current + move.by));
  const rowId = view[target]!;
  if (extend) {
    const anchorPos = positionOf(view, sel.anchor);
    const from = anchorPos < 0 ? (current < 0 ? target : current) : anchorPos;
    return { selected: range(view, from, target), anchor: view[from]!, focus: rowId };
  }
  return { selected: new Set([rowId]), anchor: rowId, focus: rowId };
}

/** Ctrl+A: everything in the current (filtered) view. */
export function selectAll(sel: Selection, view: Uint32Array): Selection {
  return { selected: new Set(view), anchor: sel.anchor, focus: sel.focus >= 0 ? sel.focus : (view[0] ?? -1) };
}

/** Keeps only rows still in the view (after a filter change or a delete). */
export function pruneSelection(sel: Selection, view: Uint32Array): Selection {
  if (sel.selected.size === 0 && sel.focus < 0) return sel;
  // A bitmap instead of a Set of the view: this runs on every page of a 100,000-row listing.
  let max = 0;
  for (let i = 0; i < view.length; i++) if (view[i]! > max) max = view[i]!;
  const inView = new Uint8Array(max + 1);
  for (let i = 0; i < view.length; i++) inView[view[i]!] = 1;
  const visible = (id: number) => id >= 0 && id <= max && inView[id] === 1;
  let kept = 0;
  for (const id of sel.selected) if (visible(id)) kept++;
  if (kept === sel.selected.size && (sel.focus < 0 || visible(sel.focus))) return sel;
  const selected = new Set<number>();
  for (const id of sel.selected) if (visible(id)) selected.add(id);
  return {
    selected,
    anchor: visible(sel.anchor) ? sel.anchor : -1,
    focus: visible(sel.focus) ? sel.focus : -1,
  };
}

/** Selected row ids in view order (what actions operate on, in the order the user sees). */
export function selectedInViewOrder(sel: Selection, view: Uint32Array): number[] {
  const out: number[] = [];
  if (sel.selected.size === 0) return out;
  for (let i = 0; i < view.length; i++) if (sel.selected.has(view[i]!)) out.push(view[i]!);
  return out;
}
