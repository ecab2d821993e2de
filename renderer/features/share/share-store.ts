/** Which share dialog is open, and for what: set by the browse menu actions, read by the overlay. */
import { createStore } from '../../state/create-store';

export interface ShareTarget {
  profileId: string;
  bucket: string;
  /** The folder on screen (or the selected folder, for temporary access). */
  prefix: string;
  /** Selected object keys (links). */
  keys: string[];
}

export type ShareDialogState =
  | { kind: 'links'; target: ShareTarget }
  | { kind: 'upload'; target: ShareTarget }
  | { kind: 'grant'; target: ShareTarget }
  | { kind: 'history' }
  | null;

export const shareStore = createStore<{ dialog: ShareDialogState }>({ dialog: null });

export function openShareDialog(dialog: ShareDialogState): void {
  shareStore.set({ dialog });
}

export function closeShareDialog(): void {
  shareStore.set({ dialog: null });
}
