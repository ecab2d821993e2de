/**
 * What the user is looking at: the active profile and bucket. Shared by the sidebar
 * (profiles, buckets) and the main pane so features agree without importing each other.
 */
import { createStore } from './create-store';

export interface Selection {
  profileId: string | null;
  bucket: string | null;
}

export const selectionStore = createStore<Selection>({ profileId: null, bucket: null });

/** Selects a profile (and clears the bucket, which belongs to the previous profile). */
export function selectProfile(profileId: string | null): void {
  selectionStore.set((s) => (s.profileId === profileId ? {} : { profileId, bucket: null }));
}

/** Selects a bucket of the active profile. */
export function selectBucket(bucket: string | null): void {
  selectionStore.set({ bucket });
}
