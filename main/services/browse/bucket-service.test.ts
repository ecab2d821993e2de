import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../oss/describe-error';
import { BucketService } from './bucket-service';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

describe('BucketService against the emulator', () => {
  let fx: BrowseFixture;
  let buckets: BucketService;

  beforeAll(async () => {
    fx = await startBrowseFixture();
    buckets = new BucketService(fx.clients);
  });
  afterAll(async () => fx?.close());

  it('creates, lists, describes and deletes a bucket', async () => {
    const created = await buckets.create({ profileId: 'p', name: 'new-bucket-1', region: fx.region, storageClass: 'IA', acl: 'public-read' });
    expect(created).toMatchObject({ name: 'new-bucket-1', region: fx.region, storageClass: 'IA' });
    const listed = (await buckets.list('p')).find((b) => b.name === 'new-bucket-1');
    expect(listed).toMatchObject({ region: fx.region, storageClass: 'IA' });
    expect(listed!.creationDate).toBeGreaterThan(Date.UTC(2020, 0, 1));

    const info = await buckets.info('p', 'new-bucket-1');
    expect(info).toMatchObject({ name: 'new-bucket-1', region: fx.region, acl: 'public-read', storageClass: 'IA', cors: { rules: 0 } });
    expect(info.extranetEndpoint).not.toBe('');

    await buckets.delete('p', 'new-bucket-1');
    expect((await buckets.list('p')).some((b) => b.name === 'new-bucket-1')).toBe(false);
  });

  it('creates a bucket in another region through that region’s endpoint', async () => {
    const other = fx.regions.find((r) => r !== fx.region)!;
    await buckets.create({ profileId: 'p', name: 'far-away-bucket', region: other, storageClass: 'Standard', acl: 'private' });
    expect((await buckets.list('p')).find((b) => b.name === 'far-away-bucket')?.region).toBe(other);
    expect((await buckets.info('p', 'far-away-bucket')).region).toBe(other);
  });

  it('refuses an invalid name before sending any request', async () => {
    const before = fx.requests.length;
    await expect(buckets.create({ profileId: 'p', name: 'Bad_Name', region: fx.region, storageClass: 'Standard', acl: 'private' })).rejects.toMatchObject({
      code: 'InvalidArgument',
      message: expect.stringContaining('lowercase'),
    });
    expect(fx.requests.length).toBe(before);
  });

  it('explains BucketNotEmpty with a hint', async () => {
    await fx.createBucket('full-bucket');
    await fx.seed('full-bucket', [{ key: 'a.txt', body: 'a' }]);
    const error = await buckets.delete('p', 'full-bucket').catch((e: unknown) => e);
    const shown = describeError(error);
    expect(shown).toMatchObject({ code: 'BucketNotEmpty', hint: expect.stringContaining('empty') });
    expect(shown.requestId).toBeTruthy();
  });

  it('summarises CORS rules', async () => {
    await fx.createBucket('cors-bucket');
    await fx.accountClient('cors-bucket').putBucketCORS('cors-bucket', [{ allowedOrigin: ['https://app.example'], allowedMethod: ['GET', 'PUT'], allowedHeader: '*' }]);
    const info = await buckets.info('p', 'cors-bucket');
    expect(info.cors).toEqual({ rules: 1, allowedOrigins: ['https://app.example'], allowedMethods: ['GET', 'PUT'] });
  });
});
