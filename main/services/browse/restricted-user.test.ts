import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../oss/describe-error';
import { ObjectListing } from './object-listing';
import { BucketService } from './bucket-service';
import { ObjectCopier } from './object-copy';
import { ObjectDeleter } from './object-delete';
import { ObjectMetadata } from './object-metadata';
import { ObjectOperations } from './object-operations';
import { createOperationRunner } from './operation-runner';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

describe('a RAM user restricted to one prefix (photos-reader)', () => {
  let fx: BrowseFixture;

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(fx.readerBucket);
    await fx.seed(fx.readerBucket, [
      { key: 'photos/2024/a.jpg', body: 'a' },
      { key: 'photos/b.jpg', body: 'bb' },
      { key: 'private/secret.txt', body: 's' },
    ]);
  });
  afterAll(async () => fx?.close());

  it('lists and opens its allowed prefix', async () => {
    const listing = new ObjectListing(fx.readerClients);
    const page = await listing.listPage({ profileId: 'r', bucket: fx.readerBucket, prefix: 'photos/', delimiter: '/', maxKeys: 1000 });
    expect(page.rows.map((r) => [r.name, r.isPrefix])).toEqual([
      ['2024', true],
      ['b.jpg', false],
    ]);
    const inner = await listing.listPage({ profileId: 'r', bucket: fx.readerBucket, prefix: 'photos/2024/', delimiter: '/', maxKeys: 1000 });
    expect(inner.rows.map((r) => r.key)).toEqual(['photos/2024/a.jpg']);
  });

  it('counts its prefix, and a delete it may not do reports every key as AccessDenied', async () => {
    const listing = new ObjectListing(fx.readerClients);
    expect(await listing.count('r', fx.readerBucket, 'photos/')).toEqual({ objects: 2, bytes: 3, complete: true });
    const runner = createOperationRunner({ emit: () => undefined, describeError: describeError, intervalMs: 0 });
    const ops = new ObjectOperations(runner, new ObjectDeleter(fx.readerClients, listing), new ObjectCopier(fx.readerClients, listing));
    const final = await ops.wait(ops.startDelete('r', fx.readerBucket, [{ key: 'photos/', isPrefix: true }]));
    expect(final).toMatchObject({ done: 2, total: 2, failedCount: 2 });
    expect(final!.failed.map((f) => [f.key, f.code]).sort()).toEqual([
      ['photos/2024/a.jpg', 'AccessDenied'],
      ['photos/b.jpg', 'AccessDenied'],
    ]);
    expect(await new ObjectListing(fx.clients).count('p', fx.readerBucket, 'photos/')).toEqual({ objects: 2, bytes: 3, complete: true });
  });

  it('opens details and bucket info without the ACL/CORS permissions it lacks', async () => {
    const d = await new ObjectMetadata(fx.readerClients).details('r', fx.readerBucket, 'photos/b.jpg');
    expect(d).toMatchObject({ key: 'photos/b.jpg', size: 2, aclUnavailable: true });
    const info = await new BucketService(fx.readerClients).info('r', fx.readerBucket);
    expect(info).toMatchObject({ name: fx.readerBucket, region: fx.region, corsUnavailable: true, cors: { rules: 0 } });
  });

  it('gets AccessDenied with a hint outside it', async () => {
    const listing = new ObjectListing(fx.readerClients);
    const error = await listing.listPage({ profileId: 'r', bucket: fx.readerBucket, prefix: 'private/', delimiter: '/', maxKeys: 1000 }).catch((e: unknown) => e);
    expect(describeError(error)).toMatchObject({ code: 'AccessDenied', hint: expect.any(String), requestId: expect.any(String) });
    await expect(new ObjectMetadata(fx.readerClients).details('r', fx.readerBucket, 'private/secret.txt')).rejects.toMatchObject({ status: 403 });
  });
});
