/**
 * The active profile's buckets, shared by the sidebar list and the bucket table in the main
 * pane, so a create or delete in one shows in the other.
 */
import type { AppError } from '../../../../shared/errors';
import type { BucketRow } from '../../../../shared/object-types';
import { createStore } from '../../../state/create-store';
import { call } from '../../../lib/oss-api';
import { asAppError } from '../../../ui/app-error';

export interface BucketState {
  profileId: string | null;
  buckets: BucketRow[] | null;
  loading: boolean;
  error: AppError | null;
}

export const bucketStore = createStore<BucketState>({ profileId: null, buckets: null, loading: false, error: null });

let generation = 0;

/** (Re)loads the bucket list of `profileId`; a later call wins over an earlier one. */
export async function loadBuckets(profileId: string): Promise<void> {
  const mine = ++generation;
  bucketStore.set((s) => ({ profileId, loading: true, error: null, buckets: s.profileId === profileId ? s.buckets : null }));
  try {
    const buckets = await call('buckets:list', { profileId });
    if (mine === generation) bucketStore.set({ buckets, loading: false });
  } catch (e) {
    if (mine === generation) bucketStore.set({ loading: false, error: asAppError(e) });
  }
}
