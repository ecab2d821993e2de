import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MultipartUploads } from './multipart-uploads';
import { startBrowseFixture, type BrowseFixture } from './test-support/emulator-fixture';

describe('MultipartUploads against the emulator', () => {
  let fx: BrowseFixture;
  let mp: MultipartUploads;
  const bucket = 'mpu-bucket';

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(bucket);
    mp = new MultipartUploads(fx.clients);
  });
  afterAll(async () => fx?.close());

  it('lists incomplete uploads and aborts one', async () => {
    const raw = fx.accountClient(bucket);
    const a = await raw.initMultipartUpload('videos/a b.mp4');
    const b = await raw.initMultipartUpload('videos/中.mp4');
    const page = await mp.list('p', bucket);
    expect(page.next).toBeNull();
    expect(page.uploads.map((u) => [u.key, u.uploadId]).sort()).toEqual(
      [
        ['videos/a b.mp4', a.uploadId],
        ['videos/中.mp4', b.uploadId],
      ].sort(),
    );
    expect(page.uploads[0]!.initiated).toBeGreaterThan(Date.UTC(2020, 0, 1));

    await mp.abort('p', bucket, 'videos/a b.mp4', a.uploadId);
    expect((await mp.list('p', bucket)).uploads.map((u) => u.uploadId)).toEqual([b.uploadId]);
    await expect(mp.abort('p', bucket, 'videos/a b.mp4', a.uploadId)).rejects.toMatchObject({ code: 'NoSuchUpload' });
  });
});
