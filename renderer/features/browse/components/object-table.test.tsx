import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../../i18n';
import type { ListCommand } from '../model/keyboard-commands';
import { ListingModel } from '../model/listing-model';
import { EMPTY_SELECTION, type Selection } from '../model/selection';
import type { SortColumn } from '../model/sort-index';
import { ObjectTable } from './object-table';

function model(n: number): ListingModel {
  const m = new ListingModel('f/'.length);
  m.append(
    Array.from({ length: n }, (_, i) => {
      const key = i < 2 ? `f/dir${i}/` : `f/file-${i}.txt`;
      return { key, name: key, isPrefix: i < 2, size: i * 10, lastModified: 1_700_000_000_000 + i, etag: '', storageClass: i < 2 ? '' : 'Standard' };
    }),
  );
  return m;
}

function Harness({ m, commands, sorts }: { m: ListingModel; commands: ListCommand[]; sorts: SortColumn[] }) {
  const [sel, setSel] = useState<Selection>(EMPTY_SELECTION);
  return (
    <ObjectTable
      cols={m.cols}
      view={m.sorted}
      version={0}
      selection={sel}
      onSelection={setSel}
      onCommand={(c) => commands.push(c)}
      onOpenRow={() => undefined}
      onContextMenuAt={() => commands.push({ kind: 'contextMenu' })}
      sort={m.sort}
      onSort={(c) => sorts.push(c)}
      empty="empty"
      label="Objects"
    />
  );
}

const selectedNames = () => screen.queryAllByRole('row', { selected: true }).map((r) => r.querySelector('.browse-table__name')?.textContent);

