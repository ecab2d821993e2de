/**
 * Behaviours where the emulator used to differ from OSS, each through unmodified ali-oss or
 * raw HTTP: restore priority and JobParameters, symlink metadata and links to links,
 * PutBucketAcl's Location, OSS's exact denial and append messages, and which operations
 * honour `x-oss-traffic-limit`.
 */
import OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index';
import { aliClient, aliError, rawRequest, xmlField } from './auth-clients';

let emu: RunningEmulator;
let client: OSS;
const bucket = 'fidelity';
const owner = () => emu.accounts.find((k) => k.name === 'sandbox')!;
beforeAll(async () => {
  emu = await startEmulator({ memory: true, port: 0, restoreDelayMs: 60_000 });
  await aliClient(emu, { credentials: owner(), v4: true }).putBucket(bucket);
  client = aliClient(emu, { credentials: owner(), v4: true, bucket });
});
afterAll(async () => {
  await emu?.close();
});

const headersOf = (r: unknown) => (r as { res: { headers: Record<string, string> } }).res.headers;
const restoreStatus = (call: Promise<unknown>) =>
  call.then(
    (r) => ({ status: (r as { res: { status: number } }).res.status, priority: headersOf(r)['x-oss-object-restore-priority'] }),
    (e: { status: number; code: string }) => ({ status: e.status, priority: e.code }),
  );

describe('RestoreObject', () => {
  it('answers ColdArchive and DeepColdArchive restores with x-oss-object-restore-priority', async () => {
    await client.put('cold.bin', Buffer.from('c'), { headers: { 'x-oss-storage-class': 'ColdArchive' } });
    await client.put('deep.bin', Buffer.from('d'), { headers: { 'x-oss-storage-class': 'DeepColdArchive' } });
    await client.put('bulk.bin', Buffer.from('b'), { headers: { 'x-oss-storage-class': 'ColdArchive' } });
    expect(await restoreStatus(client.restore('cold.bin', { type: 'ColdArchive', JobParameters: 'Expedited' } as never))).toEqual({ status: 202, priority: 'Expedited' });
    expect(await restoreStatus(client.restore('deep.bin', { type: 'DeepColdArchive' } as never))).toEqual({ status: 202, priority: 'Standard' });
    expect(await restoreStatus(client.restore('bulk.bin', { type: 'ColdArchive', JobParameters: 'Bulk' } as never))).toEqual({ status: 202, priority: 'Bulk' });
  });

  it('refuses a tier a class does not offer (DeepColdArchive has no Bulk)', async () => {
    await client.put('deep-bulk.bin', Buffer.from('d'), { headers: { 'x-oss-storage-class': 'DeepColdArchive' } });
    const err = await aliError(client.restore('deep-bulk.bin', { type: 'DeepColdArchive', JobParameters: 'Bulk' } as never));
    expect([err.status, err.code, err.ecCode]).toEqual([400, 'InvalidArgument', '0016-00000703']);
  });

  it('answers JobParameters on an Archive object with MalformedXML, before looking at the restore state', async () => {
    await client.put('archive.bin', Buffer.from('a'), { headers: { 'x-oss-storage-class': 'Archive' } });
    const first = await aliError(client.restore('archive.bin', { type: 'ColdArchive' } as never));
    expect([first.status, first.code]).toEqual([400, 'MalformedXML']);
    expect(await restoreStatus(client.restore('archive.bin'))).toEqual({ status: 202, priority: undefined });
    // Restoring now: a JobParameters body is still MalformedXML, not RestoreAlreadyInProgress.
    const again = await aliError(client.restore('archive.bin', { type: 'ColdArchive' } as never));
    expect([again.status, again.code]).toEqual([400, 'MalformedXML']);
    expect((await aliError(client.restore('archive.bin'))).code).toBe('RestoreAlreadyInProgress');
  });
});

describe('symlinks', () => {
  it("GET and HEAD through a link return the link's own x-oss-meta-*, not the target's", async () => {
    await client.put('target.txt', Buffer.from('target body'), { meta: { owner: 'target', only: 'on-target' } } as never);
    await client.putSymlink('link.txt', 'target.txt', { meta: { owner: 'link' } } as never);
    const got = await client.get('link.txt');
    expect((got.content as Buffer).toString()).toBe('target body');
    expect(headersOf(got)['x-oss-meta-owner']).toBe('link');
    expect(headersOf(got)['x-oss-meta-only']).toBeUndefined();
    const head = headersOf(await client.head('link.txt'));
    expect([head['x-oss-meta-owner'], head['x-oss-meta-only'], head['x-oss-object-type']]).toEqual(['link', undefined, 'Symlink']);
  });

  it('answers a link to a link with 400 InvalidTargetType', async () => {
    await client.putSymlink('link-to-link.txt', 'link.txt');
    for (const call of [client.get('link-to-link.txt'), client.head('link-to-link.txt')]) {
      const err = await aliError(call);
      expect([err.status, err.code]).toEqual([400, 'InvalidTargetType']);
    }
  });
});

