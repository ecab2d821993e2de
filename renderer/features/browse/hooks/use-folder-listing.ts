/**
 * Binds a FolderListing to a component. The last few listings are kept, so Back to a
 * 100,000-row folder shows it at once (and a listing left half-way resumes where it
 * stopped); Refresh (a new reloadKey) always lists again. A kept folder shown again, and
 * the folder on screen when the window gets focus back, is listed again in the background
 * and patched in place (FolderListing.revalidate), so it is never stale for long.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { call } from '../../../lib/oss-api';
import { FolderListing, type ListingSnapshot } from '../model/folder-listing';
import type { SortSpec } from '../model/sort-index';

const KEEP = 4;
/** Window focus lists the folder again at most this often. */
export const FOCUS_REVALIDATE_MS = 10_000;
const recent = new Map<string, { reloadKey: number; listing: FolderListing }>();

function cached(key: string, reloadKey: number, create: () => FolderListing): FolderListing {
  const hit = recent.get(key);
  recent.delete(key);
  const listing = hit && hit.reloadKey === reloadKey && hit.listing.getSnapshot().status !== 'error' ? hit.listing : create();
  recent.set(key, { reloadKey, listing });
  while (recent.size > KEEP) recent.delete(recent.keys().next().value!);
  return listing;
}

/** Drops kept listings of `prefix` and everything under it (after a copy, move or delete there). */
export function forgetListings(profileId: string, bucket: string, prefix: string): void {
  const start = `${profileId}\n${bucket}\n${prefix}`;
  for (const key of [...recent.keys()]) if (key.startsWith(start)) recent.delete(key);
}

export function useFolderListing(
  profileId: string,
  bucket: string,
  prefix: string,
  reloadKey: number,
  sort: SortSpec,
): { listing: FolderListing | null; snap: ListingSnapshot | null } {
  const listing = useMemo(() => {
    if (!bucket) return null;
    const fetch = (token: string | null, maxKeys: number) =>
      call('objects:list', { profileId, bucket, prefix, delimiter: '/', continuationToken: token, maxKeys });
    return cached(`${profileId}\n${bucket}\n${prefix}`, reloadKey, () => new FolderListing(fetch, prefix.length, sort));
    // The sort is applied below when it differs; it does not make a new listing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profileId, bucket, prefix, reloadKey]);
  useEffect(() => {
    if (!listing) return;
    const m = listing.model;
    if (m.sort.column !== sort.column || m.sort.direction !== sort.direction) {
      m.setSort(sort);
      listing.changed();
    }
  }, [listing, sort]);
  useEffect(() => {
    if (!listing) return;
    // A listing the user stopped stays stopped until they continue it.
    if (listing.getSnapshot().status !== 'stopped') listing.start();
    // A kept folder shown again (revisit): show it at once, then check what changed.
    const revisit = listing.getSnapshot().status === 'complete';
    if (revisit) void listing.revalidate();
    let last = revisit ? Date.now() : 0;
    const onFocus = () => {
      if (Date.now() - last < FOCUS_REVALIDATE_MS) return;
      last = Date.now();
      void listing.revalidate();
    };
    window.addEventListener('focus', onFocus);
    return () => {
      window.removeEventListener('focus', onFocus);
      listing.dispose();
    };
  }, [listing]);
  const snap = useSyncExternalStore(
    listing ? listing.subscribe : noopSubscribe,
    listing ? listing.getSnapshot : nullSnapshot,
  );
  return { listing, snap };
}

function noopSubscribe(): () => void {
  return () => undefined;
}

function nullSnapshot(): null {
  return null;
}
