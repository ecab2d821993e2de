/**
 * What the user is looking at: the active profile, where it opens, and the bucket. Shared
 * by the sidebar (profiles, buckets) and the main pane so features agree without importing
 * each other.
 */
import { createStore } from './create-store';

/** A folder to open: `prefix` '' is the bucket root, otherwise it ends with '/'. */
export interface OpenAt {
  bucket: string;
  prefix: string;
}

export interface Selection {
  profileId: string | null;
  /** Where the active profile opens (its start path, from profiles:open), if anywhere. */
  openAt: OpenAt | null;
  bucket: string | null;
}

export const selectionStore = createStore<Selection>({ profileId: null, openAt: null, bucket: null });

/**
 * Selects a profile with the place profiles:open said it starts at (and clears the bucket,
 * which belongs to the previous profile).
 */
export function selectProfile(profileId: string | null, openAt?: { bucket: string; prefix?: string } | null): void {
  const at = openAt ? { bucket: openAt.bucket, prefix: openAt.prefix && !openAt.prefix.endsWith('/') ? `${openAt.prefix}/` : (openAt.prefix ?? '') } : null;
  selectionStore.set((s) => (s.profileId === profileId ? {} : { profileId, openAt: at, bucket: null }));
}

/** Selects a bucket of the active profile. */
export function selectBucket(bucket: string | null): void {
  selectionStore.set({ bucket });
}
