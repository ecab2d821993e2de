/** The on-disk store: restart, crash recovery of the journal, reads during overwrites, aborted uploads. */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../conformance/store-harness';
import { ossClient } from '../conformance/oss-client';

describe('store on disk', () => {
  let dir = '';
  let harness: Harness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps buckets, objects and uploads across a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'store-'));
    harness = await startHarness({ dataDir: dir });
    let client = ossClient(harness.endpoint, 'persist', true);
    await client.putBucket('persist');
    await client.put('a/b.txt', Buffer.from('hello'));
    await client.put('gone', Buffer.from('x'));
    await client.delete('gone');
    await client.put('a/b.txt', Buffer.from('hello again'));
    await harness.close();

    harness = await startHarness({ dataDir: dir });
    client = ossClient(harness.endpoint, 'persist', true);
    const got = await client.get('a/b.txt');
    expect(got.content.toString()).toBe('hello again');
    const list = await client.listV2({ 'max-keys': '10' }, {});
    expect(list.objects.map((o) => o.name)).toEqual(['a/b.txt']);
    expect((await harness.store.getBucket('persist'))?.region).toBe('oss-cn-hangzhou');
  });

  it('seeds 100k keys quickly and lists them in pages', async () => {
    dir = mkdtempSync(join(tmpdir(), 'store-'));
    harness = await startHarness({ dataDir: dir });
    await harness.store.createBucket('seeded', '1234567890123456', 'oss-cn-hangzhou');
    const keys = Array.from({ length: 100_000 }, (_, i) => `folder/file-${String(i).padStart(6, '0')}.bin`);
    expect(await harness.store.seedObjects('seeded', keys.map((key) => ({ key, size: 10 })))).toBe(100_000);
    const client = ossClient(harness.endpoint, 'seeded', false);
    const page = await client.listV2({ prefix: 'folder/', 'max-keys': '1000', 'start-after': 'folder/file-049999.bin' }, {});
    expect(page.objects).toHaveLength(1000);
    expect(page.objects[0]?.name).toBe('folder/file-050000.bin');
    expect(page.objects[0]?.size).toBe(10);
    const body = await client.get('folder/file-000007.bin');
    expect(body.content).toEqual(Buffer.alloc(10));
    await harness.close();
    harness = await startHarness({ dataDir: dir });
    const again = await ossClient(harness.endpoint, 'seeded', false).list({ prefix: 'folder/file-09999', 'max-keys': '1000' }, {});
    expect(again.objects.map((o) => o.name)).toEqual(keys.slice(99_990));
  });
});

describe('store on disk: recovery', () => {
  let dir = '';
  let harness: Harness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function reopen(): Promise<Harness> {
    await harness?.close();
    harness = await startHarness({ dataDir: dir });
    return harness;
  }

  it('resumes multipart uploads and appendable objects after a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'store-'));
    let h = await reopen();
    let c = ossClient(h.endpoint, 'resume', true) as unknown as MultipartClient;
    await (c as unknown as { putBucket(n: string): Promise<unknown> }).putBucket('resume');
    const { uploadId } = await c.initMultipartUpload('big');
    const part1 = Buffer.alloc(100 * 1024, 1);
    const p1 = await c._uploadPart('big', uploadId, 1, { stream: Readable.from([part1]), size: part1.length });
    await c.append('log', Buffer.from('one,'));
    h = await reopen();
    c = ossClient(h.endpoint, 'resume', true) as unknown as MultipartClient;
    const parts = await c.listParts('big', uploadId);
    expect([parts.parts].flat().map((p) => p.PartNumber)).toEqual(['1']);
    const p2 = await c._uploadPart('big', uploadId, 2, { stream: Readable.from([Buffer.from('tail')]), size: 4 });
    await c.completeMultipartUpload('big', uploadId, [{ number: 1, etag: p1.etag }, { number: 2, etag: p2.etag }]);
    await c.append('log', Buffer.from('two'), { position: '4' });
    h = await reopen();
    c = ossClient(h.endpoint, 'resume', true) as unknown as MultipartClient;
    expect(((await c.get('big')).content as Buffer).length).toBe(100 * 1024 + 4);
    expect(((await c.get('log')).content as Buffer).toString()).toBe('one,two');
  });

  it('ignores a torn last journal line, drops orphan blobs and compacts the journal', async () => {
    dir = mkdtempSync(join(tmpdir(), 'store-'));
    let h = await reopen();
    await h.store.createBucket('torn', '1', 'oss-cn-hangzhou');
    const c = ossClient(h.endpoint, 'torn', false);
    for (let i = 0; i < 1200; i++) await h.store.seedObjects('torn', [{ key: 'same', body: `v${i}` }]);
    await c.put('kept', Buffer.from('kept'));
    await h.close();
    harness = null;
    const journal = join(dir, 'buckets', 'torn', 'journal.jsonl');
    appendFileSync(journal, '{"t":"put","o":{"key":"half');
    writeFileSync(join(dir, 'buckets', 'torn', 'blobs', 'orphan'), 'lost body');
    h = await reopen();
    const c2 = ossClient(h.endpoint, 'torn', false);
    expect(((await c2.get('same')).content as Buffer).toString()).toBe('v1199');
    expect(((await c2.get('kept')).content as Buffer).toString()).toBe('kept');
    expect(existsSync(join(dir, 'buckets', 'torn', 'blobs', 'orphan'))).toBe(false);
    expect(readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(2);
    expect(readdirSync(join(dir, 'buckets', 'torn', 'blobs'))).toHaveLength(2);
  });

  it('forgets a bucket whose record is gone and removes deleted buckets from disk', async () => {
    dir = mkdtempSync(join(tmpdir(), 'store-'));
    let h = await reopen();
    await h.store.createBucket('gone', '1', 'oss-cn-hangzhou');
    await h.store.createBucket('half', '1', 'oss-cn-hangzhou');
    await ossClient(h.endpoint, undefined, true).deleteBucket('gone');
    expect(existsSync(join(dir, 'buckets', 'gone'))).toBe(false);
    rmSync(join(dir, 'buckets', 'half', 'bucket.json'));
    h = await reopen();
    expect(await h.store.getBucket('half')).toBeNull();
    expect(existsSync(join(dir, 'buckets', 'half'))).toBe(false);
  });
});