describe('bucket ACL', () => {
  it('PutBucketAcl answers Location: /<bucket>, as PutBucket does', async () => {
    const result = await client.putBucketACL(bucket, 'private');
    expect(headersOf(result).location).toBe(`/${bucket}`);
  });
});

describe("OSS's messages", () => {
  it("an implicit deny for a RAM user or an STS session: Access denied by authorizer's policy.", async () => {
    await client.put('docs/secret.txt', Buffer.from('s'));
    const reader = emu.accounts.find((k) => k.name === 'photos-reader')!;
    const asReader = aliClient(emu, { credentials: reader, v4: true, bucket });
    const denied = await aliError(asReader.get('docs/secret.txt'));
    expect([denied.status, denied.code, denied.message]).toEqual([403, 'AccessDenied', "Access denied by authorizer's policy."]);

    const sts = new OSS.STS({ accessKeyId: owner().accessKeyId, accessKeySecret: owner().accessKeySecret, endpoint: emu.stsEndpoint } as never);
    const readonlyRole = emu.roles.find((arn) => arn.endsWith('/sandbox-readonly'))!;
    const { credentials: c } = await sts.assumeRole(readonlyRole, undefined as never, 900, 'fidelity');
    const session = aliClient(emu, { credentials: { accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, stsToken: c.SecurityToken }, v4: true, bucket });
    const write = await aliError(session.put('docs/new.txt', Buffer.from('n')));
    expect([write.status, write.code, write.message]).toEqual([403, 'AccessDenied', "Access denied by authorizer's policy."]);
  });

  it('anonymous ListBuckets and PutBucket: Anonymous access is forbidden for this operation. (EC 0003-00001201)', async () => {
    for (const [method, path] of [['GET', '/'], ['PUT', '/anonymous-bucket'], ['PUT', `/${bucket}`]] as const) {
      const res = await rawRequest(`${emu.endpoint}${path}`, { method });
      expect([res.status, xmlField(res.text, 'Code'), xmlField(res.text, 'Message'), xmlField(res.text, 'EC')]).toEqual([
        403, 'AccessDenied', 'Anonymous access is forbidden for this operation.', '0003-00001201',
      ]);
    }
  });

  it("AppendObject's position mismatch: Position is not equal to file length", async () => {
    await client.append('log.txt', Buffer.from('12345'));
    const err = await aliError(client.append('log.txt', Buffer.from('6'), { position: '3' }));
    expect([err.status, err.code, err.message, err.ecCode]).toEqual([409, 'PositionNotEqualToLength', 'Position is not equal to file length', '0026-00000016']);
  });
});

describe('x-oss-traffic-limit', () => {
  // A fresh object per call: ali-oss writes into the options it is given.
  const tooLow = () => ({ headers: { 'x-oss-traffic-limit': '1000' } }) as never;

  it('applies to the data operations (an out-of-range value is refused there)', async () => {
    await client.put('limited.txt', Buffer.from('l'));
    expect((await aliError(client.get('limited.txt', tooLow()))).code).toBe('InvalidArgument');
    expect((await aliError(client.put('limited2.txt', Buffer.from('l'), tooLow()))).code).toBe('InvalidArgument');
    expect((await aliError(client.copy('limited3.txt', 'limited.txt', tooLow()))).code).toBe('InvalidArgument');
    expect((await aliError(client.append('limited4.txt', Buffer.from('l'), tooLow()))).code).toBe('InvalidArgument');
  });

  it('is ignored by every other operation, as OSS does', async () => {
    expect((await client.head('limited.txt', tooLow())).status).toBe(200);
    expect((await client.list({ 'max-keys': 1 }, tooLow())).objects).toHaveLength(1);
    expect((await client.getACL('limited.txt', tooLow())).acl).toBe('default');
    expect((await (client.getBucketInfo as (name: string, options: unknown) => Promise<{ bucket: { Name: string } }>).call(client, bucket, tooLow())).bucket.Name).toBe(bucket);
    expect((await client.delete('limited.txt', tooLow())).res.status).toBe(204);
  });
});
