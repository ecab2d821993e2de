import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectListing } from './object-listing';
import { RecursiveSearch } from './recursive-search';
import { eventLog, type EventLog } from '../../test-support/collect-events';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

describe('RecursiveSearch against the emulator', () => {
  let fx: BrowseFixture;
  let log: EventLog;
  let search: RecursiveSearch;
  const bucket = 'search-bucket';

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(bucket);
    const filler = Array.from({ length: 2400 }, (_, i) => ({ key: `docs/${i % 12}/note-${i}.txt`, body: '' }));
    await fx.seed(bucket, [
      ...filler,
      { key: 'docs/2024/Report-Final.PDF', body: 'pdf' },
      { key: 'docs/report/', body: '' },
      { key: 'docs/deep/a/b/c/yearly report.xlsx', body: 'x' },
      { key: 'other/report.txt', body: 'outside the prefix' },
    ]);
    log = eventLog();
    search = new RecursiveSearch(new ObjectListing(fx.clients), { emit: log.emitSearch, describeError: log.describeError });
  });
  afterAll(async () => fx?.close());

  it('streams case-insensitive matches under the prefix, page by page', async () => {
    const id = search.start({ profileId: 'p', bucket, prefix: 'docs/', query: 'REPORT' });
    await search.wait(id);
    const events = log.searches.filter((e) => e.searchId === id);
    expect(events.length).toBeGreaterThanOrEqual(4);
    const last = events.at(-1)!;
    expect(last).toMatchObject({ done: true, cancelled: false, scanned: 2403 });
    const matches = events.flatMap((e) => e.matches);
    expect(matches.map((m) => [m.key, m.isPrefix]).sort()).toEqual([
      ['docs/2024/Report-Final.PDF', false],
      ['docs/deep/a/b/c/yearly report.xlsx', false],
      ['docs/report/', true],
    ]);
    expect(matches.find((m) => !m.isPrefix && m.key.endsWith('.PDF'))).toMatchObject({ name: '2024/Report-Final.PDF', size: 3 });
  });

  it('stops when cancelled and reports it', async () => {
    await fx.fault({ match: { operation: 'oss:ListObjects' }, action: 'latency', latencyMs: 200 });
    const id = search.start({ profileId: 'p', bucket, prefix: '', query: 'zzz' });
    setTimeout(() => search.cancel(id), 100);
    await search.wait(id);
    await fx.clearFaults();
    const last = log.searches.filter((e) => e.searchId === id).at(-1)!;
    expect(last).toMatchObject({ done: true, cancelled: true });
    expect(last.scanned).toBeLessThan(2404);
  });

  it('ends with the error when listing is denied', async () => {
    const id = search.start({ profileId: 'p', bucket: 'no-such-bucket-here', prefix: '', query: 'x' });
    await search.wait(id);
    const last = log.searches.filter((e) => e.searchId === id).at(-1)!;
    expect(last).toMatchObject({ done: true, error: { code: 'NoSuchBucket' } });
  });
});
