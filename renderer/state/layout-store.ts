/**
 * The window's layout: the sidebar's width and the listing's column widths. Main keeps it
 * in window-state.json with the window's size and place, per display arrangement
 * (desktop:get-layout / desktop:set-layout), so it is read once before the first render
 * and every change is sent back, a burst of changes (a drag, held arrow keys) as one save.
 * It lives in renderer/state because the shell (sidebar) and browse (columns) share it.
 */
import { COLUMN_WIDTH, SIDEBAR_WIDTH, type WindowLayout } from '../../shared/contract/desktop';
import { call } from '../lib/oss-api';
import { createStore } from './create-store';

/** Where the browser kept column widths before main did; moved to main once, then removed. */
export const LEGACY_COLUMNS_KEY = 'oss-browser.browse.columns';
/** How long a burst of changes is gathered before one save. */
const SAVE_DELAY_MS = 250;
/** The first render waits at most this long for main's answer. */
const LOAD_TIMEOUT_MS = 1500;

export const layoutStore = createStore<WindowLayout>({});

export function clampSidebarWidth(width: number): number {
  return Math.round(Math.max(SIDEBAR_WIDTH.min, Math.min(SIDEBAR_WIDTH.max, width)));
}

export function clampColumnWidth(width: number): number {
  return Math.round(Math.max(COLUMN_WIDTH.min, Math.min(COLUMN_WIDTH.max, width)));
}

let pending: WindowLayout | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

function queueSave(patch: WindowLayout): void {
  const columns = pending?.columns || patch.columns ? { ...pending?.columns, ...patch.columns } : undefined;
  pending = { ...pending, ...patch, ...(columns ? { columns } : {}) };
  clearTimeout(timer);
  timer = setTimeout(flushLayout, SAVE_DELAY_MS);
}

/** Sends the gathered changes now (also called when the page is hidden or closed). */
export function flushLayout(): void {
  clearTimeout(timer);
  const patch = pending;
  pending = null;
  // A width main refused or could not save is not worth an error on screen: it lasts this session.
  if (patch) void call('desktop:set-layout', patch).catch(() => undefined);
}

/** Sets the sidebar's width (clamped) and saves it. */
export function setSidebarWidth(width: number): void {
  const sidebarWidth = clampSidebarWidth(width);
  layoutStore.set({ sidebarWidth });
  queueSave({ sidebarWidth });
}

/** Sets column widths by column id (clamped) and saves them. */
export function setColumnWidths(widths: Record<string, number>): void {
  const columns = Object.fromEntries(Object.entries(widths).map(([k, w]) => [k, clampColumnWidth(w)]));
  layoutStore.set((s) => ({ columns: { ...s.columns, ...columns } }));
  queueSave({ columns });
}

/** Column widths kept by the browser before main kept them: numbers only, clamped; undefined when none. */
function readLegacyColumns(): Record<string, number> | undefined {
  try {
    const raw = window.localStorage.getItem(LEGACY_COLUMNS_KEY);
    if (raw === null) return undefined;
    const saved = JSON.parse(raw) as unknown;
    if (!saved || typeof saved !== 'object') return {};
    const entries = Object.entries(saved as Record<string, unknown>).filter(([k, v]) => /^[A-Za-z][\w-]{0,31}$/.test(k) && typeof v === 'number' && Number.isFinite(v));
    return Object.fromEntries(entries.slice(0, 16).map(([k, v]) => [k, clampColumnWidth(v as number)]));
  } catch {
    return undefined;
  }
}

/**
 * Reads the layout from main. Column widths the browser kept in localStorage move to main
 * once: main's own widths win when it has some; the old key is removed after main saved
 * them. Never throws, and gives up waiting after LOAD_TIMEOUT_MS (the defaults then apply).
 */
export async function loadLayout(): Promise<void> {
  const answer = call('desktop:get-layout').catch(() => null);
  const layout = await Promise.race([answer, new Promise<null>((resolve) => setTimeout(() => resolve(null), LOAD_TIMEOUT_MS))]);
  if (!layout) return;
  layoutStore.set(layout);
  const legacy = readLegacyColumns();
  if (legacy === undefined) return;
  try {
    if (!layout.columns && Object.keys(legacy).length > 0) {
      layoutStore.set({ columns: legacy });
      await call('desktop:set-layout', { columns: legacy });
    }
    window.localStorage.removeItem(LEGACY_COLUMNS_KEY);
  } catch {
    // Not saved: the old key stays, and the move is tried again at the next start.
  }
}

if (typeof window !== 'undefined') window.addEventListener('pagehide', flushLayout);
