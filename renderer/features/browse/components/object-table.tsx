/**
 * The virtualized object list: a header with sortable columns and only the visible rows
 * (plus a modest overscan) in the DOM, so 100,000 rows scroll as smoothly as 100.
 * Keyboard navigation and selection are handled here; everything else is dispatched to
 * the browser view as a ListCommand.
 */
import { Icon } from '../../../ui/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type DragEvent, type KeyboardEvent, type MouseEvent, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListingColumns } from '../model/listing-columns';
import { commandForKey, type ListCommand } from '../model/keyboard-commands';
import { clickRow, moveFocus, selectAll, type Selection } from '../model/selection';
import { TypeAheadBuffer, findByPrefix } from '../model/type-ahead';
import { anchorRow, anchoredScrollTop } from '../model/scroll-anchor';
import type { SortColumn, SortSpec } from '../model/sort-index';
import { DEFAULT_WIDTHS, clampWidth, columnVars, gridTemplate, loadWidths, saveWidths, type ColumnWidths, type SizedColumn } from './column-widths';
import { ObjectRow } from './object-row';
import './object-table.css';

export const ROW_HEIGHT = 28;
const OVERSCAN = 12;
const IS_MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

export interface ObjectTableProps {
  cols: ListingColumns;
  view: Uint32Array;
  /** Changes whenever rows were added or removed. */
  version: number;
  selection: Selection;
  onSelection(sel: Selection): void;
  /** Commands the table does not handle itself (open, parent, delete, rename, menu…). */
  onCommand(cmd: ListCommand): void;
  onOpenRow(rowId: number): void;
  onContextMenuAt(x: number, y: number): void;
  /** Rows dragged out of the window (the selection, or the row under the pointer); rows are draggable only when set. */
  onDragRows?: (rowIds: number[]) => void;
  sort: SortSpec;
  onSort(column: SortColumn): void;
  /** Shown instead of rows when the view is empty. */
  empty: ReactNode;
  label: string;
}

const COLUMNS: SortColumn[] = ['name', 'size', 'modified', 'type', 'storageClass'];

