/**
 * "Try the local sandbox": runs the emulator inside the app (data in the user data folder,
 * so files a newcomer uploads are still there next time), seeds sample buckets on first
 * start, and tells the profiles feature where each region listens.
 */
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
      const opts: EmulatorOptions = this.options.dataDir ? { dataDir: this.options.dataDir, port: 0, createStore } : { memory: true, port: 0, createStore };
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
