/**
 * Where the window reopens: size, position and maximised state, remembered per display
 * arrangement (a laptop alone and the laptop on its dock are different desks) and always
 * restored onto a screen that is there now — a window saved on an unplugged monitor must
 * not open off-screen. The page's layout (sidebar and column widths) is kept with it.
 */
import { windowLayoutSchema, type WindowLayout } from '../../shared/contract/desktop';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the restore needs from Electron's screen module. */
export interface DisplayInfo {
  /** The usable area (without task bar, dock, menu bar). */
  workArea: Rect;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** What is saved per arrangement: the window (once it closed there) and the page's layout. */
export interface SavedWindow {
  bounds?: Rect;
  maximized: boolean;
  layout?: WindowLayout;
}

/** Saved states by display arrangement (displayArrangementKey). */
export type WindowStateFile = Record<string, SavedWindow>;

export interface SizeLimits {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** How much of the window's top edge must be on a screen to grab and move it. */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 40;

/** Names an arrangement of displays: same screens in the same places, same key. */
export function displayArrangementKey(displays: readonly DisplayInfo[]): string {
  return displays
    .map(({ workArea: r }) => `${r.width}x${r.height}@${r.x},${r.y}`)
    .sort()
    .join(';');
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/** The window's title strip: what a user needs on screen to move the window. */
function titleStrip(bounds: Rect): Rect {
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(GRAB_HEIGHT, bounds.height) };
}

function isFiniteRect(r: Rect | undefined): r is Rect {
  return !!r && [r.x, r.y, r.width, r.height].every((n) => Number.isFinite(n)) && r.width > 0 && r.height > 0;
}

function centred(area: Rect, width: number, height: number): Rect {
  return { x: Math.round(area.x + (area.width - width) / 2), y: Math.round(area.y + (area.height - height) / 2), width, height };
}

/**
 * The bounds to open with. A saved window whose title strip is visible enough stays where
 * it was (shrunk to fit its screen); otherwise it moves, with its size, onto the screen it
 * overlaps most or the primary screen (displays[0]), centred. No saved state: the default
 * size, centred on the primary screen.
 */
export function restoreWindowState(saved: SavedWindow | undefined, displays: readonly DisplayInfo[], limits: SizeLimits): WindowState {
  const primary = displays[0]?.workArea ?? { x: 0, y: 0, width: limits.width, height: limits.height };
  const fit = (area: Rect, width: number, height: number) => ({
    width: Math.max(Math.min(width, area.width), Math.min(limits.minWidth, area.width)),
    height: Math.max(Math.min(height, area.height), Math.min(limits.minHeight, area.height)),
  });
  if (!saved || !isFiniteRect(saved.bounds)) {
    const size = fit(primary, limits.width, limits.height);
    return { bounds: centred(primary, size.width, size.height), maximized: false };
  }
  const b: Rect = saved.bounds;
  const maximized = saved.maximized === true;
  const strip = titleStrip(b);
  const home = displays.find(({ workArea }) => {
    const o = overlap(strip, workArea);
    return o.width >= Math.min(GRAB_WIDTH, strip.width) && o.height >= Math.min(GRAB_HEIGHT, strip.height) / 2;
  });
  if (home) {
    // Visible: keep the place, but shrink to the screen and pull inside its edges.
    const area = home.workArea;
    const size = fit(area, b.width, b.height);
    const x = Math.min(Math.max(b.x, area.x), area.x + area.width - size.width);
    const y = Math.min(Math.max(b.y, area.y), area.y + area.height - size.height);
    return { bounds: { x, y, ...size }, maximized };
  }
  const best = [...displays].sort((d1, d2) => area(overlap(b, d2.workArea)) - area(overlap(b, d1.workArea)))[0];
  const target = best && area(overlap(b, best.workArea)) > 0 ? best.workArea : primary;
  const size = fit(target, b.width, b.height);
  return { bounds: centred(target, size.width, size.height), maximized };
}

function area(size: { width: number; height: number }): number {
  return size.width * size.height;
}

/**
 * Records the window for the current arrangement, keeping its layout and the other
 * arrangements (at most 10; the one just saved goes last, so the newest is last).
 */
export function rememberWindowState(file: WindowStateFile, key: string, state: WindowState): WindowStateFile {
  return put(file, key, { ...file[key], ...state });
}

/** Merges layout changes into the current arrangement's entry (a field left out keeps its value). */
export function rememberLayout(file: WindowStateFile, key: string, layout: WindowLayout): WindowStateFile {
  const entry = file[key] ?? { maximized: false };
  const before = entry.layout ?? layoutFallback(file, key);
  const columns = before.columns || layout.columns ? { ...before.columns, ...layout.columns } : undefined;
  return put(file, key, { ...entry, layout: { ...before, ...layout, ...(columns ? { columns } : {}) } });
}

/**
 * The layout for an arrangement: its own, or else the newest saved for another one (a
 * sidebar widened on the laptop stays wide when the laptop is docked for the first time).
 */
export function layoutFor(file: WindowStateFile, key: string): WindowLayout {
  return file[key]?.layout ?? layoutFallback(file, key);
}

function layoutFallback(file: WindowStateFile, key: string): WindowLayout {
  const newest = Object.entries(file).filter(([k, v]) => k !== key && v.layout).at(-1);
  return newest?.[1].layout ?? {};
}

function put(file: WindowStateFile, key: string, entry: SavedWindow): WindowStateFile {
  const rest = Object.entries(file).filter(([k]) => k !== key).slice(-9);
  return { ...Object.fromEntries(rest), [key]: entry };
}

/** Reads a saved file's content defensively: anything malformed is dropped, never thrown. */
export function parseWindowStateFile(text: string | undefined): WindowStateFile {
  if (!text) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {};
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const out: WindowStateFile = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const v = value as Partial<SavedWindow> | null;
    if (!v || typeof v !== 'object') continue;
    // A hand-edited or older file: a bad layout is dropped, the window's place kept.
    const layout = windowLayoutSchema.safeParse(v.layout);
    const entry: SavedWindow = { maximized: v.maximized === true, ...(v.layout !== undefined && layout.success ? { layout: layout.data } : {}) };
    if (isFiniteRect(v.bounds)) {
      const { x, y, width, height } = v.bounds;
      entry.bounds = { x, y, width, height };
    }
    if (entry.bounds || entry.layout) out[key] = entry;
  }
  return out;
}
