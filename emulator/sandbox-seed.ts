/**
 * The sample content of the local sandbox — two regions, folders, the restricted user's
 * photos/ prefix, non-ASCII names — shared by the app's sandbox service and `npm run emulator
 * -- --seed`, so the printed RAM user has something to read in both.
 */
import OSS from 'ali-oss';
import type { RunningEmulator } from './index';

/** One sample bucket: its region and its objects (key → UTF-8 text). */
export interface SampleBucket {
  name: string;
  region: string;
  objects: Record<string, string>;
}

export const SAMPLE_BUCKETS: SampleBucket[] = [
  {
    name: 'sandbox-photos',
    region: 'oss-cn-hangzhou',
    objects: {
      'photos/2024/beach.txt': 'A picture of a beach would be here.\n',
      'photos/2024/mountain.txt': 'A picture of a mountain would be here.\n',
      'photos/README.txt': 'The photos-reader RAM user may open only this folder.\n',
      'private/salaries.csv': 'name,amount\nalice,1\n',
    },
  },
  {
    name: 'sandbox-docs',
    region: 'oss-cn-shanghai',
    objects: {
      'README.txt': 'Welcome to the OSS Browser sandbox. Everything here runs on your computer.\n',
      'reports/2024/q1.csv': 'month,visits\njan,100\nfeb,120\nmar,90\n',
      '文档/说明.txt': '这是一个示例文件。\n',
    },
  },
];

/**
 * Creates the sample buckets that are missing, through the emulator's own endpoints with the
 * first account's key (a persisted sandbox keeps the user's changes). Returns the names created.
 */
export async function seedSampleBuckets(emu: RunningEmulator): Promise<string[]> {
  const key = emu.accounts.find((a) => a.kind === 'account');
  if (!key) throw new Error('The emulator config has no account key to seed the sample buckets with.');
  const clientFor = (region: string, bucket?: string) =>
    new OSS({
      accessKeyId: key.accessKeyId,
      accessKeySecret: key.accessKeySecret,
      endpoint: emu.endpoints[region] ?? emu.endpoint,
      region,
      sldEnable: true,
      authorizationV4: true,
      ...(bucket ? { bucket } : {}),
    } as OSS.Options);
  const listed = (await clientFor(emu.region).listBuckets({}, {})) as unknown as { buckets?: Array<{ name: string }> | null };
  const existing = new Set((listed.buckets ?? []).map((b) => b.name));
  const created: string[] = [];
  for (const b of SAMPLE_BUCKETS) {
    if (existing.has(b.name) || !emu.endpoints[b.region]) continue;
    await clientFor(b.region).putBucket(b.name);
    const client = clientFor(b.region, b.name);
    for (const [name, body] of Object.entries(b.objects)) await client.put(name, Buffer.from(body, 'utf8'));
    created.push(b.name);
  }
  return created;
}
