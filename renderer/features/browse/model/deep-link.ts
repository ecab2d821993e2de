/**
 * Opening the browser at an address from outside the page: `#open?profile=ID&address=oss://…`.
 * Main can load the window with it (an `oss://` link handed to the app), and tests and the
 * listing benchmark use it to start in a folder without clicking through the sidebar.
 */
import { parseAddress } from './address';
import type { Location } from './nav-history';

export interface DeepLink {
  profileId: string;
  location: Location | null;
  focusName?: string;
}

/** Parses a location hash; null when it is not an open link or the address is invalid. */
export function parseDeepLink(hash: string): DeepLink | null {
  const m = /^#open\?(.*)$/.exec(hash);
  if (!m) return null;
  const q = new URLSearchParams(m[1]);
  const profileId = q.get('profile');
  if (!profileId) return null;
  const parsed = parseAddress(q.get('address') ?? '');
  if (!parsed.ok) return null;
  return { profileId, location: parsed.location, ...(parsed.focusName ? { focusName: parsed.focusName } : {}) };
}

/** Builds the hash for `parseDeepLink`. */
export function deepLinkHash(profileId: string, address: string): string {
  return '#open?' + new URLSearchParams({ profile: profileId, address }).toString();
}
