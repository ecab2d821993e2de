import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MultipartUploads } from './multipart-uploads';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

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

  it('pages past 1000 uploads with the key and upload-id markers', async () => {
    await fx.createBucket('mpu-many');
    const raw = fx.accountClient('mpu-many');
    const ids = new Set<string>();
    for (let i = 0; i < 1005; i += 15) {
      const batch = await Promise.all(Array.from({ length: Math.min(15, 1005 - i) }, (_, j) => raw.initMultipartUpload(`k/${String(i + j).padStart(4, '0')}`)));
      for (const b of batch) ids.add(b.uploadId);
    }
    const first = await mp.list('p', 'mpu-many');
    expect(first.uploads).toHaveLength(1000);
    expect(first.next).not.toBeNull();
    const second = await mp.list('p', 'mpu-many', first.next!.keyMarker, first.next!.uploadIdMarker);
    expect(second.uploads).toHaveLength(5);
    expect(second.next).toBeNull();
    expect(new Set([...first.uploads, ...second.uploads].map((u) => u.uploadId))).toEqual(ids);
  });
});
