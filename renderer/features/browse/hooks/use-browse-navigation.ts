/**
 * Where the browse view is and how it moves: back/forward history, following the bucket
 * picked in the sidebar, Up, and which entry gets the focus on arrival (the one a Back
 * returns to, or the one an address without a trailing slash named).
 */
import { useEffect, useRef, useState } from 'react';
import { selectBucket, selectionStore } from '../../../state/selection-store';
import { parentPrefix } from '../model/address';
import type { ListingModel } from '../model/listing-model';
import { back, canGoBack, canGoForward, current, forward, push, startHistory, type Location, type NavHistory } from '../model/nav-history';

export interface BrowseNavigation {
  loc: Location;
  history: NavHistory;
  canBack: boolean;
  canForward: boolean;
  navigate(to: Location, focusName?: string): void;
  back(): void;
  forward(): void;
  up(): void;
  /** The name (relative to the folder) to select once it is listed, if any. */
  pendingFocus: string | null;
  clearPendingFocus(): void;
}

export interface NavigationHooks {
  /** The key focused in the folder being left (remembered for Back), if any. */
  leavingFocusKey(): string | undefined;
  /** Called on every move: reset filter and selection. */
  onMove(): void;
}

/** `startFocus`: the entry to select once the start folder is listed (an oss:// link that named an object). */
export function useBrowseNavigation(start: Location | null | undefined, hooks: NavigationHooks, startFocus?: string): BrowseNavigation {
  const storeBucket = selectionStore.use((s) => s.bucket) ?? '';
  const [history, setHistory] = useState(() =>
    startHistory(start && (!storeBucket || storeBucket === start.bucket) ? start : { bucket: storeBucket, prefix: '' }),
  );
  const loc = current(history);
  const [synced, setSynced] = useState(storeBucket);
  const [pendingFocus, setPendingFocus] = useState<string | null>(startFocus ?? null);
  useEffect(() => {
    // Tell the sidebar which bucket a start path opened.
    if (start && !storeBucket) selectBucket(start.bucket);
    // Only at mount: later bucket changes come from the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A bucket picked in the sidebar opens its root.
  if (storeBucket !== synced) {
    setSynced(storeBucket);
    if (storeBucket !== loc.bucket) {
      setHistory(push(history, { bucket: storeBucket, prefix: '' }));
      hooks.onMove();
    }
  }

  // The entry that had the focus in each visited folder, so Back lands on it again.
  const lastFocus = useRef(new Map<string, string>());
  const go = (next: NavHistory, focusName?: string) => {
    const target = current(next);
    const leaving = hooks.leavingFocusKey();
    if (leaving) lastFocus.current.set(`${loc.bucket}\n${loc.prefix}`, leaving);
    const remembered = lastFocus.current.get(`${target.bucket}\n${target.prefix}`);
    setPendingFocus(focusName ?? (remembered?.startsWith(target.prefix) ? remembered.slice(target.prefix.length) : null));
    setSynced(target.bucket);
    setHistory(next);
    hooks.onMove();
    if ((selectionStore.get().bucket ?? '') !== target.bucket) selectBucket(target.bucket || null);
  };
  const navigate = (to: Location, focusName?: string) => go(push(history, to), focusName);
  const up = () => {
    const parent = parentPrefix(loc.prefix);
    navigate(parent === null ? { bucket: '', prefix: '' } : { bucket: loc.bucket, prefix: parent }, loc.prefix ? loc.prefix.slice(parent?.length ?? 0, -1) : loc.bucket || undefined);
  };
  return {
    loc,
    history,
    canBack: canGoBack(history),
    canForward: canGoForward(history),
    navigate,
    back: () => go(back(history)),
    forward: () => go(forward(history)),
    up,
    pendingFocus,
    clearPendingFocus: () => setPendingFocus(null),
  };
}

/** The row to select for a pending focus name: its id once listed, -1 to give up, null to wait. */
export function pendingFocusRow(model: ListingModel, prefix: string, name: string, stillLoading: boolean): number | null {
  const id = Math.max(model.cols.findKey(prefix + name), model.cols.findKey(prefix + name + '/'));
  if (id >= 0) return id;
  return stillLoading ? null : -1;
}
