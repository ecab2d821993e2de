/**
 * After a bucket or folder opens (or the profile's first place), the keyboard focus moves to
 * the list, so the arrow keys work at once. It waits for the list to exist (bucket rows
 * arrive after a request) and gives up when the user has put the focus elsewhere meanwhile
 * or a dialog is open.
 */
import { useEffect } from 'react';

const TARGET = '#file-list, .browse-buckets__table tbody tr[tabindex]';

export function useFocusListOnOpen(bucket: string, prefix: string): void {
  useEffect(() => {
    const from = document.activeElement;
    let tries = 0;
    const timer = setInterval(() => {
      const moved = document.activeElement !== from;
      const dialog = document.querySelector('[role="dialog"], [role="alertdialog"]');
      const target = document.querySelector<HTMLElement>(TARGET);
      if (moved || dialog || target || ++tries > 60) clearInterval(timer);
      if (!moved && !dialog && target) target.focus({ preventScroll: true });
    }, 50);
    return () => clearInterval(timer);
  }, [bucket, prefix]);
}
