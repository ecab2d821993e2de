/**
 * Refreshes the folder on screen when another feature reports an object under it (an
 * upload landed). At most one reload every two seconds, so a 2,000-file upload does not
 * re-list a big folder two thousand times; the last change always gets its reload.
 */
import { useEffect, useRef } from 'react';
import { onObjectsChanged } from '../extension-points';

export const RELOAD_INTERVAL_MS = 2000;

export function useExternalChanges(profileId: string, bucket: string, prefix: string, reload: () => void): void {
  const latest = useRef({ profileId, bucket, prefix, reload });
  useEffect(() => {
    latest.current = { profileId, bucket, prefix, reload };
  });
  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fire = () => {
      timer = undefined;
      last = Date.now();
      latest.current.reload();
    };
    const stop = onObjectsChanged((c) => {
      const l = latest.current;
      if (c.profileId !== l.profileId || c.bucket !== l.bucket || !c.key.startsWith(l.prefix) || timer) return;
      timer = setTimeout(fire, Math.max(0, last + RELOAD_INTERVAL_MS - Date.now()));
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, []);
}
