import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WindowLayout } from '../../shared/contract/desktop';
import { installTestBridge, type TestBridge } from '../lib/test-bridge';
import { LEGACY_COLUMNS_KEY, flushLayout, layoutStore, loadLayout, setColumnWidths, setSidebarWidth } from './layout-store';

let bridge: TestBridge | undefined;
afterEach(() => {
  bridge?.uninstall();
  window.localStorage.clear();
  layoutStore.set({ sidebarWidth: undefined, columns: undefined });
  vi.useRealTimers();
});

/** A bridge whose main keeps the layout as desktop:set-layout merges it. */
function mainKeeping(initial: WindowLayout, fail = false) {
  let kept: WindowLayout = initial;
  bridge = installTestBridge({
    'desktop:get-layout': () => kept,
    'desktop:set-layout': (patch) => {
      if (fail) throw new Error('disk full');
      kept = { ...kept, ...patch, ...(patch.columns ? { columns: { ...kept.columns, ...patch.columns } } : {}) };
    },
  });
  return { kept: () => kept, sets: () => bridge!.calls.filter((c) => c.channel === 'desktop:set-layout').map((c) => c.input) };
}

describe('layout store', () => {
  it('starts from the layout main kept', async () => {
    mainKeeping({ sidebarWidth: 333, columns: { size: 99 } });
    await loadLayout();
    expect(layoutStore.get()).toEqual({ sidebarWidth: 333, columns: { size: 99 } });
  });

  it('moves column widths from localStorage to main once, then removes the old key', async () => {
    window.localStorage.setItem(LEGACY_COLUMNS_KEY, JSON.stringify({ size: 120, modified: 9999, type: 'wide', ['x'.repeat(40)]: 70 }));
    const main = mainKeeping({ sidebarWidth: 300 });
    await loadLayout();
    expect(main.kept()).toEqual({ sidebarWidth: 300, columns: { size: 120, modified: 480 } });
    expect(layoutStore.get().columns).toEqual({ size: 120, modified: 480 });
    expect(window.localStorage.getItem(LEGACY_COLUMNS_KEY)).toBeNull();
    await loadLayout();
    expect(main.sets()).toHaveLength(1);
  });

  it('keeps main’s widths over old local ones, and keeps the old key when main could not save', async () => {
    window.localStorage.setItem(LEGACY_COLUMNS_KEY, JSON.stringify({ size: 120 }));
    const main = mainKeeping({ columns: { size: 60 } });
    await loadLayout();
    expect(layoutStore.get().columns).toEqual({ size: 60 });
    expect(main.sets()).toEqual([]);
    expect(window.localStorage.getItem(LEGACY_COLUMNS_KEY)).toBeNull();

    bridge?.uninstall();
    window.localStorage.setItem(LEGACY_COLUMNS_KEY, JSON.stringify({ size: 120 }));
    mainKeeping({}, true);
    await loadLayout();
    expect(window.localStorage.getItem(LEGACY_COLUMNS_KEY)).not.toBeNull();
  });

  it('clamps widths and sends a burst of changes as one save', async () => {
    vi.useFakeTimers();
    const main = mainKeeping({});
    setSidebarWidth(20);
    expect(layoutStore.get().sidebarWidth).toBe(180);
    setSidebarWidth(1000);
    setColumnWidths({ size: 10 });
    setColumnWidths({ type: 70 });
    expect(main.sets()).toEqual([]);
    await vi.advanceTimersByTimeAsync(300);
    expect(main.sets()).toEqual([{ sidebarWidth: 480, columns: { size: 48, type: 70 } }]);
    setSidebarWidth(250);
    flushLayout();
    expect(main.sets()).toHaveLength(2);
  });
});
