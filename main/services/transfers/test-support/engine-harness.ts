/**
 * Test harness: a real emulator (over HTTP), a TransferEngine on a temp data folder, a
 * scripted host, and helpers to make local files and wait for the queue to settle.
 */
import type { NoticeLanguage } from '../batch-notice';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describeError } from '../../oss/describe-error';
import { ScriptedDesktopHost } from '../../host/desktop-host';
import { startBrowseFixture, type BrowseFixture } from '../../../test-support/emulator-fixture';
import { SANDBOX_CONFIG } from '../../../../emulator/config';
import { BatchIntake } from '../batch-intake';
import { connectionClients } from '../engine-process';
import { TransferEngine, type EngineEvents } from '../transfer-engine';
import type { EngineTuning } from '../task-context';
import type { ConflictPlan, TransferSettings } from '../../../../shared/contract/transfers';

export interface Harness {
  fx: BrowseFixture;
  engine: TransferEngine;
  intake: BatchIntake;
  host: ScriptedDesktopHost;
  dir: string;
  dataDir: string;
  plans: ConflictPlan[];
  progressEvents: number[];
  /** Requests the engine's clients sent (only with `record: true`, which gives up keep-alive). */
  requests: Array<{ method: string; url: string }>;
  finished: Array<{ batchId: string; done: number; failed: number; skipped: number }>;
  /** Writes a file of random bytes (or given content) under the temp folder; returns its path. */
  file(rel: string, content: number | Buffer | string): Promise<string>;
  /** Resolves when no item is queued, running, verifying or preparing (and walks are done). */
  settle(timeoutMs?: number): Promise<void>;
  restart(tuning?: Partial<EngineTuning>): Promise<void>;
  close(): Promise<void>;
}

export const FAST: Partial<EngineTuning> = { retryBaseMs: 20, stallMs: 5000 };

export async function startHarness(
  options: {
    tuning?: Partial<EngineTuning>;
    settings?: Partial<TransferSettings>;
    fx?: BrowseFixture;
    record?: boolean;
    /** Drop x-oss-hash-crc64ecma from every answer, as a proxy or an old gateway might. */
    stripCrc?: boolean;
    /** The page's language as main knows it (read at each notification). */
    language?: () => NoticeLanguage;
  } = {},
): Promise<Harness> {
  const fx = options.fx ?? (await startBrowseFixture());
  const dir = await mkdtemp(join(tmpdir(), 'transfers-'));
  const dataDir = join(dir, 'data');
  const host = new ScriptedDesktopHost();
  const plans: ConflictPlan[] = [];
  const progressEvents: number[] = [];
  const finished: Harness['finished'] = [];
  const events: EngineEvents = {
    progress: () => progressEvents.push(Date.now()),
    conflictPlan: (p) => plans.push(p),
    batchFinished: (b) => finished.push(b),
  };
  // Keep-alive clients as in the app (the fixture's recording clients open a connection per request).
  const key = SANDBOX_CONFIG.accounts.find((a) => a.name === 'sandbox')!.accessKeys[0]!;
  const requests: Harness['requests'] = [];
  const clients = connectionClients(
    { endpoint: fx.endpoint, region: fx.region, accessKeyId: key.id, accessKeySecret: key.secret },
    options.record ? (method, url) => requests.push({ method, url }) : undefined,
    options.stripCrc ? (headers) => delete headers['x-oss-hash-crc64ecma'] : undefined,
  );
  const make = async (tuning?: Partial<EngineTuning>): Promise<[TransferEngine, BatchIntake]> => {
    const engine = new TransferEngine({
      dataDir,
      clients,
      events,
      host,
      describeError,
      ...(options.language ? { language: options.language } : {}),
      tuning: { ...FAST, ...options.tuning, ...tuning },
      settings: { parallelFiles: 4, parallelParts: 4, partSize: 'auto', bandwidthUp: 0, bandwidthDown: 0, conflictDefault: 'ask', downloadFolder: '', ...options.settings },
    });
    await engine.start();
    const intake = new BatchIntake(engine);
    intake.resumeAll();
    return [engine, intake];
  };
  let [engine, intake] = await make();
  const h: Harness = {
    fx,
    engine,
    intake,
    host,
    dir,
    dataDir,
    plans,
    progressEvents,
    requests,
    finished,
    async file(rel, content) {
      const path = join(dir, rel);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, typeof content === 'number' ? randomBytes(content) : content);
      return path;
    },
    async settle(timeoutMs = 50_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await h.intake.idle();
        const t = h.engine.totals();
        if (t.active === 0 && t.queued === 0 && t.walking === 0 && h.engine.held.size === 0) return;
        if (t.active === 0 && t.queued > 0 && h.engine.held.size > 0) return;
        if (Date.now() > deadline) throw new Error(`queue did not settle: ${JSON.stringify(t)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async restart(tuning) {
      await h.engine.close();
      [engine, intake] = await make(tuning);
      h.engine = engine;
      h.intake = intake;
    },
    async close() {
      await h.engine.close();
      if (!options.fx) await fx.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return h;
}
