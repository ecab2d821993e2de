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
import { SANDBOX_CONFIG } from '../../../emulator/config';
import type { IamConfig } from '../../../emulator/iam/iam-config';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../../emulator/index';
import { SAMPLE_BUCKETS, seedSampleBuckets } from '../../../emulator/sandbox-seed';
import { createStore } from '../../../emulator/store/index';

export interface SandboxServiceOptions {
  /** Where the sandbox keeps its buckets; omit for an in-memory sandbox (tests). */
  dataDir?: string;
  start?: (opts: EmulatorOptions) => Promise<RunningEmulator>;
}

/** Sample content (moved to the emulator so `npm run emulator -- --seed` loads the same). */
export { SAMPLE_BUCKETS };

/** Matches profiles' SandboxLauncher (checked where app-context passes it in; features do not import each other). */
export class SandboxService {
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
        await seedSampleBuckets(emu);
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
