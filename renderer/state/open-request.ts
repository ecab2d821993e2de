/**
 * "Open this folder in this profile", asked from outside the browser (an oss:// link the OS
 * handed to the app). The desktop feature sets it; the browse feature opens the view there.
 * It lives in renderer/state so the two features agree without importing each other.
 */
import { createStore } from './create-store';

export interface OpenRequest {
  /** Increases with every request, so opening the same folder twice still navigates. */
  seq: number;
  profileId: string;
  location: { bucket: string; prefix: string };
  /** The entry to select and focus in that folder (the link named an object). */
  focusName?: string;
}

export const openRequestStore = createStore<{ request: OpenRequest | null }>({ request: null });

/** Asks the browser to show `location` in profile `profileId`, focusing `focusName` there when given. */
export function requestOpen(profileId: string, location: { bucket: string; prefix: string }, focusName?: string): void {
  openRequestStore.set((s) => ({ request: { seq: (s.request?.seq ?? 0) + 1, profileId, location, ...(focusName ? { focusName } : {}) } }));
}
