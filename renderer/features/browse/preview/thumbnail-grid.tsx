/**
 * The grid view: thumbnails for images (resized by OSS where the endpoint supports image
 * processing, else the object itself under a size cap — main decides), icons for the rest.
 * Virtualized by rows of tiles, so a 100,000-image folder mounts only what is on screen.
 */
import { FileTypeIcon, fileKindOf } from '../../../ui/icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, useState, type MouseEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../lib/oss-api';
import { previewKindOf } from '../format';
import type { ListingColumns } from '../model/listing-columns';
import { commandForKey, type ListCommand } from '../model/keyboard-commands';
import { clickRow, moveFocus, selectAll, type Selection } from '../model/selection';
import { displayName } from '../components/object-row';
import './thumbnail-grid.css';

const TILE = 132;
const TILE_HEIGHT = 150;

interface TileProps {
  profileId: string;
  bucket: string;
  cols: ListingColumns;
  rowId: number;
  selected: boolean;
  focused: boolean;
  onMouseDown(e: MouseEvent, rowId: number): void;
  onOpen(rowId: number): void;
}

const Tile = memo(function Tile({ profileId, bucket, cols, rowId, selected, focused, onMouseDown, onOpen }: TileProps): ReactElement {
  const [src, setSrc] = useState<string | null>(null);
  const key = cols.keys[rowId]!;
  const isImage = !cols.isFolder(rowId) && previewKindOf(cols.extOf(rowId)) === 'image';
  useEffect(() => {
    if (!isImage) return;
    let live = true;
    call('objects:thumbnail-url', { profileId, bucket, key, size: 256 }).then(
      (u) => live && setSrc(u ? u.url : null),
      () => live && setSrc(null),
    );
    return () => {
      live = false;
    };
  }, [profileId, bucket, key, isImage]);
  const name = displayName(cols, rowId);
  return (
    <div
      role="gridcell"
      aria-selected={selected}
      data-key={key}
      className={`browse-grid__tile${selected ? ' browse-grid__tile--selected' : ''}${focused ? ' browse-grid__tile--focused' : ''}`}
      onMouseDown={(e) => onMouseDown(e, rowId)}
      onDoubleClick={() => onOpen(rowId)}
      title={key}
    >
      <div className="browse-grid__thumb">
        {src ? <img src={src} alt="" loading="lazy" /> : <FileTypeIcon size={40} kind={cols.isFolder(rowId) ? 'folder' : fileKindOf(cols.extOf(rowId))} />}
      </div>
      <div className="browse-grid__name">{name}</div>
    </div>
  );
});

export interface ThumbnailGridProps {
  profileId: string;
  bucket: string;
  cols: ListingColumns;
  view: Uint32Array;
  selection: Selection;
  onSelection(sel: Selection): void;
  onOpenRow(rowId: number): void;
  onContextMenuAt(x: number, y: number): void;
  /** Keys the grid does not handle itself (open, delete, rename…). */
  onCommand(cmd: ListCommand): void;
}

export function ThumbnailGrid(p: ThumbnailGridProps): ReactElement {
  const { t } = useTranslation('browse');
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const perRow = Math.max(1, Math.floor(width / TILE));
  const rows = Math.ceil(p.view.length / perRow);
  // The virtualizer's functions are not memoizable; rows are memoized by hand instead.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows, getScrollElement: () => ref.current, estimateSize: () => TILE_HEIGHT, overscan: 2 });
  const latest = useRef(p);
  useEffect(() => {
    latest.current = p;
  });
  const [onMouseDown] = useState(() => (e: MouseEvent, rowId: number) => {
    const l = latest.current;
    if (e.button === 2) {
      if (!l.selection.selected.has(rowId)) l.onSelection(clickRow(l.selection, l.view, rowId));
      return;
    }
    l.onSelection(clickRow(l.selection, l.view, rowId, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey }));
  });
  const [onOpen] = useState(() => (rowId: number) => latest.current.onOpenRow(rowId));
  return (
    <div
      ref={ref}
      className="browse-grid"
      role="grid"
      aria-label={t('view.grid')}
      id="file-list"
      tabIndex={0}
      onKeyDown={(e) => {
        // Left/Right step one tile, Up/Down one row of tiles; the rest works as in the list.
        const horizontal = e.key === 'ArrowLeft' || e.key === 'ArrowRight';
        const cmd = horizontal && !e.altKey ? ({ kind: 'move', by: e.key === 'ArrowLeft' ? -1 : 1, extend: e.shiftKey } as const) : commandForKey(e);
        if (!cmd) return;
        e.preventDefault();
        e.stopPropagation();
        if (cmd.kind === 'move') p.onSelection(moveFocus(p.selection, p.view, { by: horizontal ? cmd.by : cmd.by * perRow }, cmd.extend));
        else if (cmd.kind === 'moveTo') p.onSelection(moveFocus(p.selection, p.view, { to: cmd.to }, cmd.extend));
        else if (cmd.kind === 'selectAll') p.onSelection(selectAll(p.selection, p.view));
        else p.onCommand(cmd);
      }}
      onContextMenu={(e) => {
        e.preventDefault();
        // Empty space is the folder: its menu, not the selection's.
        if (!(e.target instanceof Element && e.target.closest('[data-key]'))) p.onSelection({ selected: new Set(), anchor: -1, focus: -1 });
        p.onContextMenuAt(e.clientX, e.clientY);
      }}
    >
      <div className="browse-table__rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((vr) => (
          <div key={vr.index} role="row" className="browse-grid__row" style={{ transform: `translateY(${vr.start}px)` }}>
            {Array.from(p.view.subarray(vr.index * perRow, (vr.index + 1) * perRow), (rowId) => (
              <Tile
                key={rowId}
                profileId={p.profileId}
                bucket={p.bucket}
                cols={p.cols}
                rowId={rowId}
                selected={p.selection.selected.has(rowId)}
                focused={p.selection.focus === rowId}
                onMouseDown={onMouseDown}
                onOpen={onOpen}
              />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
