/**
 * Widths of the fixed-size columns (the name column takes the rest), adjustable by dragging
 * or with the arrow keys on a header's edge, remembered across sessions by main with the
 * window's size (renderer/state/layout-store.ts).
 */
import { COLUMN_WIDTH } from '../../../../shared/contract/desktop';
import { clampColumnWidth, layoutStore, setColumnWidths } from '../../../state/layout-store';
import type { SortColumn } from '../model/sort-index';

export type SizedColumn = Exclude<SortColumn, 'name'>;
export type ColumnWidths = Record<SizedColumn, number>;

export const DEFAULT_WIDTHS: ColumnWidths = { size: 84, modified: 160, type: 64, storageClass: 116 };
export const MIN_WIDTH = COLUMN_WIDTH.min;
export const MAX_WIDTH = COLUMN_WIDTH.max;

export const clampWidth = clampColumnWidth;

/** The saved widths, or the defaults for columns never resized. */
export function loadWidths(): ColumnWidths {
  const saved = layoutStore.get().columns ?? {};
  const out = { ...DEFAULT_WIDTHS };
  for (const k of Object.keys(DEFAULT_WIDTHS) as SizedColumn[]) if (typeof saved[k] === 'number') out[k] = clampWidth(saved[k]);
  return out;
}

export function saveWidths(w: ColumnWidths): void {
  setColumnWidths(w);
}

/**
 * The CSS grid template for the table rows. Each sized column may shrink to MIN_WIDTH when
 * the listing is narrow (details pane open, small window), so the header never runs under
 * the details pane; it takes its chosen width whenever there is room.
 */
export function gridTemplate(w: ColumnWidths): string {
  const col = (px: number) => `minmax(${MIN_WIDTH}px, ${px}px)`;
  return `minmax(160px, 1fr) ${col(w.size)} ${col(w.modified)} ${col(w.type)} ${col(w.storageClass)}`;
}

/** Each column's width as a CSS variable, for the narrow layouts that drop columns. */
export function columnVars(w: ColumnWidths): Record<string, string> {
  return { '--browse-col-size': `${w.size}px`, '--browse-col-modified': `${w.modified}px` };
}
