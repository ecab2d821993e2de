/** Keys that work anywhere in the browse view: Alt+Left/Right for history, Ctrl+F for the filter. */
import { useEffect, useRef } from 'react';

export interface WindowKeyHandlers {
  back(): void;
  forward(): void;
  focusFilter(): void;
}

/** Listens on the window; always calls the latest handlers (no re-subscribe per render). */
export function useWindowKeys(handlers: WindowKeyHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = latest.current;
      if (e.altKey && e.key === 'ArrowLeft') h.back();
      else if (e.altKey && e.key === 'ArrowRight') h.forward();
      else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') h.focusFilter();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
