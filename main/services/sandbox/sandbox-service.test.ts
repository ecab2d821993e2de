import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OSS from 'ali-oss';
import { afterEach, describe, expect, it } from 'vitest';
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
