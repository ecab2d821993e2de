/**
 * Turns what the user dropped or selected into queued items, lazily: files are added as
 * the walk finds them (the first ones start while the walk goes on), a walk interrupted by
 * a restart continues where the queue left off, and a batch whose policy is "ask" gets its
 * conflict plan once walked — started at once when nothing conflicts.
 */
import { randomUUID } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ConflictPolicy, EnqueueResult } from '../../../shared/contract/transfers';
import { planConflicts } from './conflict-planner';
import { PathPlanner } from './local-paths';
import type { TransferEngine } from './transfer-engine';
import type { BatchRecord } from './transfer-record';
import { checkDroppedPath, walkLocal, walkRemote } from './walkers';

/** Files added between yields to the event loop while walking (keeps main responsive). */
const YIELD_EVERY = 256;

export interface UploadRequest {
  profileId: string;
  bucket: string;
  prefix: string;
  paths: string[];
  policy: ConflictPolicy;
}

export interface DownloadRequest {
  profileId: string;
  bucket: string;
  basePrefix: string;
  items: Array<{ key: string; isPrefix: boolean }>;
  /** The chosen local folder. */
  root: string;
  policy: ConflictPolicy;
}

export class BatchIntake {
  private readonly walks = new Map<string, Promise<void>>();

  constructor(
    private readonly engine: TransferEngine,
    private readonly log?: { warn(message: string, fields?: Record<string, unknown>): void },
  ) {}

  /** Queues dropped or chosen paths (validated: they must exist and be regular files or folders). */
  async upload(req: UploadRequest): Promise<EnqueueResult> {
    const rejected: EnqueueResult['rejected'] = [];
    const sources: string[] = [];
    for (const p of req.paths) {
      const why = await checkDroppedPath(p);
      if (why) rejected.push({ name: basename(p).slice(0, 255), reason: why });
      else sources.push(resolve(p));
    }
    if (sources.length === 0) return { batchId: null, queued: 0, rejected };
    const batch: BatchRecord = {
      id: randomUUID(),
      direction: 'upload',
      profileId: req.profileId,
      bucket: req.bucket,
      prefix: req.prefix,
      sources,
      policy: req.policy,
      walking: true,
      createdAt: new Date().toISOString(),
    };
    return this.startBatch(batch, rejected);
  }

  async download(req: DownloadRequest): Promise<EnqueueResult> {
    const batch: BatchRecord = {
      id: randomUUID(),
      direction: 'download',
      profileId: req.profileId,
      bucket: req.bucket,
      prefix: req.basePrefix,
      localRoot: resolve(req.root),
      remote: req.items,
      policy: req.policy,
      walking: true,
      createdAt: new Date().toISOString(),
    };
    return this.startBatch(batch, []);
  }

  /** One object to one file the user named (save dialog or the open-with cache). */
  single(fields: { profileId: string; bucket: string; key: string; path: string; root: string; openWhenDone?: boolean }): string {
    const batch: BatchRecord = {
      id: randomUUID(),
      direction: 'download',
      profileId: fields.profileId,
      bucket: fields.bucket,
      prefix: '',
      localRoot: fields.root,
      policy: 'overwrite',
      walking: false,
      createdAt: new Date().toISOString(),
    };
    this.engine.addBatch(batch);
    const r = this.engine.addItem({
      batchId: batch.id,
      direction: 'download',
      profileId: fields.profileId,
      bucket: fields.bucket,
      key: fields.key,
      localPath: fields.path,
      size: null,
      ...(fields.openWhenDone ? { openWhenDone: true } : {}),
    });
    return r.id;
  }

  /** Continues walks a restart interrupted, and plans batches still waiting for one. */
  resumeAll(): void {
    for (const batch of this.engine.store.batches.values()) {
      if (batch.walking) this.walk(batch);
      else if (batch.policy === 'ask' && !batch.planned) void this.plan(batch);
    }
  }