export function ObjectTable(p: ObjectTableProps): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const scrollRef = useRef<HTMLDivElement>(null);
  const { view, selection, onSelection } = p;
  // The virtualizer's functions are not memoizable; rows are memoized by hand instead.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: view.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: { width: 800, height: 600 },
  });

  // Latest values for stable callbacks, so memoized rows do not re-render on every change.
  const latest = useRef({ view, selection, onSelection, onOpenRow: p.onOpenRow, onContextMenuAt: p.onContextMenuAt, onDragRows: p.onDragRows });
  useEffect(() => {
    latest.current = { view, selection, onSelection, onOpenRow: p.onOpenRow, onContextMenuAt: p.onContextMenuAt, onDragRows: p.onDragRows };
  });

  const onRowMouseDown = useCallback((e: MouseEvent, rowId: number) => {
    const l = latest.current;
    if (e.button === 2) {
      if (!l.selection.selected.has(rowId)) l.onSelection(clickRow(l.selection, l.view, rowId));
      return;
    }
    if (e.button !== 0) return;
    l.onSelection(clickRow(l.selection, l.view, rowId, { shift: e.shiftKey, toggle: IS_MAC ? e.metaKey : e.ctrlKey }));
  }, []);
  const onRowDoubleClick = useCallback((rowId: number) => latest.current.onOpenRow(rowId), []);
  // The OS drag is started by main with real files (Electron's startDrag), so the page's own drag is cancelled.
  const onRowDragStart = useCallback((e: DragEvent, rowId: number) => {
    e.preventDefault();
    const l = latest.current;
    const ids = l.selection.selected.has(rowId) ? l.view.filter((id) => l.selection.selected.has(id)) : [rowId];
    l.onDragRows?.([...ids]);
  }, []);
  const onRowContextMenu = useCallback((e: MouseEvent) => {
    e.preventDefault();
    latest.current.onContextMenuAt(e.clientX, e.clientY);
  }, []);

  const focusPos = selection.focus >= 0 ? view.indexOf(selection.focus) : -1;
  // Scroll to the focused row when the focus moves (keys, type-ahead, Back); rows that merely
  // move because pages arrive are held by the anchor below instead.
  const focusPosRef = useRef(focusPos);
  focusPosRef.current = focusPos;
  useEffect(() => {
    if (focusPosRef.current >= 0) virtualizer.scrollToIndex(focusPosRef.current, { align: 'auto' });
  }, [selection.focus, virtualizer]);

  // Rows stay steady while a folder streams in; a new sort starts at the top.
  const pointerY = useRef(-1);
  const shown = useRef({ view, cols: p.cols, sort: `${p.sort.column}:${p.sort.direction}`, scrollTop: 0 });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const prev = shown.current;
    const sort = `${p.sort.column}:${p.sort.direction}`;
    if (el && prev.view !== view) {
      if (prev.cols === p.cols && prev.sort !== sort) el.scrollTop = 0;
      else if (prev.cols === p.cols) {
        const anchor = anchorRow(prev, { rowHeight: ROW_HEIGHT, viewport: el.clientHeight, pointerY: pointerY.current, focusRow: selection.focus });
        const top = anchoredScrollTop(prev, view, anchor, ROW_HEIGHT);
        if (top !== null) el.scrollTop = top;
      }
    }
    shown.current = { view, cols: p.cols, sort, scrollTop: el?.scrollTop ?? 0 };
  });

  const [typeAhead] = useState(() => new TypeAheadBuffer());
  const [widths, setWidths] = useState<ColumnWidths>(loadWidths);
  const resize = (c: SizedColumn, w: number, save = true) => {
    const next = { ...widths, [c]: clampWidth(w) };
    setWidths(next);
    if (save) saveWidths(next);
  };
  // The handle sits on a column's left edge and the table's right edge is fixed: dragging
  // the edge right makes the column narrower, left makes it wider.
  const startDrag = (c: SizedColumn, e: ReactPointerEvent<HTMLSpanElement>) => {
    e.preventDefault();
    e.stopPropagation();
    const x0 = e.clientX;
    const w0 = widths[c];
    let last = widths;
    const move = (ev: PointerEvent) => {
      last = { ...last, [c]: clampWidth(w0 - (ev.clientX - x0)) };
      setWidths(last);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      saveWidths(last);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key.length === 1 && e.key !== ' ' && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Type-to-find: a new search starts after the focused row, a continued one at it.
      const now = performance.now();
      const continuing = typeAhead.continuing(now);
      const text = typeAhead.push(e.key, now);
      const from = focusPos < 0 ? 0 : continuing ? focusPos : focusPos + 1;
      const pos = findByPrefix(p.cols, view, from % Math.max(1, view.length), text);
      if (pos >= 0) onSelection(clickRow(selection, view, view[pos]!));
      e.preventDefault();
      return;
    }
    const cmd = commandForKey(e, IS_MAC);
    if (!cmd) return;
    e.preventDefault();
    e.stopPropagation();
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    switch (cmd.kind) {
      case 'move':
        onSelection(moveFocus(selection, view, { by: cmd.by }, cmd.extend));
        return;
      case 'moveTo':
        onSelection(moveFocus(selection, view, { to: cmd.to }, cmd.extend));
        return;
      case 'page':
        onSelection(moveFocus(selection, view, { by: cmd.direction * pageRows }, cmd.extend));
        return;
      case 'selectAll':
        onSelection(selectAll(selection, view));
        return;
      case 'toggleSelect':
        if (selection.focus >= 0) onSelection(clickRow(selection, view, selection.focus, { toggle: true }));
        return;
      case 'contextMenu': {
        const el = scrollRef.current?.querySelector('.browse-table__row--focused') ?? scrollRef.current;
        const r = el?.getBoundingClientRect();
        p.onContextMenuAt(r ? r.left + 24 : 0, r ? r.top + ROW_HEIGHT : 0);
        return;
      }
      default:
        p.onCommand(cmd);
    }
  };

  // The header row is one Tab stop (roving tabindex): Left/Right/Home/End move between the
  // sort buttons and the resize handles; Shift+Left/Right resize at a handle.
  const headerRef = useRef<HTMLDivElement>(null);
  const [headerFocus, setHeaderFocus] = useState(0);
  const headerControls = () => [...(headerRef.current?.querySelectorAll<HTMLElement>('[data-header-control]') ?? [])];
  const onHeaderKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return;
    const controls = headerControls();
    const at = controls.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const next = e.key === 'ArrowRight' ? Math.min(controls.length - 1, at + 1) : e.key === 'ArrowLeft' ? Math.max(0, at - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? controls.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    setHeaderFocus(next);
    controls[next]!.focus();
  };
  const headerIndex = (c: SortColumn, resizer: boolean) => {
    const i = COLUMNS.indexOf(c);
    return i === 0 ? 0 : 2 * i - 1 + (resizer ? 1 : 0);
  };
  const headerTab = (c: SortColumn, resizer: boolean) => {
    const i = headerIndex(c, resizer);
    return { tabIndex: i === headerFocus ? 0 : -1, onFocus: () => setHeaderFocus(i), 'data-header-control': '' };
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div
      className="browse-table"
      role="grid"
      aria-label={p.label}
      aria-rowcount={view.length + 1}
      aria-multiselectable
      style={{ ['--browse-columns' as string]: gridTemplate(widths), ...columnVars(widths) }}
    >
      <div role="row" ref={headerRef} className="browse-table__row browse-table__header" aria-rowindex={1} onKeyDown={onHeaderKeyDown}>
        {COLUMNS.map((c) => {
          const active = p.sort.column === c;
          return (
            <div
              key={c}
              role="columnheader"
              aria-label={t(`column.${c}`)}
              className={`browse-table__cell browse-table__cell--${c === 'storageClass' ? 'class' : c}`}
              aria-sort={active ? (p.sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button type="button" className="browse-table__sort" onClick={() => p.onSort(c)} {...headerTab(c, false)}>
                {t(`column.${c}`)}
                <span className="browse-table__sort-arrow" aria-hidden>
                  {active && <Icon name={p.sort.direction === 'asc' ? 'sortAsc' : 'sortDesc'} size={14} />}
                </span>
              </button>
              {c !== 'name' && (
                <span
                  role="separator"
                  aria-orientation="vertical"
                  aria-label={t('column.resize', { column: t(`column.${c}`) })}
                  aria-valuenow={widths[c]}
                  title={t('column.resizeHint')}
                  {...headerTab(c, true)}
                  className="browse-table__resizer"
                  onPointerDown={(e) => startDrag(c, e)}
                  onDoubleClick={() => resize(c, DEFAULT_WIDTHS[c])}
                  onKeyDown={(e) => {
                    if (e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
                      e.preventDefault();
                      e.stopPropagation();
                      resize(c, widths[c] + (e.key === 'ArrowLeft' ? 10 : -10));
                    }
                  }}
                />
              )}
            </div>
          );
        })}
      </div>
      <div
        ref={scrollRef}
        id="file-list"
        className="browse-table__scroll"
        role="rowgroup"
        tabIndex={0}
        data-testid="object-list"
        onKeyDown={onKeyDown}
        onContextMenu={(e) => {
          e.preventDefault();
          // Empty space is the folder: its menu (New folder, Paste, Refresh), not the selection's.
          if (!(e.target instanceof Element && e.target.closest('[data-key]'))) onSelection({ selected: new Set(), anchor: -1, focus: -1 });
          p.onContextMenuAt(e.clientX, e.clientY);
        }}
        onMouseDown={(e) => {
          if (e.target === e.currentTarget && e.button === 0) onSelection({ selected: new Set(), anchor: -1, focus: -1 });
        }}
        onScroll={(e) => (shown.current.scrollTop = e.currentTarget.scrollTop)}
        onMouseMove={(e) => (pointerY.current = e.clientY - e.currentTarget.getBoundingClientRect().top)}
        onMouseLeave={() => (pointerY.current = -1)}
      >
        {view.length === 0 ? (
          <div role="row" className="browse-table__empty">
            <div role="gridcell">{p.empty}</div>
          </div>
        ) : (
          <div className="browse-table__rows" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((it) => {
              const rowId = view[it.index]!;
              return (
                <ObjectRow
                  key={rowId}
                  cols={p.cols}
                  rowId={rowId}
                  index={it.index}
                  top={it.start}
                  selected={selection.selected.has(rowId)}
                  focused={selection.focus === rowId}
                  lang={i18n.language}
                  t={t}
                  onMouseDown={onRowMouseDown}
                  onDoubleClick={onRowDoubleClick}
                  onContextMenu={onRowContextMenu}
                  {...(p.onDragRows ? { onDragStart: onRowDragStart } : {})}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
