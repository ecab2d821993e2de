/**
 * "Try the local sandbox": runs the emulator inside the app (data in the user data folder,
 * so files a newcomer uploads are still there next time), seeds sample buckets on first
 * start, and tells the profiles feature where each region listens.
 *
 * Other local processes can reach its loopback ports, so it is not left open (issue 10,
 * finding 7): every start gets fresh random AccessKeys instead of the published demo keys
 * (the profiles feature stores them in the sandbox profile's keychain entry), the
 * credential-issuing endpoints need a token only this process knows, and a Host header other
 * than the port's own loopback name is refused (DNS rebinding).
 */
import { randomBytes } from 'node:crypto';
import OSS from 'ali-oss';
import { SANDBOX_CONFIG } from '../../../emulator/config';
import type { IamConfig } from '../../../emulator/iam/iam-config';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../emulator/index';
import { createStore } from '../../../emulator/store/index';
import type { SandboxLauncher } from '../profiles/profiles-feature';

export interface SandboxServiceOptions {
  /** Where the sandbox keeps its buckets; omit for an in-memory sandbox (tests). */
  dataDir?: string;
  start?: (opts: EmulatorOptions) => Promise<RunningEmulator>;
}

/** Sample content: two regions, folders, a restricted user's photos/ prefix, non-ASCII names. */
export const SAMPLE_BUCKETS: Array<{ name: string; region: string; objects: Record<string, string> }> = [
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

export class SandboxService implements SandboxLauncher {
  private running?: Promise<RunningEmulator>;
  private readonly options: SandboxServiceOptions;

  constructor(options: SandboxServiceOptions = {}) {
    this.options = options;
  }

  /** The running emulator (started once; later calls reuse it). */
  emulator(): Promise<RunningEmulator> {
    if (!this.running) {
      const start = this.options.start ?? startEmulator;
      // The store is passed in (not lazily imported) so bundlers and test loaders can follow it.
      const locked = { config: withFreshKeys(SANDBOX_CONFIG), sideToken: randomBytes(24).toString('base64url'), loopbackHostOnly: true };
      const opts: EmulatorOptions = this.options.dataDir ? { dataDir: this.options.dataDir, port: 0, createStore, ...locked } : { memory: true, port: 0, createStore, ...locked };
      this.running = start(opts).then(async (emu) => {
        await seed(emu);
        return emu;
      });
      this.running.catch(() => (this.running = undefined));
    }
    return this.running;
  }

  async start(): Promise<{ regionUrls: Record<string, string>; region: string; accessKeyId: string; accessKeySecret: string }> {
    const emu = await this.emulator();
    const key = emu.accounts.find((a) => a.kind === 'account')!;
    return { regionUrls: emu.endpoints, region: emu.region, accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret };
  }

  async close(): Promise<void> {
    const r = this.running;
    this.running = undefined;
    if (r) await (await r).close();
  }
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `n` random letters and digits (rejection sampling keeps them uniform). */
function randomAlnum(n: number): string {
  let out = '';
  while (out.length < n) for (const b of randomBytes(n)) if (b < 248 && out.length < n) out += ALNUM[b % 62];
  return out;
}

/** The sandbox identities with every published demo AccessKey replaced by a random one. */
export function withFreshKeys(config: IamConfig): IamConfig {
  const fresh = (keys: Array<{ id: string; secret: string }>) => keys.map(() => ({ id: `LTAI5t${randomAlnum(18)}`, secret: randomAlnum(30) }));
  return {
    ...config,
    accounts: config.accounts.map((a) => ({ ...a, accessKeys: fresh(a.accessKeys), users: a.users.map((u) => ({ ...u, accessKeys: fresh(u.accessKeys) })) })),
  };
}

/** Creates the sample buckets that are missing (a persisted sandbox keeps the user's changes). */
async function seed(emu: RunningEmulator): Promise<void> {
  const key = emu.accounts.find((a) => a.kind === 'account')!;
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
  for (const b of SAMPLE_BUCKETS) {
    if (existing.has(b.name) || !emu.endpoints[b.region]) continue;
    await clientFor(b.region).putBucket(b.name);
    const client = clientFor(b.region, b.name);
    for (const [name, body] of Object.entries(b.objects)) await client.put(name, Buffer.from(body, 'utf8'));
  }
}