type MultipartClient = {
  initMultipartUpload(name: string): Promise<{ uploadId: string }>;
  _uploadPart(name: string, id: string, n: number, data: { stream: NodeJS.ReadableStream; size: number }): Promise<{ etag: string }>;
  listParts(name: string, id: string): Promise<{ parts: Array<{ PartNumber: string }> }>;
  completeMultipartUpload(name: string, id: string, parts: Array<{ number: number; etag: string }>): Promise<unknown>;
  append(name: string, data: Buffer, options?: { position: string }): Promise<unknown>;
  get(name: string): Promise<{ content: unknown }>;
};

describe('store on disk: reads during overwrites', () => {
  it('finishes streaming the old body when the object is replaced mid-GET', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const h = await startHarness({ dataDir: dir });
    try {
      await h.store.createBucket('race', '1', 'oss-cn-hangzhou');
      const c = ossClient(h.endpoint, 'race', true) as unknown as MultipartClient & { put(k: string, b: Buffer): Promise<unknown> };
      const { uploadId } = await c.initMultipartUpload('obj');
      const parts = [Buffer.alloc(4 * 1024 * 1024, 1), Buffer.alloc(4 * 1024 * 1024, 2), Buffer.alloc(4 * 1024 * 1024, 3)];
      const etags: string[] = [];
      for (const [i, p] of parts.entries()) etags.push((await c._uploadPart('obj', uploadId, i + 1, { stream: Readable.from([p]), size: p.length })).etag);
      await c.completeMultipartUpload('obj', uploadId, etags.map((etag, i) => ({ number: i + 1, etag })));
      const res = await fetch(`${h.endpoint}/race/obj`);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const first = await reader.read();
      await c.put('obj', Buffer.from('new'));
      let total = first.value?.length ?? 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        total += value.length;
      }
      expect(total).toBe(12 * 1024 * 1024);
      expect(((await c.get('obj')).content as Buffer).toString()).toBe('new');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(readdirSync(join(dir, 'buckets', 'race', 'blobs'))).toHaveLength(1);
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('store on disk: aborted uploads', () => {
  it('leaves no object and no temp file when the client disconnects mid-body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const h = await startHarness({ dataDir: dir });
    try {
      await h.store.createBucket('cut', '1', 'oss-cn-hangzhou');
      for (const size of [1000, 64 * 1024 * 1024]) {
        await new Promise<void>((resolve, reject) => {
          const socket = connect(h.port, '127.0.0.1', () => {
            socket.write(`PUT /cut/partial HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${size}\r\n\r\n`);
            socket.write(Buffer.alloc(Math.floor(size / 2), 1), () => setTimeout(() => socket.destroy(), 100));
          });
          socket.on('close', () => resolve());
          socket.on('error', reject);
        });
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(await h.store.getObjectAcl('cut', 'partial')).toBeNull();
        expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
        expect(readdirSync(join(dir, 'buckets', 'cut', 'blobs'))).toEqual([]);
      }
    } finally {
      await h.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
