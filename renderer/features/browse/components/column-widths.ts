/**
 * Widths of the fixed-size columns (the name column takes the rest), adjustable by dragging
 * or with the arrow keys on a header's edge, remembered across sessions.
 */
import type { SortColumn } from '../model/sort-index';

export type SizedColumn = Exclude<SortColumn, 'name'>;
export type ColumnWidths = Record<SizedColumn, number>;

export const DEFAULT_WIDTHS: ColumnWidths = { size: 84, modified: 160, type: 64, storageClass: 116 };
export const MIN_WIDTH = 48;
export const MAX_WIDTH = 480;
const KEY = 'oss-browser.browse.columns';

export function clampWidth(w: number): number {
  return Math.round(Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, w)));
}

/** The saved widths, or the defaults (storage may be unavailable or hold junk). */
export function loadWidths(): ColumnWidths {
  try {
    const saved = JSON.parse(window.localStorage.getItem(KEY) ?? '{}') as Partial<Record<string, unknown>>;
    const out = { ...DEFAULT_WIDTHS };
    for (const k of Object.keys(DEFAULT_WIDTHS) as SizedColumn[]) if (typeof saved[k] === 'number') out[k] = clampWidth(saved[k] as number);
    return out;
  } catch {
    return { ...DEFAULT_WIDTHS };
  }
}

export function saveWidths(w: ColumnWidths): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(w));
  } catch {
    // Without storage the widths last for this session.
  }
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
