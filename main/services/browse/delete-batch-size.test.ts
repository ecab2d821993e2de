/**
 * The delete batch size at its edge: OSS refuses a DeleteMultipleObjects request over 1000
 * keys, and a refused batch falls back to one DELETE per key — which still deletes
 * everything, so only the request count shows an oversized batch. Counted here for a large
 * selection of single objects and for the delete half of a large move.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ObjectDeleter } from './object-delete';
import { ObjectListing } from './object-listing';
import { ObjectOperations } from './object-operations';
import { ObjectCopier } from './object-copy';
import { createOperationRunner } from './operation-runner';
import { eventLog } from '../../test-support/collect-events';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

describe('delete batch size', () => {
  let fx: BrowseFixture;
  let ops: ObjectOperations;
  let listing: ObjectListing;
  const bucket = 'batch-bucket';
  const sent: Array<{ method: string; url: string }> = [];
  const batches = () => sent.filter((r) => r.method === 'POST' && /[?&]delete(=|&|$)/.test(r.url)).length;
  const singleDeletes = () => sent.filter((r) => r.method === 'DELETE').length;

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(bucket);
    const log = eventLog();
    listing = new ObjectListing(fx.clients);
    const runner = createOperationRunner({ emit: log.emitOperation, describeError: log.describeError, intervalMs: 0 });
    ops = new ObjectOperations(runner, new ObjectDeleter(fx.clients, listing), new ObjectCopier(fx.clients, listing));
    fx.onRequest((method, url) => sent.push({ method, url }));
  });
  afterAll(async () => fx?.close());

  it('deletes 2,500 selected objects in three batches of at most 1000 keys, never key by key', async () => {
    const keys = Array.from({ length: 2500 }, (_, i) => `sel/file-${i}.txt`);
    await fx.seed(bucket, [...keys.map((key) => ({ key, body: 'x' })), { key: 'sel-keep.txt', body: 'keep' }]);
    sent.length = 0;
    const final = await ops.wait(ops.startDelete('p', bucket, keys.map((key) => ({ key, isPrefix: false }))));
    expect(final).toMatchObject({ done: 2500, total: 2500, failedCount: 0 });
    expect(batches()).toBe(3);
    expect(singleDeletes()).toBe(0);
    expect(await listing.count('p', bucket, 'sel/')).toEqual({ objects: 0, bytes: 0, complete: true });
    expect((await listing.count('p', bucket, 'sel-keep.txt')).objects).toBe(1);
  });

  it('deletes exactly 1000 selected objects in one batch', async () => {
    const keys = Array.from({ length: 1000 }, (_, i) => `thousand/file-${i}.txt`);
    await fx.seed(bucket, keys.map((key) => ({ key, body: 'x' })));
    sent.length = 0;
    expect(await ops.wait(ops.startDelete('p', bucket, keys.map((key) => ({ key, isPrefix: false }))))).toMatchObject({ done: 1000, failedCount: 0 });
    expect(batches()).toBe(1);
    expect(singleDeletes()).toBe(0);
  });

  it('removes the originals of a 1,001-object move in two batches, never key by key', async () => {
    const keys = Array.from({ length: 1001 }, (_, i) => `mv/file-${i}.txt`);
    await fx.seed(bucket, keys.map((key) => ({ key, body: 'x' })));
    sent.length = 0;
    const id = ops.startCopy({ profileId: 'p', bucket, items: keys.map((key) => ({ key, isPrefix: false })), targetBucket: bucket, targetPrefix: 'moved/', move: true });
    expect(await ops.wait(id)).toMatchObject({ done: 1001, failedCount: 0 });
    expect(batches()).toBe(2);
    expect(singleDeletes()).toBe(0);
    expect(await listing.count('p', bucket, 'mv/')).toEqual({ objects: 0, bytes: 0, complete: true });
    expect((await listing.count('p', bucket, 'moved/')).objects).toBe(1001);
  });
});
