/**
 * Unmodified ali-oss against the gate with the real store: V1 and V4 signing, path style
 * and virtual-host style, header-signed calls and presigned URLs (both versions).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index';
import { aliClient, rawRequest, type Style } from './auth-clients';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ memory: true, port: 0 });
});
afterAll(async () => {
  await emu?.close();
});

const combos: Array<{ v4: boolean; style: Style }> = [
  { v4: false, style: 'path' },
  { v4: true, style: 'path' },
  { v4: false, style: 'vhost' },
  { v4: true, style: 'vhost' },
];

describe.each(combos)('ali-oss signing V%#: v4=$v4 style=$style', ({ v4, style }) => {
  const bucket = `auth-${v4 ? 'v4' : 'v1'}-${style}`;
  const key = 'dir/a b+c(1)&ü%.txt';
  const body = 'hello from ali-oss';

  it('creates a bucket, writes, reads, lists, inspects and deletes through signed requests', async () => {
    const credentials = emu.accounts[0]!;
    const service = aliClient(emu, { credentials, v4, style });
    await service.putBucket(bucket);
    const client = aliClient(emu, { credentials, v4, style, bucket });
    await client.put(key, Buffer.from(body), { headers: { 'x-oss-meta-note': 'signed header', 'Cache-Control': 'no-cache' } });
    expect((await client.get(key)).content.toString()).toBe(body);
    const head = await client.head(key);
    expect(head.status).toBe(200);
    expect((head.res.headers as Record<string, string>)['x-oss-request-id']).toMatch(/^[0-9A-F]{24}$/);
    const listed = await client.list({ prefix: 'dir/', 'max-keys': 10 }, {});
    expect(listed.objects?.map((o) => o.name)).toEqual([key]);
    const v2 = await client.listV2({ prefix: 'dir/', 'max-keys': 1 } as never, {});
    expect(v2.objects?.map((o) => o.name)).toEqual([key]);
    await client.putBucketACL(bucket, 'private');
    expect((await client.getBucketACL(bucket)).acl).toBe('private');
    await client.delete(key);
    await expect(client.head(key)).rejects.toMatchObject({ status: 404 });
  });

  it('signs empty query values, non-ASCII keys and UTF-8 metadata sent as raw bytes (headerEncoding latin1)', async () => {
    const client = aliClient(emu, { credentials: emu.accounts[0]!, v4, style, bucket });
    expect((await client.list({ prefix: '', marker: '', 'max-keys': 5 }, {})).res.status).toBe(200);
    (client as unknown as { options: { headerEncoding: string } }).options.headerEncoding = 'latin1';
    await client.put('中文/文件 1.txt', Buffer.from('zh'), { headers: { 'x-oss-meta-title': '中文 naïve' } });
    const head = await client.head('中文/文件 1.txt');
    expect(Buffer.from(String((head.res.headers as Record<string, string>)['x-oss-meta-title']), 'latin1').toString('utf8')).toBe('中文 naïve');
  });

  it('signs URLs (V1 signatureUrl and V4 signatureUrlV4) that a plain HTTP client can use', async () => {
    const client = aliClient(emu, { credentials: emu.accounts[0]!, v4, style, bucket });
    await client.put(key, Buffer.from(body));
    const v1Url = client.signatureUrl(key, { expires: 600, response: { 'content-disposition': 'attachment' } } as never);
    expect(new URL(v1Url).hostname).toBe(style === 'vhost' ? `${bucket}.localhost` : 'localhost');
    const v1 = await rawRequest(v1Url);
    expect([v1.status, v1.text]).toEqual([200, body]);
    const v4Url = await client.signatureUrlV4('GET', 600, { headers: {}, queries: {} }, key);
    const signedV4 = await rawRequest(v4Url);
    expect([signedV4.status, signedV4.text]).toEqual([200, body]);
    const putUrl = client.signatureUrl('uploaded.txt', { method: 'PUT', expires: 600, 'Content-Type': 'text/plain' } as never);
    const put = await rawRequest(putUrl, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'via url' });
    expect(put.status).toBe(200);
    expect((await client.get('uploaded.txt')).content.toString()).toBe('via url');
  });
});
