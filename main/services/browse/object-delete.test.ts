import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectDeleter } from './object-delete';
import { ObjectListing } from './object-listing';
import { ObjectOperations } from './object-operations';
import { ObjectCopier } from './object-copy';
import { createOperationRunner } from './operation-runner';
import { eventLog, type EventLog } from '../../test-support/collect-events';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

describe('recursive delete against the emulator', () => {
  let fx: BrowseFixture;
  let log: EventLog;
  let ops: ObjectOperations;
  let listing: ObjectListing;
  const bucket = 'delete-bucket';

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(bucket);
    log = eventLog();
    listing = new ObjectListing(fx.clients);
    const runner = createOperationRunner({ emit: log.emitOperation, describeError: log.describeError, intervalMs: 0 });
    ops = new ObjectOperations(runner, new ObjectDeleter(fx.clients, listing), new ObjectCopier(fx.clients, listing));
  });
  afterAll(async () => fx?.close());

  it('deletes 2,000 objects under a folder in batches of 1000 with progress, keeping siblings', async () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `big/${i % 7}/file-${i}.bin`);
    await fx.seed(bucket, [...keys.map((key) => ({ key, body: 'x' })), { key: 'big-sibling.txt', body: 'keep' }, { key: 'other/keep.txt', body: 'keep' }]);
    const batches: number[] = [];
    fx.onRequest((method, url) => {
      if (method === 'POST' && /[?&]delete(=|&|$)/.test(url)) batches.push(1);
    });

    const id = ops.startDelete('p', bucket, [{ key: 'big/', isPrefix: true }]);
    const final = await ops.wait(id);

    expect(final).toMatchObject({ kind: 'delete', done: 2000, total: 2000, failedCount: 0, finished: true, cancelled: false });
    expect(batches.length).toBe(2);
    const mine = log.operations.filter((p) => p.operationId === id);
    expect(mine.length).toBeGreaterThan(2);
    const dones = mine.map((p) => p.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(mine.some((p) => !p.finished && p.done === 1000)).toBe(true);
    expect(await listing.count('p', bucket, 'big/')).toEqual({ objects: 0, bytes: 0, complete: true });
    expect((await listing.count('p', bucket, '')).objects).toBe(2);
  });

  it('reports exactly which keys failed and why when a batch is refused', async () => {
    await fx.seed(bucket, ['part/ok-1', 'part/locked-1', 'part/ok-2', 'part/locked-2'].map((key) => ({ key, body: 'x' })));
    // The batch request fails, then the per-key deletes of the two locked keys fail too.
    await fx.fault({ match: { method: 'POST', operation: 'oss:DeleteObject' }, action: 'error', status: 403, code: 'AccessDenied', times: 1 });
    await fx.fault({ match: { method: 'DELETE', path: 'locked' }, action: 'error', status: 403, code: 'AccessDenied' });

    const final = await ops.wait(ops.startDelete('p', bucket, [{ key: 'part/', isPrefix: true }]));

    expect(final).toMatchObject({ done: 4, total: 4, failedCount: 2 });
    expect(final!.failed.map((f) => [f.key, f.code]).sort()).toEqual([
      ['part/locked-1', 'AccessDenied'],
      ['part/locked-2', 'AccessDenied'],
    ]);
    expect(final!.failed[0]!.requestId).toEqual(expect.any(String));
    expect(final!.failed[0]!.ec).toMatch(/^\d{4}-\d{8}$/);
    await fx.clearFaults();
    const left = await listing.listPage({ profileId: 'p', bucket, prefix: 'part/', delimiter: '', maxKeys: 100 });
    expect(left.rows.map((r) => r.key)).toEqual(['part/locked-1', 'part/locked-2']);
  });

  it('refuses a folder item without its trailing slash (it would also cover siblings)', async () => {
    await fx.seed(bucket, [{ key: 'abc/1', body: '' }, { key: 'abcdef/2', body: '' }]);
    expect(() => ops.startDelete('p', bucket, [{ key: 'abc', isPrefix: true }])).toThrow(/must end with/);
    expect((await listing.count('p', bucket, 'abc')).objects).toBe(2);
  });

  it('stops when cancelled and says so', async () => {
    await fx.seed(bucket, Array.from({ length: 3000 }, (_, i) => ({ key: `slow/${i}`, body: '' })));
    await fx.fault({ match: { operation: 'oss:ListObjects' }, action: 'latency', latencyMs: 150 });
    const id = ops.startDelete('p', bucket, [{ key: 'slow/', isPrefix: true }]);
    setTimeout(() => ops.cancel(id), 50);
    const final = await ops.wait(id);
    await fx.clearFaults();
    expect(final?.cancelled).toBe(true);
    expect((await listing.count('p', bucket, 'slow/')).objects).toBeGreaterThan(0);
  });
});
