import { describe, expect, it } from 'vitest';
import type { TransferTotals } from '../../../../shared/contract/transfers';
import { item } from '../testing/items';
import { actionsFor, EMPTY_TOTALS, TransferList } from './transfer-list';

const totals = (items: number): TransferTotals => ({ ...EMPTY_TOTALS, items, queued: items });

describe('transfer list', () => {
  it('keeps queue order and patches only the items an event names', () => {
    const list = new TransferList();
    list.addPage([item(0), item(1), item(2)], totals(3));
    list.apply({ items: [item(1, { state: 'running', transferred: 500 }), item(3)], removed: [], totals: totals(4) });
    expect(list.size).toBe(4);
    expect(list.at(1)?.state).toBe('running');
    expect(list.at(3)?.id).toBe('t3');
    expect(list.totals.items).toBe(4);
  });

  it('removes cleared items and keeps the rest in order', () => {
    const list = new TransferList();
    list.addPage(Array.from({ length: 5 }, (_, i) => item(i)), totals(5));
    const before = list.version;
    list.apply({ items: [], removed: ['t1', 't3'], totals: totals(3) });
    expect([0, 1, 2].map((i) => list.at(i)?.id)).toEqual(['t0', 't2', 't4']);
    expect(list.get('t1')).toBeUndefined();
    expect(list.indexOf('t4')).toBe(2);
    expect(list.version).toBeGreaterThan(before);
  });

  it('applies an event for 1,000 items of a 100,000-item queue without touching the others', () => {
    const list = new TransferList();
    for (let p = 0; p < 100; p++) list.addPage(Array.from({ length: 1000 }, (_, i) => item(p * 1000 + i)), totals(100_000));
    const untouched = list.at(50_000);
    list.apply({ items: Array.from({ length: 1000 }, (_, i) => item(i * 97, { state: 'running', transferred: 10 })), removed: [], totals: totals(100_000) });
    expect(list.size).toBe(100_000);
    expect(list.at(97)?.state).toBe('running');
    expect(list.at(50_000)).toBe(untouched);
    expect(list.idsWhere((it) => it.state === 'running')).toHaveLength(1000);
    expect(list.idsWhere((it) => it.state === 'running', 10)).toHaveLength(10);
  });

  it('offers only the buttons a state allows', () => {
    expect(actionsFor({ state: 'running', direction: 'upload' })).toMatchObject({ pause: true, resume: false, cancel: true, retry: false });
    expect(actionsFor({ state: 'paused', direction: 'upload' })).toMatchObject({ pause: false, resume: true, cancel: true });
    expect(actionsFor({ state: 'failed', direction: 'download' })).toMatchObject({ retry: true, cancel: false, reveal: false, open: false });
    expect(actionsFor({ state: 'done', direction: 'download' })).toMatchObject({ reveal: true, open: true, pause: false });
    expect(actionsFor({ state: 'cancelled', direction: 'upload' })).toMatchObject({ retry: true, reveal: true });
  });
});
