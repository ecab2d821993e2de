import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreviewServer } from '../services/preview/preview-server';
import { PreviewService } from '../services/browse/preview-service';
import { startBrowseFixture, type BrowseFixture } from '../test-support/emulator-fixture';

// 中文编码测试 in GBK.
const GBK = Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xb1, 0xe0, 0xc2, 0xeb, 0xb2, 0xe2, 0xca, 0xd4]);
const LOCAL = /^http:\/\/127\.0\.0\.1:\d+\/p\/[A-Za-z0-9_-]{43}$/;

describe('PreviewService against the emulator', () => {
  let fx: BrowseFixture;
  let server: PreviewServer;
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
    server = new PreviewServer(fx.clients);
    preview = new PreviewService(fx.clients, server, { thumbnailSourceCap: 1024 });
  });
  afterAll(async () => {
    await server?.close();
    await fx?.close();
  });

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

  it('hands out a local link, not a presigned URL, that serves the object with a usable content type', async () => {
    const p = await preview.previewUrl('p', bucket, 'img/pic.png', 300);
    expect(p.contentType).toBe('image/png');
    expect(p.url).toMatch(LOCAL);
    expect(p.expiresAt).toBeGreaterThan(Date.now() + 290_000);
    const res = await fetch(p.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('serves V1-signing profiles the same way', async () => {
    const v1Server = new PreviewServer(fx.clientsV1);
    try {
      const p = await new PreviewService(fx.clientsV1, v1Server).previewUrl('p', bucket, 'img/pic.png', 300);
      expect(p.url).toMatch(LOCAL);
      const res = await fetch(p.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
    } finally {
      await v1Server.close();
    }
  });

  it('answers a missing object in the reply, before any link exists', async () => {
    await expect(preview.previewUrl('p', bucket, 'img/missing.png', 300)).rejects.toMatchObject({ status: 404 });
  });

  it('falls back to the original for thumbnails where image processing is unavailable, within a size cap', async () => {
    const thumb = await preview.thumbnailUrl('p', bucket, 'img/pic.png', 128);
    expect(thumb).toMatchObject({ processed: false, contentType: 'image/png' });
    expect(thumb!.url).toMatch(LOCAL);
    expect((await fetch(thumb!.url)).status).toBe(200);
    expect(await preview.thumbnailUrl('p', bucket, 'img/huge.jpg', 128)).toBeNull();
    // With the size from the listing row no HEAD is sent.
    const before = fx.requests.length;
    expect(await preview.thumbnailUrl('p', bucket, 'img/huge.jpg', 128, 2048)).toBeNull();
    expect((await preview.thumbnailUrl('p', bucket, 'img/pic.png', 128, 8))?.contentType).toBe('image/png');
    expect(fx.requests.length).toBe(before);
  });

  it('passes x-oss-process through the grant when OSS resizes thumbnails', async () => {
    const processing = new PreviewService(fx.clients, server, { supportsImageProcessing: () => true });
    const processed = await processing.thumbnailUrl('p', bucket, 'img/pic.png', 128);
    expect(processed?.processed).toBe(true);
    expect(processed!.url).toMatch(LOCAL);
    const sent: string[] = [];
    fx.onRequest((_method, url) => sent.push(url));
    const res = await fetch(processed!.url);
    // The emulator does not implement image processing (501), which the server reports as a failed read.
    expect(res.status).toBe(502);
    expect(decodeURIComponent(sent.at(-1)!)).toContain('x-oss-process=image/resize,m_lfit,w_128,h_128');
  });
});
