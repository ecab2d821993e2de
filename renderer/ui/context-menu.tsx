/**
 * A keyboard-operable context menu (arrows, Home/End, Enter, Escape) at a screen point.
 * Closing it gives focus back to what had it before (the file list, a row), and it does so
 * before an item runs, so a dialog the item opens returns focus there too when it closes.
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import './context-menu.css';

export interface MenuItem {
  id: string;
  label: string;
  shortcut?: string;
  danger?: boolean;
  /** Draw a separator above this item. */
  separated?: boolean;
  run(): void;
}

export interface ContextMenuProps {
  x: number;
  y: number;
  items: MenuItem[];
  label: string;
  onClose(): void;
}

export function ContextMenu({ x, y, items, label, onClose }: ContextMenuProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [pos, setPos] = useState({ left: x, top: y });
  // What had focus when the menu opened (read once, before the menu takes focus).
  const [previous] = useState(() => (typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null)));
  const restoreFocus = () => {
    if (previous?.isConnected && previous !== document.body) previous.focus({ preventScroll: true });
  };

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Keep the menu inside the window.
    const r = el.getBoundingClientRect();
    setPos({ left: Math.max(0, Math.min(x, window.innerWidth - r.width - 4)), top: Math.max(0, Math.min(y, window.innerHeight - r.height - 4)) });
    el.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const away = (e: MouseEvent) => {
      if (!el.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away, true);
    return () => window.removeEventListener('mousedown', away, true);
  }, [x, y, onClose]);

  const focusItem = (i: number) => {
    const n = items.length;
    const next = ((i % n) + n) % n;
    setActive(next);
    ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[next]?.focus();
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className="browse-menu"
      style={{ left: pos.left, top: pos.top }}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'ArrowDown') focusItem(active + 1);
        else if (e.key === 'ArrowUp') focusItem(active - 1);
        else if (e.key === 'Home') focusItem(0);
        else if (e.key === 'End') focusItem(items.length - 1);
        else if (e.key === 'Escape' || e.key === 'Tab') {
          restoreFocus();
          onClose();
        }
        else return;
        e.preventDefault();
      }}
    >
      {items.map((it, i) => (
        <button
          key={it.id}
          type="button"
          role="menuitem"
          tabIndex={i === active ? 0 : -1}
          className={`browse-menu__item${it.danger ? ' browse-menu__item--danger' : ''}${it.separated ? ' browse-menu__item--separated' : ''}`}
          onMouseEnter={() => setActive(i)}
          onClick={() => {
            restoreFocus();
            onClose();
            it.run();
          }}
        >
          <span>{it.label}</span>
          {it.shortcut && <span className="browse-menu__shortcut">{it.shortcut}</span>}
        </button>
      ))}
    </div>
  );
}
