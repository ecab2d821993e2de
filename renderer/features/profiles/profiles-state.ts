/**
 * The profiles feature's renderer state: the profile list (masked views only), which
 * dialog is open, and the credential status of the active profile for the status bar.
 */
import type { AppError } from '../../../shared/errors';
import type { ProfileView, SessionStatus } from '../../../shared/profile-types';
import { call } from '../../lib/oss-api';
import { asAppError } from '../../ui/app-error';
import { createStore } from '../../state/create-store';
import { selectProfile, selectionStore } from '../../state/selection-store';

export type ProfileDialog =
  | { kind: 'add' }
  | { kind: 'edit'; profile: ProfileView }
  | { kind: 'delete'; profile: ProfileView }
  | null;

export interface ProfilesState {
  profiles: ProfileView[] | null;
  error: AppError | null;
  dialog: ProfileDialog;
  /** Set while the sandbox starts (it takes a moment on first run). */
  sandboxStarting: boolean;
  /** Live credential status of the active profile (countdown, refresh failure). */
  status: SessionStatus | null;
  /** A pasted STS token is about to expire: the non-blocking prompt is shown. */
  expiringPrompt: { profileId: string; expiresAt?: string } | null;
}

export const profilesStore = createStore<ProfilesState>({
  profiles: null,
  error: null,
  dialog: null,
  sandboxStarting: false,
  status: null,
  expiringPrompt: null,
});

export function openDialog(dialog: ProfileDialog): void {
  profilesStore.set({ dialog });
}

/** Loads the list; on first load reopens the profile used last time. */
export async function loadProfiles(reopenLast = false): Promise<void> {
  try {
    const list = await call('profiles:list');
    profilesStore.set({ profiles: list.profiles, error: null });
    if (reopenLast && list.lastUsedId && !selectionStore.get().profileId) await openProfile(list.lastUsedId);
  } catch (err) {
    profilesStore.set({ error: asAppError(err) });
  }
}

/** Makes a profile active; a profile with a start path opens right there. */
export async function openProfile(id: string): Promise<void> {
  try {
    const opened = await call('profiles:open', { id });
    // The browse feature opens the profile where main says it starts.
    selectProfile(id, opened.openAt ?? null);
    await refreshStatus(id);
  } catch (err) {
    profilesStore.set({ error: asAppError(err) });
  }
}

export async function refreshStatus(id: string): Promise<void> {
  try {
    profilesStore.set({ status: await call('profiles:session-status', { id }) });
  } catch {
    profilesStore.set({ status: null });
  }
}

/** "Try the local sandbox": starts the emulator in main and opens its profile. */
export async function startSandbox(): Promise<void> {
  profilesStore.set({ sandboxStarting: true, error: null });
  try {
    const profile = await call('profiles:sandbox-start');
    await loadProfiles();
    await openProfile(profile.id);
  } catch (err) {
    profilesStore.set({ error: asAppError(err) });
  } finally {
    profilesStore.set({ sandboxStarting: false });
  }
}

/** Deletes a profile (and its keychain entry); clears the selection if it was active. */
export async function deleteProfile(id: string): Promise<void> {
  await call('profiles:delete', { id });
  if (selectionStore.get().profileId === id) selectProfile(null);
  await loadProfiles();
}

export async function duplicateProfile(id: string): Promise<void> {
  try {
    await call('profiles:duplicate', { id });
    await loadProfiles();
  } catch (err) {
    profilesStore.set({ error: asAppError(err) });
  }
}
