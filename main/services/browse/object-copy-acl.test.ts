/**
 * A copy or move must keep who may read each object (its ACL), its storage class and its
 * tags — on every path: server-side copy, multipart copy and cross-region streaming, for
 * folders as well as single objects. A folder move that silently reset private objects to
 * "default" made them public inside a public-read bucket.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectTags } from '../oss/copy-properties';
import { createBrowseServices, type BrowseServices } from './browse-services';
import { eventLog } from '../../test-support/collect-events';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

interface Props {
  acl: string;
  storageClass: string;
  tags: Record<string, string>;
}

/** Small objects stay on CopyObject; `big` ones (300 KiB) go over the 250 KiB test threshold. */
const SMALL = Buffer.from('small body');
const BIG = Buffer.alloc(300 * 1024, 7);

const FOLDER: Array<{ name: string; acl?: string; storageClass?: string; tags?: string; body: Buffer }> = [
  { name: 'private.txt', acl: 'private', body: SMALL },
  { name: 'public.txt', acl: 'public-read', body: SMALL },
  { name: 'default.txt', body: SMALL },
  { name: 'ia-tagged.txt', acl: 'private', storageClass: 'IA', tags: 'team=finance&year=2024', body: SMALL },
  { name: 'big-private.bin', acl: 'private', storageClass: 'IA', tags: 'team=finance', body: BIG },
  { name: 'big-public.bin', acl: 'public-read', body: BIG },
];

const EXPECTED: Record<string, Props> = {
  'private.txt': { acl: 'private', storageClass: 'Standard', tags: {} },
  'public.txt': { acl: 'public-read', storageClass: 'Standard', tags: {} },
  'default.txt': { acl: 'default', storageClass: 'Standard', tags: {} },
  'ia-tagged.txt': { acl: 'private', storageClass: 'IA', tags: { team: 'finance', year: '2024' } },
  'big-private.bin': { acl: 'private', storageClass: 'IA', tags: { team: 'finance' } },
  'big-public.bin': { acl: 'public-read', storageClass: 'Standard', tags: {} },
};

