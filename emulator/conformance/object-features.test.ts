/** Object ACLs, tagging, symlinks and archive restores through ali-oss. */
import type OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNING, bucketName, codeOf, startTarget, type Target } from './target';

let target: Target;
beforeAll(async () => {
  target = await startTarget();
});
afterAll(async () => {
  await target.close();
});

type FeatureClient = OSS & {
  putACL(name: string, acl: string): Promise<unknown>;
  getACL(name: string): Promise<{ acl: string }>;
  putObjectTagging(name: string, tags: Record<string, string>): Promise<{ status: number }>;
  getObjectTagging(name: string): Promise<{ tag: Record<string, string> }>;
  deleteObjectTagging(name: string): Promise<{ status: number }>;
  putSymlink(name: string, target: string, options?: object): Promise<unknown>;
  getSymlink(name: string): Promise<{ targetName: string }>;
  restore(name: string, options?: object): Promise<{ res: { status: number } }>;
};

function headers(r: { res: unknown }): Record<string, string> {
  return (r.res as { headers: Record<string, string> }).headers;
}

describe.each(SIGNING)('object ACL, tagging, symlinks, archive ($name)', ({ v4 }) => {
  let client: FeatureClient;
  beforeAll(async () => {
    const bucket = bucketName(v4 ? 'feat-v4' : 'feat-v1');
    await target.client(undefined, v4).putBucket(bucket);
    client = target.client(bucket, v4) as FeatureClient;
  });

  it('object ACL defaults to "default" and can be set by header or putACL', async () => {
    await client.put('acl/a', Buffer.from('a'));
    expect((await client.getACL('acl/a')).acl).toBe('default');
    await client.putACL('acl/a', 'public-read');
    expect((await client.getACL('acl/a')).acl).toBe('public-read');
    await client.put('acl/b', Buffer.from('b'), { headers: { 'x-oss-object-acl': 'private' } });
    expect((await client.getACL('acl/b')).acl).toBe('private');
    expect(await codeOf(client.put('acl/c', Buffer.from('c'), { headers: { 'x-oss-object-acl': 'everyone' } }))).toBe('InvalidArgument');
  });

  it('tags objects via header and API, and reports the count', async () => {
    await client.put('tag/a', Buffer.from('a'), { headers: { 'x-oss-tagging': 'k1=v1&k%202=v%2B%3D%2F' } });
    expect((await client.getObjectTagging('tag/a')).tag).toEqual({ k1: 'v1', 'k 2': 'v+=/' });
    expect(headers(await client.head('tag/a'))['x-oss-tagging-count']).toBe('2');
    await client.putObjectTagging('tag/a', { project: 'x', 'key two': 'a:b/c' });
    expect((await client.getObjectTagging('tag/a')).tag).toEqual({ project: 'x', 'key two': 'a:b/c' });
    await client.put('tag/u', Buffer.from('u'), { headers: { 'x-oss-tagging': `${encodeURIComponent('中文 键')}=v` } });
    expect((await client.getObjectTagging('tag/u')).tag).toEqual({ '中文 键': 'v' });
    expect(await codeOf(client.put('tag/b', Buffer.from('b'), { headers: { 'x-oss-tagging': 'a=%3Cx%3E' } }))).toBe('InvalidTag');
    await client.deleteObjectTagging('tag/a');
    expect((await client.getObjectTagging('tag/a')).tag).toEqual({});
    const eleven = Array.from({ length: 11 }, (_, i) => `k${i}=v`).join('&');
    expect(await codeOf(client.put('tag/c', Buffer.from('c'), { headers: { 'x-oss-tagging': eleven } }))).toBe('InvalidTag');
  });

  it('symlinks return the target data and name', async () => {
    await client.put('real/目标 file.txt', Buffer.from('target data'), { mime: 'text/plain' });
    await client.putSymlink('link', 'real/目标 file.txt');
    expect((await client.getSymlink('link')).targetName).toBe('real/目标 file.txt');
    const got = await client.get('link');
    expect((got.content as Buffer).toString()).toBe('target data');
    expect(headers(got)['content-type']).toBe('text/plain');
    expect(headers(got)['x-oss-object-type']).toBe('Symlink');
    expect(await codeOf(client.getSymlink('real/目标 file.txt'))).toBe('NotSymlink');
    await client.putSymlink('dangling', 'nowhere');
    expect(await codeOf(client.get('dangling'))).toBe('SymlinkTargetNotExist');
  });

  it('archive objects need RestoreObject: 202, 409 while restoring, readable after the delay, then 200', async () => {
    await client.put('cold/a', Buffer.from('frozen'), { headers: { 'x-oss-storage-class': 'Archive' } });
    const head = headers(await client.head('cold/a'));
    expect(head['x-oss-storage-class']).toBe('Archive');
    expect(head['x-oss-restore']).toBeUndefined();
    expect(await codeOf(client.get('cold/a'))).toBe('InvalidObjectState');
    expect(((await client.restore('cold/a')) as unknown as { res: { status: number } }).res.status).toBe(202);
    expect(headers(await client.head('cold/a'))['x-oss-restore']).toBe('ongoing-request="true"');
    expect(await codeOf(client.restore('cold/a'))).toBe('RestoreAlreadyInProgress');
    expect(await codeOf(client.get('cold/a'))).toBe('InvalidObjectState');
    let restore = '';
    while (!restore.startsWith('ongoing-request="false"')) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      restore = headers(await client.head('cold/a'))['x-oss-restore'] ?? '';
    }
    expect(restore).toMatch(/^ongoing-request="false", expiry-date="[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT"$/);
    expect(((await client.get('cold/a')).content as Buffer).toString()).toBe('frozen');
    // ali-oss only accepts 202, so a repeated restore of a restored object (200) surfaces as an error with status 200.
    const again = await client.restore('cold/a').then(() => 202, (error: { status: number }) => error.status);
    expect(again).toBe(200);
    const listed = await client.list({ prefix: 'cold/', 'max-keys': 10 }, {});
    expect((listed.objects[0] as unknown as { restoreInfo: { ongoingRequest: boolean } }).restoreInfo.ongoingRequest).toBe(false);
    await client.put('warm', Buffer.from('w'));
    expect(await codeOf(client.restore('warm'))).toBe('OperationNotSupported');
  });

  it('ColdArchive restores too, and copying an unrestored archive object is refused', async () => {
    await client.put('cold/b', Buffer.from('b'), { headers: { 'x-oss-storage-class': 'ColdArchive' } });
    expect(await codeOf(client.copy('cold/b-copy', 'cold/b'))).toBe('InvalidObjectState');
    expect(((await client.restore('cold/b', { type: 'ColdArchive' })) as unknown as { res: { status: number } }).res.status).toBe(202);
  });
});
