import { describe, expect, it } from 'vitest';
import type { ObjectRow, SearchProgress } from '../../../../shared/object-types';
import { SearchSession, type SearchTransport } from './search-session';

const match = (key: string): ObjectRow => ({ key, name: key, isPrefix: false, size: 1, lastModified: 0, etag: '', storageClass: 'Standard' });

function fakeMain() {
  const listeners = new Set<(p: SearchProgress) => void>();
  const cancelled: string[] = [];
  const emit = (p: SearchProgress) => listeners.forEach((l) => l(p));
  const transport: SearchTransport = {
    async start() {
      // Main may report before the reply reaches the renderer, and other searches share the channel.
      emit({ searchId: 's1', scanned: 10, matches: [match('a/report.txt')], done: false, cancelled: false });
      emit({ searchId: 'other', scanned: 5, matches: [match('zzz')], done: false, cancelled: false });
      return { searchId: 's1' };
    },
    async cancel(id) {
      cancelled.push(id);
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return { transport, emit, cancelled, listeners };
}

describe('search session', () => {
  it('collects matches for its own id, including those sent before the reply, and stops on done', async () => {
    const m = fakeMain();
    const s = new SearchSession(m.transport, 'report');
    await s.start();
    expect(s.getSnapshot()).toMatchObject({ running: true, matches: 1, scanned: 10 });
    m.emit({ searchId: 's1', scanned: 900, matches: [match('b/Report-2.txt'), match('c/')], done: false, cancelled: false });
    m.emit({ searchId: 's1', scanned: 1000, matches: [], done: true, cancelled: false });
    expect(s.getSnapshot()).toMatchObject({ running: false, matches: 3, scanned: 1000 });
    expect(s.model.cols.keys).toEqual(['a/report.txt', 'b/Report-2.txt', 'c/']);
    expect(m.listeners.size).toBe(0);
  });

  it('cancels through main only while running', async () => {
    const m = fakeMain();
    const s = new SearchSession(m.transport, 'x');
    await s.start();
    await s.cancel();
    expect(m.cancelled).toEqual(['s1']);
    m.emit({ searchId: 's1', scanned: 20, matches: [], done: true, cancelled: true });
    await s.cancel();
    expect(m.cancelled).toEqual(['s1']);
    expect(s.getSnapshot().cancelled).toBe(true);
  });
});
