import { mkdtemp, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OSS from 'ali-oss';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_CONFIG } from '../../../emulator/config';
import { SAMPLE_BUCKETS, SandboxService } from './sandbox-service';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function client(s: Awaited<ReturnType<SandboxService['start']>>, region: string, bucket?: string): OSS {
  return new OSS({ accessKeyId: s.accessKeyId, accessKeySecret: s.accessKeySecret, endpoint: s.regionUrls[region]!, region, sldEnable: true, authorizationV4: true, ...(bucket ? { bucket } : {}) } as OSS.Options);
}

describe('SandboxService', () => {
  it('seeds sample buckets once and keeps what the user added across restarts', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sandbox-'));
    const first = new SandboxService({ dataDir: dir });
    const s1 = await first.start();
    expect(await first.start()).toEqual(s1);
    const listed = (await client(s1, s1.region).listBuckets({}, {})) as unknown as { buckets: Array<{ name: string; region: string }> };
    expect(listed.buckets.map((b) => [b.name, b.region]).sort()).toEqual(SAMPLE_BUCKETS.map((b) => [b.name, b.region]).sort());
    const docs = SAMPLE_BUCKETS.find((b) => b.name === 'sandbox-docs')!;
    expect((await client(s1, docs.region, docs.name).get('文档/说明.txt')).content.toString()).toBe(docs.objects['文档/说明.txt']);
    await client(s1, docs.region, docs.name).put('mine.txt', Buffer.from('kept'));
    await first.close();

    const second = new SandboxService({ dataDir: dir });
    const s2 = await second.start();
    expect((await client(s2, docs.region, docs.name).get('mine.txt')).content.toString()).toBe('kept');
    await second.close();
  });
});

describe('the in-app sandbox is closed to other local processes (issue 10, finding 7)', () => {
  const rawGet = (url: string, host: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve, reject) => {
      const u = new URL(url);
      const req = httpRequest({ host: '127.0.0.1', port: u.port, path: u.pathname, method: 'GET', headers: { ...headers, host } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });

  it('signs with fresh random keys, never the published demo keys', async () => {
    const a = new SandboxService();
    const b = new SandboxService();
    try {
      const [sa, sb] = [await a.start(), await b.start()];
      const published = SANDBOX_CONFIG.accounts[0]!.accessKeys[0]!;
      expect(sa.accessKeyId).not.toBe(published.id);
      expect(sa.accessKeySecret).not.toBe(published.secret);
      expect(sa.accessKeySecret).not.toBe(sb.accessKeySecret);
      const demo = { ...sa, accessKeyId: published.id, accessKeySecret: published.secret };
      await expect(client(demo, sa.region).listBuckets({}, {})).rejects.toMatchObject({ code: 'InvalidAccessKeyId' });
      expect(((await client(sa, sa.region).listBuckets({}, {})) as unknown as { buckets: unknown[] }).buckets.length).toBeGreaterThan(0);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('hands out role credentials only with its token, and answers only its own loopback Host', async () => {
    const sandbox = new SandboxService();
    try {
      const emu = await sandbox.emulator();
      const side = new URL(emu.credentialsUriEndpoint);
      expect(await rawGet(emu.credentialsUriEndpoint, side.host)).toBe(401);
      expect(await rawGet(`${emu.ecsMetadataEndpoint}/latest/meta-data/ram/security-credentials/`, side.host)).toBe(401);
      const region = new URL(emu.endpoint);
      for (const host of [`evil.example:${region.port}`, `127.0.0.1.evil.example:${region.port}`, `localhost:${Number(region.port) + 100}`, 'localhost']) {
        expect(await rawGet(`${emu.endpoint}/`, host), host).toBe(421);
      }
      expect(await rawGet(emu.credentialsUriEndpoint, `evil.example:${side.port}`)).toBe(421);
      expect(await rawGet(`${emu.endpoint}/`, `localhost:${region.port}`)).not.toBe(421);
      expect(await rawGet(`${emu.endpoint}/`, `127.0.0.1:${region.port}`)).not.toBe(421);
    } finally {
      await sandbox.close();
    }
  });
});
