/**
 * The engine's housekeeping: a cancelled multipart upload is aborted on OSS, an orphan of
 * ours found at start-up is aborted, the computer is kept awake only while items run, the
 * taskbar shows progress, a batch that ends while the window is unfocused notifies, and a
 * stalled download is retried with the reason "stalled".
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NoticeLanguage } from './batch-notice';
import { CheckpointStore } from './checkpoint-store';
import { startHarness, type Harness } from './test-support/engine-harness';

const MiB = 1024 * 1024;
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('transfer lifecycle', () => {
  it('cancel aborts the multipart upload on OSS and removes its checkpoint', async () => {
    h = await startHarness({ tuning: { multipartThreshold: 2 * MiB, autoPartSize: 1 * MiB }, settings: { bandwidthUp: 2 * MiB, parallelParts: 1 } });
    await h.fx.createBucket('cancel');
    const path = await h.file('c/slow.bin', 12 * MiB);
    await h.intake.upload({ profileId: 'p', bucket: 'cancel', prefix: '', paths: [path], policy: 'overwrite' });
    const client = h.fx.accountClient('cancel');
    for (let i = 0; i < 200 && ((await client.listUploads({})).uploads ?? []).length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    expect((await client.listUploads({})).uploads).toHaveLength(1);
    expect(h.host.awake).toBe(1); // kept awake while it runs
    await h.engine.cancel(h.engine.ids({ all: true }));
    expect(h.engine.list(0, 1).items[0]!.state).toBe('cancelled');
    expect((await client.listUploads({})).uploads ?? []).toEqual([]);
    expect(await readdir(join(h.dataDir, 'checkpoints'))).toEqual([]);
    await h.settle();
    expect(h.host.awake).toBe(0);
    expect(h.host.calls.some((c) => c.kind === 'setProgress' && typeof c.fraction === 'number')).toBe(true);
  });

  it('aborts, at start-up, a multipart upload of ours whose item is gone', async () => {
    h = await startHarness();
    await h.fx.createBucket('orphan');
    const client = h.fx.accountClient('orphan');
    const { uploadId } = await client.initMultipartUpload('left/behind.bin');
    await new CheckpointStore(join(h.dataDir, 'checkpoints')).write({
      kind: 'upload', itemId: 'gone-item', profileId: 'p', bucket: 'orphan', key: 'left/behind.bin', localPath: '/nowhere', size: 10, mtimeMs: 1, partSize: 5, uploadId, parts: [],
    });
    // Someone else's upload (no checkpoint of ours) is left alone.
    const theirs = await client.initMultipartUpload('not/ours.bin');
    await h.restart();
    const left = ((await client.listUploads({})).uploads ?? []).map((u) => u.uploadId);
    expect(left).toEqual([theirs.uploadId]);
    expect(await readdir(join(h.dataDir, 'checkpoints'))).toEqual([]);
  });

  it('notifies when a batch ends while the window is unfocused, and not when it is focused, in the page\'s language', async () => {
    let language: NoticeLanguage = 'en';
    h = await startHarness({ language: () => language });
    await h.fx.createBucket('notify');
    const a = await h.file('n/a.txt', 'a');
    h.host.focused = false;
    await h.intake.upload({ profileId: 'p', bucket: 'notify', prefix: '', paths: [a], policy: 'overwrite' });
    await h.settle();
    expect(h.host.calls.filter((c) => c.kind === 'notify')).toEqual([{ kind: 'notify', notification: { title: 'Upload finished', body: '1 file done.' } }]);
    h.host.focused = true;
    await h.intake.upload({ profileId: 'p', bucket: 'notify', prefix: 'again/', paths: [a], policy: 'overwrite' });
    await h.settle();
    expect(h.host.calls.filter((c) => c.kind === 'notify')).toHaveLength(1);
    expect(h.finished).toHaveLength(2);
    // The page switched to Chinese (desktop:set-language): the next notification follows.
    language = 'zh-CN';
    h.host.focused = false;
    await h.intake.upload({ profileId: 'p', bucket: 'notify', prefix: 'zh/', paths: [a], policy: 'overwrite' });
    await h.settle();
    expect(h.host.calls.filter((c) => c.kind === 'notify').at(-1)).toEqual({ kind: 'notify', notification: { title: '上传完成', body: '1 个文件已完成。' } });
  });

  it('a download whose answer stalls is dropped and retried, saying it stalled, then arrives', async () => {
    h = await startHarness({ tuning: { stallMs: 300, requestAttempts: 3 } });
    await h.fx.createBucket('stall');
    await h.fx.seed('stall', [{ key: 's.bin', body: Buffer.alloc(3 * MiB, 1) }]);
    // The first two GETs hang for 2 s before answering; the third is served at once.
    await h.fx.fault({ match: { method: 'GET', path: '/stall/s.bin' }, action: 'latency', latencyMs: 2000, times: 2 });
    await h.intake.download({ profileId: 'p', bucket: 'stall', basePrefix: '', items: [{ key: 's.bin', isPrefix: false }], root: join(h.dir, 'out'), policy: 'overwrite' });
    const seen: string[] = [];
    for (let i = 0; i < 400; i++) {
      const item = h.engine.list(0, 1).items[0];
      if (item?.note?.kind === 'retrying') seen.push(item.note.reason);
      if (item?.state === 'failed' || item?.state === 'done') break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const item = h.engine.list(0, 1).items[0]!;
    expect(seen).toContain('stalled');
    expect(item).toMatchObject({ state: 'done', verified: true });
    expect(await readdir(join(h.dir, 'out'))).toEqual(['s.bin']);
  });
});
