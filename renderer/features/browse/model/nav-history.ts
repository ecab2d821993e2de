/**
 * Back/forward history of visited locations, as an immutable value so React state can
 * hold it directly.
 */

/** Where the browser is: a bucket and a folder prefix ('' is the bucket root). */
export interface Location {
  bucket: string;
  prefix: string;
}

export interface NavHistory {
  readonly entries: readonly Location[];
  readonly index: number;
}

const LIMIT = 100;

export function sameLocation(a: Location | undefined, b: Location | undefined): boolean {
  return !!a && !!b && a.bucket === b.bucket && a.prefix === b.prefix;
}

export function startHistory(loc: Location): NavHistory {
  return { entries: [loc], index: 0 };
}

/** Visiting a new place drops the forward entries, like a web browser. */
export function push(h: NavHistory, loc: Location): NavHistory {
  if (sameLocation(h.entries[h.index], loc)) return h;
  const entries = [...h.entries.slice(0, h.index + 1), loc].slice(-LIMIT);
  return { entries, index: entries.length - 1 };
}

export function canGoBack(h: NavHistory): boolean {
  return h.index > 0;
}

export function canGoForward(h: NavHistory): boolean {
  return h.index < h.entries.length - 1;
}

export function back(h: NavHistory): NavHistory {
  return canGoBack(h) ? { entries: h.entries, index: h.index - 1 } : h;
}

export function forward(h: NavHistory): NavHistory {
  return canGoForward(h) ? { entries: h.entries, index: h.index + 1 } : h;
}

export function current(h: NavHistory): Location {
  return h.entries[h.index]!;
}
