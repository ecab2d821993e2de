import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TransferTotals } from '../../../../shared/contract/transfers';
import { initI18n } from '../../../i18n';
import { installTestBridge, type TestBridge } from '../../../lib/test-bridge';
import { EMPTY_TOTALS } from '../model/transfer-list';
import { item } from '../testing/items';
import { openPanel, resetTransfers, startTransfers, transferList } from '../transfers-state';
import { TransferPanel } from './transfer-panel';
import { TRANSFER_ROW_HEIGHT } from './transfer-list-view';

const N = 100_000;
const totals: TransferTotals = { ...EMPTY_TOTALS, items: N, queued: N - 2, active: 1, failed: 1, bytesTotal: N * 1000, bytesDone: 630, speed: 2048 };
const all = Array.from({ length: N }, (_, i) =>
  i === 0 ? item(0, { state: 'running', transferred: 630, speed: 2048, note: { kind: 'resumed', percent: 63 } }) : i === 2 ? item(2, { state: 'failed', error: { code: 'AccessDenied', message: 'You have no right to access this object.', requestId: 'RID1', hint: 'Ask the bucket owner for write access.' } }) : item(i),
);

let bridge: TestBridge;

async function mountQueue(): Promise<void> {
  bridge = installTestBridge({
    'transfers:list': ({ offset, limit }) => ({ items: all.slice(offset, offset + limit), total: N, totals }),
    'transfers:conflict-pending': () => [],
    'transfers:pause': () => undefined,
    'transfers:cancel': () => undefined,
    'transfers:retry': () => undefined,
  });
  startTransfers();
  await waitFor(() => expect(transferList.size).toBe(N), { timeout: 20_000 });
  act(() => openPanel());
  render(<TransferPanel />);
}

const rows = () => screen.getAllByTestId('transfer-row');

describe('transfer panel', () => {
  beforeAll(() => {
    // jsdom has no layout: give the scroll area a size so the virtualizer renders rows.
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 300 });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 800 });
    HTMLElement.prototype.getBoundingClientRect = () => ({ x: 0, y: 0, top: 0, left: 0, right: 800, bottom: 300, width: 800, height: 300, toJSON: () => ({}) });
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    initI18n('en');
  });
  afterEach(() => {
    cleanup();
    resetTransfers();
    bridge.uninstall();
  });

  it('reads a 100,000-item queue in pages and keeps only a window of rows in the DOM', async () => {
    await mountQueue();
    expect(bridge.calls.filter((c) => c.channel === 'transfers:list')).toHaveLength(100);
    expect(rows().length).toBeGreaterThan(3);
    expect(rows().length).toBeLessThan(40);
    expect(screen.getByRole('grid', { name: 'Transfer queue' }).getAttribute('aria-rowcount')).toBe(String(N));
    // Scrolling far down shows rows from there, still only a window of them.
    const grid = screen.getByTestId('transfer-list');
    act(() => {
      grid.scrollTop = 70_000 * TRANSFER_ROW_HEIGHT;
      fireEvent.scroll(grid);
    });
    await waitFor(() => expect(rows().some((r) => r.textContent?.includes('img-70000.jpg'))).toBe(true));
    expect(rows().length).toBeLessThan(40);
  }, 30_000);

  it('says what each row is doing: progress with speed and time left, resumed, failed with the hint', async () => {
    await mountQueue();
    const [first, , third] = rows();
    expect(first?.textContent).toContain('Uploading · 63% · 2.0 KB/s · 1 s left');
    expect(within(first!).getByTestId('transfer-note')?.textContent).toContain('Resumed at 63%');
    expect(within(first!).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('63');
    // The shared describer's plain sentence, not OSS's raw text; main's own hint kept (English UI).
    expect(third?.textContent).toContain('Failed: You do not have permission to do this.');
    expect(third?.textContent).toContain('Ask the bucket owner for write access.');
    expect(within(third!).getByRole('button', { name: 'Retry: img-2.jpg' })).toBeTruthy();
    expect(screen.getByTestId('transfer-totals')?.textContent).toContain('0 of 100,000 files done');
    expect(screen.getByTestId('transfer-totals')?.textContent).toContain('1 failed');
  }, 30_000);

  it('updates a row when a progress event names it, and nothing else', async () => {
    await mountQueue();
    const second = rows()[1]!;
    const firstText = rows()[0]!.textContent;
    act(() => bridge.emit('transfers:progress', { items: [item(1, { state: 'done', transferred: 1000, verified: true })], removed: [], totals }));
    expect(second?.textContent).toContain('Verified');
    expect(rows()[0]!.textContent).toBe(firstText);
  }, 30_000);

  it('works from the keyboard: arrows choose a row, Space pauses it, Delete cancels it, R retries', async () => {
    await mountQueue();
    const grid = screen.getByTestId('transfer-list');
    act(() => grid.focus());
    expect(grid.getAttribute('aria-activedescendant')).toBe('transfer-row-t0');
    fireEvent.keyDown(grid, { key: ' ' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'Delete' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'r' });
    await waitFor(() => expect(bridge.calls.filter((c) => !c.channel.startsWith('transfers:list') && c.channel !== 'transfers:conflict-pending')).toHaveLength(3));
    const sent = bridge.calls.filter((c) => ['transfers:pause', 'transfers:cancel', 'transfers:retry'].includes(c.channel));
    expect(sent).toEqual([
      { channel: 'transfers:pause', input: { ids: ['t0'] } },
      { channel: 'transfers:cancel', input: { ids: ['t1'] } },
      { channel: 'transfers:retry', input: { ids: ['t2'] } },
    ]);
    // Only the highlighted row's buttons are in the tab order.
    expect(within(rows()[2]!).getByRole('button', { name: 'Retry: img-2.jpg' }).getAttribute('tabindex')).toBe('0');
    expect(within(rows()[0]!).getByRole('button', { name: 'Pause: img-0.jpg' }).getAttribute('tabindex')).toBe('-1');
  }, 30_000);
});
