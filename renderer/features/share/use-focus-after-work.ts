/**
 * Keeps a keyboard user in the dialog after its work finishes: pressing "Make links" disables
 * the button and then removes it, so the focus falls to the page behind the modal. When
 * that happened, focus moves to the first button of the result (its first Copy), or back to
 * the button that starts the work (after an error).
 */
import { useEffect, type RefObject } from 'react';

export function useFocusAfterWork(busy: boolean, targets: ReadonlyArray<RefObject<HTMLElement | null>>): void {
  useEffect(() => {
    if (busy) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    for (const ref of targets) {
      const el = ref.current;
      if (!el) continue;
      (el instanceof HTMLButtonElement ? el : el.querySelector<HTMLElement>('button'))?.focus();
      return;
    }
    // Only the finishing of work moves focus; the refs are stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [busy]);
}
