/** Whether the Settings screen is open: the sidebar opens it, the settings feature shows it. */
import { createStore } from './create-store';

export const settingsStore = createStore<{ open: boolean }>({ open: false });

export function openSettings(): void {
  settingsStore.set({ open: true });
}

export function closeSettings(): void {
  settingsStore.set({ open: false });
}
