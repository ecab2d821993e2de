/** Binds a FolderListing to a component: one listing per (profile, bucket, prefix, reload). */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { call } from '../../../lib/oss-api';
import { FolderListing, type ListingSnapshot } from '../model/folder-listing';
import type { SortSpec } from '../model/sort-index';

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
    return new FolderListing(fetch, prefix.length, sort);
    // The sort is read once for a new listing; later changes go through setSort.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profileId, bucket, prefix, reloadKey]);
  useEffect(() => {
    if (!listing) return;
    listing.start();
    return () => listing.dispose();
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
