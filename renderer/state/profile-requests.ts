/**
 * "Edit this profile", asked by a feature that is not profiles (the browser's error panel
 * after a wrong secret). The profiles feature opens its form; the request lives in
 * renderer/state so the two features agree without importing each other.
 */
import { createStore } from './create-store';

export interface EditProfileRequest {
  /** Increases with every request, so asking twice for the same profile opens it twice. */
  seq: number;
  profileId: string;
}

export const editProfileRequestStore = createStore<{ request: EditProfileRequest | null }>({ request: null });

/** Asks the profiles feature to open the form of `profileId`. */
export function requestEditProfile(profileId: string): void {
  editProfileRequestStore.set((s) => ({ request: { seq: (s.request?.seq ?? 0) + 1, profileId } }));
}

/** Error codes a user fixes in the profile (credentials or where they point). */
const PROFILE_CODES = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'SecurityTokenExpired', 'InvalidSecurityToken', 'UserDisable']);

/** True when editing the profile is the next step for an error with this code. */
export function isProfileError(code: string): boolean {
  return PROFILE_CODES.has(code);
}