  /** Resolves when every walk started so far has finished (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.walks.size > 0) await Promise.all([...this.walks.values()]);
  }

  private async startBatch(batch: BatchRecord, rejected: EnqueueResult['rejected']): Promise<EnqueueResult> {
    this.engine.addBatch(batch);
    const walking = this.walk(batch);
    // Answer quickly: a big folder keeps adding files after the reply.
    await Promise.race([walking, new Promise((r) => setTimeout(r, 200).unref())]);
    // What the reply reports as queued is on disk: a crash right after still resumes it.
    await this.engine.store.flush();
    return { batchId: batch.id, queued: this.engine.store.countOf(batch.id), rejected };
  }

  private walk(batch: BatchRecord): Promise<void> {
    const run = (batch.direction === 'upload' ? this.walkUpload(batch) : this.walkDownload(batch))
      .catch((err: unknown) => this.log?.warn('A folder could not be read completely', { code: (err as { code?: string }).code ?? 'unknown' }))
      .then(async () => {
        this.engine.walked(batch.id);
        if (batch.policy === 'ask' && !batch.planned) await this.plan(batch);
      })
      .catch((err: unknown) => this.log?.warn('A transfer batch could not be planned', { code: (err as { code?: string }).code ?? 'unknown' }))
      .finally(() => this.walks.delete(batch.id));
    this.walks.set(batch.id, run);
    return run;
  }

  private async walkUpload(batch: BatchRecord): Promise<void> {
    const known = new Set(this.engine.itemsOf(batch.id).map((r) => r.localPath));
    let n = 0;
    for (const source of batch.sources ?? []) {
      for await (const f of walkLocal(source)) {
        if (known.has(f.path)) continue;
        this.engine.addItem({
          batchId: batch.id,
          direction: 'upload',
          profileId: batch.profileId,
          bucket: batch.bucket,
          key: batch.prefix + f.parts.join('/'),
          localPath: f.path,
          size: f.size,
          mtimeMs: f.mtimeMs,
        });
        if (++n % YIELD_EVERY === 0) await yieldToLoop();
      }
    }
  }

  private async walkDownload(batch: BatchRecord): Promise<void> {
    const known = new Set(this.engine.itemsOf(batch.id).map((r) => r.key));
    const planner = new PathPlanner(batch.localRoot!);
    const client = await this.engine.clients.forBucket(batch.profileId, batch.bucket);
    const retry = { attempts: this.engine.tuning.requestAttempts, baseMs: this.engine.tuning.retryBaseMs, signal: new AbortController().signal };
    let n = 0;
    const add = (key: string, size: number | null): void => {
      // Planned in the same order after a restart, so known keys keep their paths.
      let localPath: string;
      let unsafe: unknown;
      try {
        localPath = planner.plan(key, batch.prefix);
      } catch (err) {
        // Cannot happen for escaped names; if it does, that one key fails visibly, the rest go on.
        unsafe = err;
        localPath = batch.localRoot!;
      }
      if (known.has(key)) return;
      this.engine.addItem({ batchId: batch.id, direction: 'download', profileId: batch.profileId, bucket: batch.bucket, key, localPath, size }, unsafe);
    };
    for (const item of batch.remote ?? []) {
      if (!item.isPrefix) add(item.key, null);
      else {
        for await (const o of walkRemote(client, item.key, retry)) {
          add(o.key, o.size);
          if (++n % YIELD_EVERY === 0) await yieldToLoop();
        }
      }
    }
  }

  private async plan(batch: BatchRecord): Promise<void> {
    const items = this.engine.itemsOf(batch.id).filter((r) => r.state === 'queued');
    const client = await this.engine.clients.forBucket(batch.profileId, batch.bucket);
    const retry = { attempts: this.engine.tuning.requestAttempts, baseMs: this.engine.tuning.retryBaseMs, signal: new AbortController().signal };
    const plan = await planConflicts({ batch, items, client, crc: this.engine.crc, retry }).catch(() => undefined);
    if (!plan) {
      // Could not look (offline?): ask anyway, without counts, rather than overwrite blindly.
      this.engine.hold({ batchId: batch.id, direction: batch.direction, target: batch.localRoot ?? `oss://${batch.bucket}/${batch.prefix}`, newCount: 0, changedCount: items.length, identicalCount: 0, examples: [], complete: false });
      return;
    }
    // Nothing conflicts: start without asking; 'skip' still refuses to replace anything that appears meanwhile.
    if (plan.changedCount + plan.identicalCount === 0) await this.engine.answer(batch.id, 'skip');
    else this.engine.hold(plan);
  }
}
