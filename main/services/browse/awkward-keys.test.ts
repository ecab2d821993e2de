import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowseServices, type BrowseServices } from './browse-services';
import { eventLog } from '../../test-support/collect-events';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** The keys the issue lists; every one must survive list, head, rename and delete byte for byte. */
const AWKWARD = [
  'dir/with space.txt',
  'dir/ leading and trailing .txt ',
  'dir/plus+sign.txt',
  'dir/100%25 percent%.txt',
  'dir/hash#tag.txt',
  'dir/question?mark.txt',
  'dir/中文 文件.txt',
  'dir/emoji 😀🎉.txt',
  'dir/cafe\u0301-nfd.txt',
  'dir/caf\u00e9-nfc.txt',
  'dir/a//b.txt',
  'dir/amp&lt;x>.txt',
  `dir/${'k'.repeat(1023 - 'dir/'.length)}`,
];

describe('awkward keys', () => {
  let fx: BrowseFixture;
  let svc: BrowseServices;
  const bucket = 'awkward-keys';

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(bucket);
    await fx.seed(bucket, AWKWARD.map((key, i) => ({ key, body: `body-${i}` })));
    const log = eventLog();
    svc = createBrowseServices({ clients: fx.clients, dataDir: await mkdtemp(path.join(os.tmpdir(), 'awk-')), ...log, progressIntervalMs: 0 });
  });
  afterAll(async () => fx?.close());

  it('lists every key byte-exact (NFC and NFD stay distinct)', async () => {
    const page = await svc.listing.listPage({ profileId: 'p', bucket, prefix: 'dir/', delimiter: '', maxKeys: 1000 });
    expect(page.rows.map((r) => r.key).sort()).toEqual([...AWKWARD].sort());
    const withDelimiter = await svc.listing.listPage({ profileId: 'p', bucket, prefix: 'dir/', delimiter: '/', maxKeys: 1000 });
    expect(withDelimiter.rows.find((r) => r.isPrefix)).toMatchObject({ key: 'dir/a/', name: 'a' });
    const inner = await svc.listing.listPage({ profileId: 'p', bucket, prefix: 'dir/a/', delimiter: '/', maxKeys: 1000 });
    expect(inner.rows.map((r) => r.key)).toEqual(['dir/a//']);
  });

  it('heads, edits, renames and deletes each key', async () => {
    for (const [i, key] of AWKWARD.entries()) {
      const details = await svc.metadata.details('p', bucket, key);
      expect(details.key).toBe(key);
      expect(details.size).toBe(`body-${i}`.length);
      // CopyObject onto itself names the key in x-oss-copy-source: it must be encoded exactly.
      expect((await svc.metadata.setStorageClass('p', bucket, key, 'IA')).storageClass).toBe('IA');

      const renamed = key.length > 1000 ? `${key.slice(0, -3)}-rn` : `${key}-renamed`;
      const op = svc.operations.startRename({ profileId: 'p', bucket, fromKey: key, toKey: renamed, isPrefix: false });
      const final = await svc.operations.wait(op);
      expect(final).toMatchObject({ finished: true, done: 1, failedCount: 0 });
      expect((await svc.metadata.details('p', bucket, renamed)).size).toBe(`body-${i}`.length);

      const del = await svc.operations.wait(svc.operations.startDelete('p', bucket, [{ key: renamed, isPrefix: false }]));
      expect(del).toMatchObject({ done: 1, failedCount: 0 });
    }
    expect((await svc.listing.listPage({ profileId: 'p', bucket, prefix: '', delimiter: '', maxKeys: 1000 })).rows).toEqual([]);
  });
});