describe('copies and moves keep ACL, storage class and tags', () => {
  let fx: BrowseFixture;
  let svc: BrowseServices;
  const log = eventLog();

  const propsOf = async (bucket: string, key: string): Promise<Props> => {
    // The fixture's provider routes each bucket to its region's port.
    const client = await fx.clients.forBucket('p', bucket);
    const [acl, head, tagging] = await Promise.all([
      client.getACL(key),
      client.head(key),
      objectTags(client, key),
    ]);
    const headers = head.res.headers as Record<string, string>;
    return { acl: acl.acl, storageClass: headers['x-oss-storage-class'] ?? 'Standard', tags: tagging };
  };

  const seedFolder = async (client: OSS, prefix: string): Promise<void> => {
    for (const o of FOLDER) {
      const headers: Record<string, string> = {};
      if (o.acl) headers['x-oss-object-acl'] = o.acl;
      if (o.storageClass) headers['x-oss-storage-class'] = o.storageClass;
      if (o.tags) headers['x-oss-tagging'] = o.tags;
      await client.put(prefix + o.name, o.body, { headers });
    }
  };

  const expectFolder = async (bucket: string, prefix: string): Promise<void> => {
    for (const [name, props] of Object.entries(EXPECTED)) {
      expect({ key: prefix + name, ...(await propsOf(bucket, prefix + name)) }).toEqual({ key: prefix + name, ...props });
    }
  };

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket('acl-src');
    await fx.createBucket('acl-dst');
    await fx.createBucket('acl-far', fx.regions.find((r) => r !== fx.region));
    svc = createBrowseServices({
      clients: fx.clients,
      dataDir: await mkdtemp(path.join(os.tmpdir(), 'copy-acl-')),
      ...log,
      progressIntervalMs: 0,
      copy: { multipartThreshold: 250 * 1024, partSize: 100 * 1024 },
    });
  });
  afterAll(async () => fx?.close());

  it('renames a folder in its bucket: private stays private, public stays public, default stays default', async () => {
    await seedFolder(fx.accountClient('acl-src'), 'team/');
    const id = svc.operations.startRename({ profileId: 'p', bucket: 'acl-src', fromKey: 'team/', toKey: 'team-2024', isPrefix: true });
    expect(await svc.operations.wait(id)).toMatchObject({ kind: 'move', done: FOLDER.length, failedCount: 0 });
    await expectFolder('acl-src', 'team-2024/');
  });

  it('moves a folder to another bucket in the region, small and multipart objects alike', async () => {
    await seedFolder(fx.accountClient('acl-src'), 'move-me/');
    fx.requests.length = 0;
    const id = svc.operations.startCopy({ profileId: 'p', bucket: 'acl-src', items: [{ key: 'move-me/', isPrefix: true }], targetBucket: 'acl-dst', targetPrefix: '', move: true });
    expect(await svc.operations.wait(id)).toMatchObject({ done: FOLDER.length, failedCount: 0 });
    // The two big objects really took the multipart path.
    expect(fx.requests.filter((r) => r.method === 'PUT' && r.url.includes('partNumber=')).length).toBe(6);
    await expectFolder('acl-dst', 'move-me/');
  });

  it('copies a folder to a bucket in another region by streaming, keeping the same properties', async () => {
    await seedFolder(fx.accountClient('acl-src'), 'far/');
    const id = svc.operations.startCopy({ profileId: 'p', bucket: 'acl-src', items: [{ key: 'far/', isPrefix: true }], targetBucket: 'acl-far', targetPrefix: '', move: false });
    expect(await svc.operations.wait(id)).toMatchObject({ done: FOLDER.length, failedCount: 0 });
    await expectFolder('acl-far', 'far/');
  });

  it('keeps a single object private when it is copied or renamed', async () => {
    await seedFolder(fx.accountClient('acl-src'), 'one/');
    const copy = svc.operations.startCopy({
      profileId: 'p',
      bucket: 'acl-src',
      items: FOLDER.map((o) => ({ key: `one/${o.name}`, isPrefix: false })),
      targetBucket: 'acl-dst',
      targetPrefix: 'one-copy/',
      move: false,
    });
    expect(await svc.operations.wait(copy)).toMatchObject({ done: FOLDER.length, failedCount: 0 });
    await expectFolder('acl-dst', 'one-copy/');
    const rename = svc.operations.startRename({ profileId: 'p', bucket: 'acl-src', fromKey: 'one/big-private.bin', toKey: 'one/big-renamed.bin', isPrefix: false });
    expect(await svc.operations.wait(rename)).toMatchObject({ done: 1, failedCount: 0 });
    expect(await propsOf('acl-src', 'one/big-renamed.bin')).toEqual(EXPECTED['big-private.bin']);
  });

  it('does not copy an object whose ACL it may not read, rather than guess who may see the copy', async () => {
    await seedFolder(fx.accountClient('acl-src'), 'guarded/');
    await fx.fault({ match: { method: 'GET', path: 'guarded/private.txt', operation: 'oss:GetObjectAcl' }, action: 'error', status: 403, code: 'AccessDenied' });
    const id = svc.operations.startCopy({ profileId: 'p', bucket: 'acl-src', items: [{ key: 'guarded/', isPrefix: true }], targetBucket: 'acl-dst', targetPrefix: '', move: true });
    const final = await svc.operations.wait(id);
    await fx.clearFaults();
    // `done` counts every key handled, failed ones included.
    expect(final).toMatchObject({ done: FOLDER.length, failedCount: 1 });
    expect(final!.failed[0]).toMatchObject({ key: 'guarded/private.txt', code: 'AccessDenied', requestId: expect.any(String), message: expect.stringMatching(/^Not copied: who may open it/) });
    await expect(fx.accountClient('acl-dst').head('guarded/private.txt')).rejects.toMatchObject({ status: 404 });
    expect((await fx.accountClient('acl-src').getACL('guarded/private.txt')).acl).toBe('private');
  });
});
