/**
 * Messages main pushes on 'app:notice' (a refused deep link, a failed menu command…).
 * Listening starts at the renderer's entry, before the first render waits for the window
 * layout, so a notice sent while the page is still starting is kept and shown once the
 * shell mounts instead of being lost. The five newest are kept.
 */
import type { EventPayload } from '../../shared/ipc-contract';
import { on } from '../lib/oss-api';
import { createStore } from './create-store';

export type Notice = EventPayload<'app:notice'> & { id: number };

/** How many notices stay on screen at once; older ones make room. */
export const MAX_NOTICES = 5;

export const noticeStore = createStore<{ notices: Notice[] }>({ notices: [] });

let next = 0;
let stop: (() => void) | undefined;

/** Starts keeping notices from main (idempotent); returns a function that stops it. */
export function captureNotices(): () => void {
  if (!stop) {
    const off = on('app:notice', (notice) =>
      noticeStore.set(({ notices }) => ({ notices: [...notices.slice(-(MAX_NOTICES - 1)), { ...notice, id: ++next }] })),
    );
    stop = () => {
      off();
      stop = undefined;
    };
  }
  return stop;
}

export function dismissNotice(id: number): void {
  noticeStore.set(({ notices }) => ({ notices: notices.filter((n) => n.id !== id) }));
}
