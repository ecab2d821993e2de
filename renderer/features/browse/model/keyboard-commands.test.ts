import { describe, expect, it } from 'vitest';
import { commandForKey } from './keyboard-commands';
import { back, canGoBack, canGoForward, current, forward, push, startHistory } from './nav-history';

describe('keyboard commands', () => {
  it('maps list navigation and actions', () => {
    expect(commandForKey({ key: 'ArrowDown' })).toEqual({ kind: 'move', by: 1, extend: false });
    expect(commandForKey({ key: 'ArrowUp', shiftKey: true })).toEqual({ kind: 'move', by: -1, extend: true });
    expect(commandForKey({ key: 'End', shiftKey: true })).toEqual({ kind: 'moveTo', to: 'last', extend: true });
    expect(commandForKey({ key: 'PageUp' })).toEqual({ kind: 'page', direction: -1, extend: false });
    expect(commandForKey({ key: 'Enter' })).toEqual({ kind: 'open' });
    expect(commandForKey({ key: 'Backspace' })).toEqual({ kind: 'parent' });
    expect(commandForKey({ key: 'Delete' })).toEqual({ kind: 'delete' });
    expect(commandForKey({ key: 'F2' })).toEqual({ kind: 'rename' });
    expect(commandForKey({ key: 'F10', shiftKey: true })).toEqual({ kind: 'contextMenu' });
    expect(commandForKey({ key: 'F10' })).toBeNull();
    expect(commandForKey({ key: 'ContextMenu' })).toEqual({ kind: 'contextMenu' });
    expect(commandForKey({ key: 'x' })).toBeNull();
  });

  it('uses Ctrl on Windows/Linux and Cmd on macOS; Alt+arrows navigate history', () => {
    expect(commandForKey({ key: 'a', ctrlKey: true })).toEqual({ kind: 'selectAll' });
    expect(commandForKey({ key: 'a', metaKey: true })).toBeNull();
    expect(commandForKey({ key: 'x', ctrlKey: true })).toEqual({ kind: 'cut' });
    expect(commandForKey({ key: 'V', ctrlKey: true, shiftKey: true })).toEqual({ kind: 'paste' });
    expect(commandForKey({ key: 'a', metaKey: true }, true)).toEqual({ kind: 'selectAll' });
    expect(commandForKey({ key: 'Backspace', metaKey: true }, true)).toEqual({ kind: 'delete' });
    expect(commandForKey({ key: 'ArrowLeft', altKey: true })).toEqual({ kind: 'back' });
    expect(commandForKey({ key: 'ArrowRight', altKey: true })).toEqual({ kind: 'forward' });
  });

  it('history goes back and forward and drops forward entries on a new visit', () => {
    let h = startHistory({ bucket: 'b', prefix: '' });
    h = push(h, { bucket: 'b', prefix: 'a/' });
    h = push(h, { bucket: 'b', prefix: 'a/b/' });
    expect(push(h, { bucket: 'b', prefix: 'a/b/' })).toBe(h);
    h = back(back(h));
    expect(current(h).prefix).toBe('');
    expect(canGoBack(h)).toBe(false);
    h = forward(h);
    expect(current(h).prefix).toBe('a/');
    h = push(h, { bucket: 'c', prefix: '' });
    expect(canGoForward(h)).toBe(false);
    expect(h.entries.map((e) => e.bucket + ':' + e.prefix)).toEqual(['b:', 'b:a/', 'c:']);
  });
});