describe('object table', () => {
  afterEach(cleanup);
  beforeAll(() => {
    // jsdom has no layout: give the scroll area a real size so the virtualizer renders rows.
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
    HTMLElement.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 800, bottom: 600, width: 800, height: 600, toJSON: () => ({}) });
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    initI18n('en');
  });

  it('renders only a window of a large listing', () => {
    render(<Harness m={model(5000)} commands={[]} sorts={[]} />);
    const rows = screen.getAllByRole('row').length - 1;
    expect(rows).toBeGreaterThan(10);
    expect(rows).toBeLessThanOrEqual(200);
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('5001');
  });

  it('moves, extends and selects with the keyboard, and passes other keys on as commands', () => {
    const commands: ListCommand[] = [];
    render(<Harness m={model(30)} commands={commands} sorts={[]} />);
    const list = screen.getByTestId('object-list');
    act(() => list.focus());
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(selectedNames()).toEqual(['dir0']);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown', shiftKey: true });
    fireEvent.keyDown(list, { key: 'ArrowDown', shiftKey: true });
    expect(selectedNames()).toEqual(['dir1', 'file-2.txt', 'file-3.txt']);
    fireEvent.keyDown(list, { key: 'Home' });
    expect(selectedNames()).toEqual(['dir0']);
    fireEvent.keyDown(list, { key: 'a', ctrlKey: true });
    expect(screen.getAllByRole('row', { selected: true }).length).toBeGreaterThan(20);
    fireEvent.keyDown(list, { key: 'Escape' });
    fireEvent.keyDown(list, { key: 'F2' });
    fireEvent.keyDown(list, { key: 'Delete' });
    fireEvent.keyDown(list, { key: 'Enter' });
    fireEvent.keyDown(list, { key: 'Backspace' });
    fireEvent.keyDown(list, { key: 'F10', shiftKey: true });
    expect(commands.map((c) => c.kind)).toEqual(['clearSelection', 'rename', 'delete', 'open', 'parent', 'contextMenu']);
    // Type-to-find: a letter jumps to the next name starting with it; quick typing spells a name.
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      fireEvent.keyDown(list, { key: 'f' });
      expect(selectedNames()).toEqual(['file-2.txt']);
      vi.advanceTimersByTime(2000);
      fireEvent.keyDown(list, { key: 'f' });
      expect(selectedNames()).toEqual(['file-3.txt']);
      vi.advanceTimersByTime(2000);
      for (const key of 'file-25') {
        fireEvent.keyDown(list, { key });
        vi.advanceTimersByTime(50);
      }
      expect(selectedNames()).toEqual(['file-25.txt']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('selects with shift- and ctrl-click and sorts from the header', () => {
    const sorts: SortColumn[] = [];
    render(<Harness m={model(30)} commands={[]} sorts={sorts} />);
    const rowOf = (name: string) => screen.getByText(name).closest('[role="row"]')!;
    fireEvent.mouseDown(rowOf('file-2.txt'), { button: 0 });
    fireEvent.mouseDown(rowOf('file-5.txt'), { button: 0, shiftKey: true });
    expect(selectedNames()).toEqual(['file-2.txt', 'file-3.txt', 'file-4.txt', 'file-5.txt']);
    fireEvent.mouseDown(rowOf('file-3.txt'), { button: 0, ctrlKey: true });
    expect(selectedNames()).toEqual(['file-2.txt', 'file-4.txt', 'file-5.txt']);
    fireEvent.click(screen.getByRole('button', { name: /Size/ }));
    expect(sorts).toEqual(['size']);
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('ascending');
  });

  it('right-click on empty space clears the selection (the folder menu opens); on a row it keeps it', () => {
    const commands: ListCommand[] = [];
    render(<Harness m={model(5)} commands={commands} sorts={[]} />);
    const rowOf = (name: string) => screen.getByText(name).closest('[role="row"]')!;
    fireEvent.mouseDown(rowOf('file-2.txt'), { button: 0 });
    fireEvent.contextMenu(rowOf('file-2.txt'));
    expect(selectedNames()).toEqual(['file-2.txt']);
    fireEvent.contextMenu(screen.getByTestId('object-list'));
    expect(selectedNames()).toEqual([]);
    expect(commands.filter((c) => c.kind === 'contextMenu').length).toBeGreaterThanOrEqual(2);
  });

  it('makes the header row one Tab stop: arrows move between sort buttons and resize handles', () => {
    render(<Harness m={model(5)} commands={[]} sorts={[]} />);
    const header = screen.getAllByRole('row')[0]!;
    const stops = () => [...header.querySelectorAll<HTMLElement>('button, [role="separator"]')].filter((el) => el.tabIndex === 0);
    expect(header.querySelectorAll('button, [role="separator"]')).toHaveLength(9);
    expect(stops().map((el) => el.textContent)).toEqual(['Name']);
    const name = screen.getByRole('button', { name: /^Name/ });
    act(() => name.focus());
    fireEvent.keyDown(name, { key: 'ArrowRight' });
    expect(document.activeElement?.textContent).toBe('Size');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(screen.getByRole('separator', { name: 'Resize the Size column' }));
    expect(stops()).toEqual([document.activeElement]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(screen.getByRole('separator', { name: 'Resize the Storage class column' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(name);
  });

  it('resizes a column from its edge with the keyboard and remembers the width', () => {
    window.localStorage.clear();
    render(<Harness m={model(5)} commands={[]} sorts={[]} />);
    const edge = screen.getByRole('separator', { name: 'Resize the Size column' });
    expect(edge.getAttribute('aria-valuenow')).toBe('84');
    fireEvent.keyDown(edge, { key: 'ArrowLeft', shiftKey: true });
    fireEvent.keyDown(edge, { key: 'ArrowLeft', shiftKey: true });
    expect(edge.getAttribute('aria-valuenow')).toBe('104');
    expect(screen.getByRole('grid').style.getPropertyValue('--browse-columns')).toContain('104px');
    cleanup();
    render(<Harness m={model(5)} commands={[]} sorts={[]} />);
    expect(screen.getByRole('separator', { name: 'Resize the Size column' }).getAttribute('aria-valuenow')).toBe('104');
    fireEvent.doubleClick(screen.getByRole('separator', { name: 'Resize the Size column' }));
    expect(screen.getByRole('separator', { name: 'Resize the Size column' }).getAttribute('aria-valuenow')).toBe('84');
  });
});
