import { describe, expect, it } from 'vitest';
import type { TransferState } from '../../../shared/contract/transfers';
import { TotalsTally } from './engine-reporting';
import { newRecord, type TransferRecord } from './transfer-record';

function record(id: string, size: number | null): TransferRecord {
  return newRecord({ batchId: 'b', direction: 'upload', profileId: 'p', bucket: 'bk', key: id, localPath: `/tmp/${id}`, size }, id, '2026-01-01T00:00:00.000Z');
}

describe('TotalsTally', () => {
  it('keeps the totals a full count would give through adds, state and byte changes and removals', () => {
    const items = new Map<string, TransferRecord>();
    const tally = new TotalsTally((id) => items.get(id));
    const add = (r: TransferRecord): void => {
      items.set(r.id, r);
      tally.touch(r.id);
    };
    const set = (id: string, change: Partial<TransferRecord>): void => {
      Object.assign(items.get(id)!, change);
      tally.touch(id);
    };
    add(record('a', 100));
    add(record('b', 50));
    add(record('c', null));
    add(record('d', 30));
    expect(tally.totals(1, 0)).toEqual({ items: 4, active: 0, queued: 4, paused: 0, failed: 0, done: 0, bytesTotal: 180, bytesDone: 0, speed: 0, walking: 1 });

    set('a', { state: 'running', transferred: 40 });
    set('b', { state: 'done', transferred: 50 });
    set('c', { state: 'failed' });
    set('d', { state: 'skipped' });
    // Touched twice before a read: counted once.
    set('a', { transferred: 60 });
    expect(tally.totals(0, 12.6)).toEqual({ items: 4, active: 1, queued: 0, paused: 0, failed: 1, done: 2, bytesTotal: 150, bytesDone: 110, speed: 13, walking: 0 });
    expect(tally.byState()).toEqual({ states: { running: 1, done: 1, failed: 1, skipped: 1 }, transferred: 110 });

    set('a', { state: 'paused' as TransferState });
    items.delete('b');
    tally.touch('b');
    items.delete('zzz'); // never added: touching it changes nothing
    tally.touch('zzz');
    expect(tally.totals(0, 0)).toMatchObject({ items: 3, active: 0, paused: 1, done: 1, bytesTotal: 100, bytesDone: 60 });
  });
});
