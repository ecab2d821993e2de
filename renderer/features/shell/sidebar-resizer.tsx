/**
 * The splitter between the sidebar and the main pane (WAI-ARIA "window splitter"): drag it,
 * or focus it and use the arrow keys (Shift for bigger steps), Home for the narrowest and
 * End for the widest sidebar this window allows; a double-click restores the initial width. The width is kept
 * by main with the window's size (renderer/state/layout-store.ts).
 */
import { useRef, useSyncExternalStore, type KeyboardEvent, type PointerEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { SIDEBAR_WIDTH } from '../../../shared/contract/desktop';
import { clampSidebarWidth, layoutStore, setSidebarWidth } from '../../state/layout-store';

const STEP = 10;
const BIG_STEP = 50;
/** The sidebar never takes more of the window than this (shell.css: min(--sidebar-width, 45vw)). */
const MAX_SHARE = 0.45;

/** The widest the sidebar can be shown in a window this wide. */
export function widestFor(windowWidth: number): number {
  return Math.max(SIDEBAR_WIDTH.min, Math.min(SIDEBAR_WIDTH.max, Math.floor(windowWidth * MAX_SHARE)));
}

/** The next width for a key on the splitter, or null when the key does not resize. */
export function widthForKey(key: string, shift: boolean, width: number, widest: number = SIDEBAR_WIDTH.max): number | null {
  const step = shift ? BIG_STEP : STEP;
  if (key === 'ArrowLeft') return clampSidebarWidth(Math.min(widest, width) - step);
  if (key === 'ArrowRight') return clampSidebarWidth(Math.min(widest, width + step));
  if (key === 'Home') return SIDEBAR_WIDTH.min;
  if (key === 'End') return widest;
  return null;
}

function onWindowResize(listener: () => void): () => void {
  window.addEventListener('resize', listener);
  return () => window.removeEventListener('resize', listener);
}

export function SidebarResizer({ controls }: { controls: string }): ReactElement {
  const { t } = useTranslation();
  const widest = widestFor(useSyncExternalStore(onWindowResize, () => window.innerWidth));
  // The width on screen: a remembered width wider than this window allows is shown narrower (and kept).
  const width = Math.min(widest, layoutStore.use((s) => s.sidebarWidth) ?? SIDEBAR_WIDTH.initial);
  const drag = useRef<{ x0: number; w0: number } | null>(null);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.focus();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x0: e.clientX, w0: width };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) setSidebarWidth(Math.min(widest, drag.current.w0 + e.clientX - drag.current.x0));
  };
  const onPointerEnd = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = widthForKey(e.key, e.shiftKey, width, widest);
    if (next === null) return;
    e.preventDefault();
    setSidebarWidth(next);
  };

  return (
    <div
      className="sidebar-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-controls={controls}
      aria-label={t('sidebar.resize')}
      aria-valuenow={width}
      aria-valuemin={SIDEBAR_WIDTH.min}
      aria-valuemax={widest}
      title={t('sidebar.resizeHint')}
      tabIndex={0}
      data-testid="sidebar-resizer"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onDoubleClick={() => setSidebarWidth(SIDEBAR_WIDTH.initial)}
      onKeyDown={onKeyDown}
    />
  );
}
