/**
 * Maps key presses in the object list to commands, so the mapping is testable without a
 * DOM and the table component only dispatches.
 */

export type ListCommand =
  | { kind: 'move'; by: number; extend: boolean }
  | { kind: 'moveTo'; to: 'first' | 'last'; extend: boolean }
  | { kind: 'page'; direction: 1 | -1; extend: boolean }
  | { kind: 'open' }
  | { kind: 'parent' }
  | { kind: 'delete' }
  | { kind: 'rename' }
  | { kind: 'selectAll' }
  | { kind: 'contextMenu' }
  | { kind: 'copy' }
  | { kind: 'cut' }
  | { kind: 'paste' }
  | { kind: 'refresh' }
  | { kind: 'back' }
  | { kind: 'forward' }
  | { kind: 'toggleSelect' }
  | { kind: 'clearSelection' };

/** The parts of a KeyboardEvent the mapping needs. */
export interface KeyLike {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** The command for a key press in the list, or null to let the browser handle it. */
export function commandForKey(e: KeyLike, isMac = false): ListCommand | null {
  const mod = isMac ? !!e.metaKey : !!e.ctrlKey;
  const extend = !!e.shiftKey;
  if (e.altKey) {
    if (e.key === 'ArrowLeft') return { kind: 'back' };
    if (e.key === 'ArrowRight') return { kind: 'forward' };
    if (e.key === 'ArrowUp') return { kind: 'parent' };
    return null;
  }
  if (mod) {
    switch (e.key.toLowerCase()) {
      case 'a':
        return { kind: 'selectAll' };
      case 'c':
        return { kind: 'copy' };
      case 'x':
        return { kind: 'cut' };
      case 'v':
        return { kind: 'paste' };
      case 'r':
        return { kind: 'refresh' };
      case ' ':
        return { kind: 'toggleSelect' };
      case 'backspace':
        return isMac ? { kind: 'delete' } : null;
      case 'arrowup':
        return isMac ? { kind: 'parent' } : null;
      case 'arrowdown':
        return isMac ? { kind: 'open' } : null;
      default:
        return null;
    }
  }
  switch (e.key) {
    case 'ArrowDown':
      return { kind: 'move', by: 1, extend };
    case 'ArrowUp':
      return { kind: 'move', by: -1, extend };
    case 'Home':
      return { kind: 'moveTo', to: 'first', extend };
    case 'End':
      return { kind: 'moveTo', to: 'last', extend };
    case 'PageDown':
      return { kind: 'page', direction: 1, extend };
    case 'PageUp':
      return { kind: 'page', direction: -1, extend };
    case 'Enter':
      return { kind: 'open' };
    case 'Backspace':
      return { kind: 'parent' };
    case 'Delete':
      return { kind: 'delete' };
    case 'F2':
      return { kind: 'rename' };
    case 'F5':
      return { kind: 'refresh' };
    case 'F10':
      return extend ? { kind: 'contextMenu' } : null;
    case 'ContextMenu':
      return { kind: 'contextMenu' };
    case 'Escape':
      return { kind: 'clearSelection' };
    default:
      return null;
  }
}
