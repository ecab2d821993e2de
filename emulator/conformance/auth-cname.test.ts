/** Custom domains (CNAME) bound to buckets, used by ali-oss with `cname: true`, V1 and V4. */
import OSS from 'ali-oss';
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index';
import { admin, aliClient, loopbackLookup, rawRequest } from './auth-clients';

let emu: RunningEmulator;
const agent = new Agent({ keepAlive: true, lookup: loopbackLookup });

beforeAll(async () => {
  emu = await startEmulator({ memory: true, port: 0, cnames: { 'photos.example.test': 'cname-photos' } });
  const owner = aliClient(emu, { credentials: emu.accounts[0]!, v4: true });
  await owner.putBucket('cname-photos');
  await owner.putBucket('cname-docs');
});
afterAll(async () => {
  await emu?.close();
  agent.destroy();
});

function cnameClient(domain: string, bucket: string, v4: boolean): OSS {
  const port = new URL(emu.endpoint).port;
  const { accessKeyId, accessKeySecret } = emu.accounts[0]!;
  return new OSS({ accessKeyId, accessKeySecret, endpoint: `http://${domain}:${port}`, cname: true, bucket, region: emu.region, authorizationV4: v4, agent } as OSS.Options);
}

describe.each([false, true])('custom domain, v4=%s', (v4) => {
  it('reads and writes the bound bucket through the domain, and signs URLs for it', async () => {
    const client = cnameClient('photos.example.test', 'cname-photos', v4);
    await client.put(`via-cname-${v4}.txt`, Buffer.from('cname'));
    expect((await client.get(`via-cname-${v4}.txt`)).content.toString()).toBe('cname');
    const url = client.signatureUrl(`via-cname-${v4}.txt`, { expires: 60 });
    expect(new URL(url).hostname).toBe('photos.example.test');
    expect((await rawRequest(url)).text).toBe('cname');
    const direct = aliClient(emu, { credentials: emu.accounts[0]!, v4, bucket: 'cname-photos' });
    expect((await direct.get(`via-cname-${v4}.txt`)).content.toString()).toBe('cname');
  });
});

describe('binding domains at run time', () => {
  it('binds a new domain through the admin API', async () => {
    const bound = await admin(emu, 'PUT', 'cnames', { 'photos.example.test': 'cname-photos', 'Docs.Example.Test': 'cname-docs' });
    expect(JSON.parse(bound.text)).toEqual({ 'photos.example.test': 'cname-photos', 'docs.example.test': 'cname-docs' });
    const client = cnameClient('docs.example.test', 'cname-docs', true);
    await client.put('d.txt', Buffer.from('docs'));
    expect((await aliClient(emu, { credentials: emu.accounts[0]!, v4: true, bucket: 'cname-docs' }).get('d.txt')).content.toString()).toBe('docs');
  });
});
