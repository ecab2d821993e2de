/**
 * One table row. Memoized on (row id, selection state, position): a row's data never
 * changes after it is listed, so appending a page re-renders no visible row.
 */
import { FileTypeIcon, fileKindOf } from '../../../ui/icons';
import { memo, type DragEvent, type MouseEvent, type ReactElement } from 'react';
import type { TFunction } from 'i18next';
import type { ListingColumns } from '../model/listing-columns';
import { formatDate, humanSize } from '../format';
import { FLAG_SYMLINK } from '../model/listing-columns';

export interface ObjectRowProps {
  cols: ListingColumns;
  rowId: number;
  index: number;
  top: number;
  selected: boolean;
  focused: boolean;
  lang: string;
  t: TFunction;
  onMouseDown(e: MouseEvent, rowId: number): void;
  onDoubleClick(rowId: number): void;
  onContextMenu(e: MouseEvent, rowId: number): void;
  /** Set when rows can be dragged out of the window (to the desktop). */
  onDragStart?: (e: DragEvent, rowId: number) => void;
}

/** The display name of a row: a folder's name without its trailing slash. */
export function displayName(cols: ListingColumns, rowId: number): string {
  const name = cols.nameOf(rowId);
  return cols.isFolder(rowId) && name.endsWith('/') ? name.slice(0, -1) : name;
}

function ObjectRowView(p: ObjectRowProps): ReactElement {
  const { cols, rowId, t } = p;
  const folder = cols.isFolder(rowId);
  const ext = cols.extOf(rowId);
  const name = displayName(cols, rowId);
  const symlink = (cols.flags[rowId]! & FLAG_SYMLINK) !== 0;
  const cls = ['browse-table__row', p.selected ? 'browse-table__row--selected' : '', p.focused ? 'browse-table__row--focused' : '', p.index % 2 ? 'browse-table__row--odd' : ''].join(' ');
  return (
    <div
      role="row"
      aria-rowindex={p.index + 2}
      aria-selected={p.selected}
      data-key={cols.keys[rowId]}
      className={cls}
      style={{ transform: `translateY(${p.top}px)` }}
      onMouseDown={(e) => p.onMouseDown(e, rowId)}
      onDoubleClick={() => p.onDoubleClick(rowId)}
      onContextMenu={(e) => p.onContextMenu(e, rowId)}
      draggable={p.onDragStart ? true : undefined}
      onDragStart={p.onDragStart ? (e) => p.onDragStart!(e, rowId) : undefined}
    >
      <div role="gridcell" className="browse-table__cell browse-table__cell--name" title={cols.keys[rowId]}>
        <FileTypeIcon kind={folder ? 'folder' : symlink ? 'shortcut' : fileKindOf(ext)} />
        <span className="browse-table__name">{name === '' ? t('name.empty') : name}</span>
      </div>
      <div role="gridcell" className="browse-table__cell browse-table__cell--size">
        {folder ? '' : humanSize(cols.sizes[rowId]!)}
      </div>
      <div role="gridcell" className="browse-table__cell browse-table__cell--modified">
        {formatDate(cols.mtimes[rowId]!, p.lang)}
      </div>
      <div role="gridcell" className="browse-table__cell browse-table__cell--type">
        {folder ? t('type.folder') : ext ? ext.toUpperCase() : t('type.file')}
      </div>
      <div role="gridcell" className="browse-table__cell browse-table__cell--class">
        {folder ? '' : t(`storageClass.${cols.storageClassOf(rowId) || 'Standard'}`)}
      </div>
    </div>
  );
}

export const ObjectRow = memo(ObjectRowView);
