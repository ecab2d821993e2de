/**
 * The context menu gives focus back to what had it: on Escape, and before an item runs, so a
 * dialog opened from the menu returns focus there (not to nothing) when it closes.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ContextMenu } from './context-menu';
import { Dialog } from './dialog';

function Harness(): ReactElement {
  const [menu, setMenu] = useState(false);
  const [dialog, setDialog] = useState(false);
  return (
    <>
      <div tabIndex={0} data-testid="list" onContextMenu={() => setMenu(true)}>
        list
      </div>
      <button type="button">elsewhere</button>
      {menu && <ContextMenu x={10} y={10} label="Actions" items={[{ id: 'rename', label: 'Rename…', run: () => setDialog(true) }]} onClose={() => setMenu(false)} />}
      {dialog && (
        <Dialog title="Rename" onClose={() => setDialog(false)} footer={<button type="button" onClick={() => setDialog(false)}>Cancel</button>}>
          <input aria-label="Name" />
        </Dialog>
      )}
    </>
  );
}

afterEach(cleanup);

describe('context menu focus', () => {
  it('returns focus to the list after Escape', () => {
    render(<Harness />);
    const list = screen.getByTestId('list');
    act(() => list.focus());
    fireEvent.contextMenu(list);
    expect(document.activeElement).toBe(screen.getByRole('menuitem', { name: 'Rename…' }));
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(list);
  });

  it('a dialog opened from the menu gives focus back to the list when it closes', () => {
    render(<Harness />);
    const list = screen.getByTestId('list');
    act(() => list.focus());
    fireEvent.contextMenu(list);
    fireEvent.click(screen.getByRole('menuitem', { name: 'Rename…' }));
    expect(screen.getByRole('dialog', { name: 'Rename' })).toBeTruthy();
    expect(document.activeElement).not.toBe(list);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(list);
  });
});
