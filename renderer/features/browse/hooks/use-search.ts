/** Starts, follows and cancels a recursive search under the current folder. */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { call, on } from '../../../lib/oss-api';
import { SearchSession, type SearchSnapshot } from '../model/search-session';
import type { SortSpec } from '../model/sort-index';

export function useSearch(profileId: string, bucket: string, prefix: string, sort: SortSpec) {
  const here = `${profileId}\n${bucket}\n${prefix}`;
  const [state, setState] = useState<{ here: string; session: SearchSession } | null>(null);
  // A search belongs to the folder it started in.
  const session = state && state.here === here ? state.session : null;
  const start = useCallback(
    (query: string) => {
      const s = new SearchSession(
        {
          start: (q) => call('objects:search-start', { profileId, bucket, prefix, query: q }),
          cancel: (searchId) => call('objects:search-cancel', { searchId }),
          subscribe: (l) => on('objects:search-progress', l),
        },
        query,
        sort,
      );
      setState({ here, session: s });
      void s.start();
    },
    [profileId, bucket, prefix, sort, here],
  );
  const clear = useCallback(() => setState(null), []);
  useEffect(() => () => session?.dispose(), [session]);
  const snap = useSyncExternalStore(session ? session.subscribe : noop, session ? session.getSnapshot : nothing);
  return { session, snap: snap as SearchSnapshot | null, start, clear };
}

function noop(): () => void {
  return () => undefined;
}

function nothing(): null {
  return null;
}
