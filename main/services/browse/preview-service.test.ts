import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreviewService } from './preview-service';
import { startBrowseFixture, type BrowseFixture } from './test-support/emulator-fixture';

// 中文编码测试 in GBK.
const GBK = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xb1, 0xe0, 0xc2, 0xeb, 0xb2, 0xe2, 0xca, 0xd4]);

describe('PreviewService against the emulator', () => {
  let fx: BrowseFixture;
  let preview: PreviewService;
  const bucket = 'preview-bucket';

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(bucket);
    await fx.seed(bucket, [
      { key: 'notes/gbk.txt', body: GBK },
      { key: 'notes/utf8.md', body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# 标题 ✓\n', 'utf8')]) },
      { key: 'notes/long.txt', body: '中'.repeat(2000) },
      { key: 'img/pic.png', body: Buffer.from('89504e470d0a1a0a', 'hex'), contentType: 'application/octet-stream' },
      { key: 'img/huge.jpg', body: Buffer.alloc(2048) },
    ]);
    preview = new PreviewService(fx.clients, { thumbnailSourceCap: 1024 });
  });
  afterAll(async () => fx?.close());

  it('decodes a GBK file and a UTF-8 file with BOM', async () => {
    expect(await preview.readText('p', bucket, 'notes/gbk.txt', 1024 * 1024)).toEqual({ text: '中文编码测试', encoding: 'gb18030', truncated: false, size: 12 });
    expect(await preview.readText('p', bucket, 'notes/utf8.md', 1024 * 1024)).toEqual({ text: '# 标题 ✓\n', encoding: 'utf-8', truncated: false, size: 16 });
  });

  it('reads an empty file as empty text', async () => {
    await fx.seed(bucket, [{ key: 'notes/empty.txt', body: '' }]);
    expect(await preview.readText('p', bucket, 'notes/empty.txt', 1024)).toEqual({ text: '', encoding: 'utf-8', truncated: false, size: 0 });
  });

  it('reads only up to the cap with a Range request and marks the text truncated', async () => {
    const t = await preview.readText('p', bucket, 'notes/long.txt', 1000);
    expect(t).toMatchObject({ encoding: 'utf-8', truncated: true, size: 6000 });
    expect(t.text).toBe('中'.repeat(333));
  });

  it('presigns a short-lived V4 URL that serves the object with a usable content type', async () => {
    const p = await preview.previewUrl('p', bucket, 'img/pic.png', 300);
    expect(p.contentType).toBe('image/png');
    expect(p.url).toContain('x-oss-signature-version=OSS4-HMAC-SHA256');
    const res = await fetch(p.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('presigns with V1 for profiles that sign V1', async () => {
    const v1 = new PreviewService(fx.clientsV1);
    const p = await v1.previewUrl('p', bucket, 'img/pic.png', 300);
    expect(p.url).toContain('Signature=');
    const res = await fetch(p.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
  });

  it('falls back to the original for thumbnails where image processing is unavailable, within a size cap', async () => {
    const thumb = await preview.thumbnailUrl('p', bucket, 'img/pic.png', 128);
    expect(thumb).toMatchObject({ processed: false, contentType: 'image/png' });
    expect((await fetch(thumb!.url)).status).toBe(200);
    expect(await preview.thumbnailUrl('p', bucket, 'img/huge.jpg', 128)).toBeNull();
    // With the size from the listing row no HEAD is sent.
    const before = fx.requests.length;
    expect(await preview.thumbnailUrl('p', bucket, 'img/huge.jpg', 128, 2048)).toBeNull();
    expect((await preview.thumbnailUrl('p', bucket, 'img/pic.png', 128, 8))?.contentType).toBe('image/png');
    expect(fx.requests.length).toBe(before);

    const processing = new PreviewService(fx.clients, { supportsImageProcessing: () => true });
    const processed = await processing.thumbnailUrl('p', bucket, 'img/pic.png', 128);
    expect(processed?.processed).toBe(true);
    expect(decodeURIComponent(processed!.url)).toContain('x-oss-process=image/resize,m_lfit,w_128,h_128');
  });
});
