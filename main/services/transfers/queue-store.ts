/**
 * The persistent queue: an append-only log of item and batch snapshots (one JSON line
 * each), replayed at start-up and compacted into a fresh file (atomically) when it grows to
 * several times the live data. Writes are coalesced (every 200 ms, or at once through
 * flush()), so 100,000 queued files cost one line each, not one file write each. Lines
 * hold paths and names — never credentials.
 */
import { appendFile, mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-file';
import type { BatchRecord, TransferRecord } from './transfer-record';

type Line = { t: 'i'; r: TransferRecord } | { t: 'b'; b: BatchRecord } | { t: 'ri'; id: string } | { t: 'rb'; id: string };

const FLUSH_MS = 200;

export class QueueStore {
  readonly items = new Map<string, TransferRecord>();
  readonly batches = new Map<string, BatchRecord>();
  /** Item ids per batch, so a batch's items are found without scanning the whole queue. */
  private readonly byBatch = new Map<string, Set<string>>();
  private readonly file: string;
  private pending: string[] = [];
  private dirtyItems = new Set<string>();
  private dirtyBatches = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private logLines = 0;

  constructor(private readonly dir: string) {
    this.file = join(dir, 'queue.jsonl');
  }

  /** Reads the log (a torn last line from a crash is ignored). */
  async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const text = await readFile(this.file, 'utf8').catch((err: NodeJS.ErrnoException) => (err.code === 'ENOENT' ? '' : Promise.reject(err)));
    for (const raw of text.split('\n')) {
      if (!raw) continue;
      let line: Line;
      try {
        line = JSON.parse(raw) as Line;
      } catch {
        continue;
      }
      this.logLines++;
      if (line.t === 'i') this.items.set(line.r.id, line.r);
      else if (line.t === 'b') this.batches.set(line.b.id, line.b);
      else if (line.t === 'ri') this.items.delete(line.id);
      else if (line.t === 'rb') this.batches.delete(line.id);
    }
    for (const r of this.items.values()) this.index(r);
    if (this.logLines > 2 * (this.items.size + this.batches.size) + 1000) await this.compact();
  }

  /** The items of a batch, in the order they were queued. */
  *itemsOf(batchId: string): Generator<TransferRecord> {
    for (const id of this.byBatch.get(batchId) ?? []) {
      const r = this.items.get(id);
      if (r) yield r;
    }
  }

  /** How many items a batch has. */
  countOf(batchId: string): number {
    return this.byBatch.get(batchId)?.size ?? 0;
  }

  putItem(r: TransferRecord): void {
    this.items.set(r.id, r);
    this.index(r);
    this.dirtyItems.add(r.id);
    this.schedule();
  }

  /** Marks an item changed (the record was mutated in place). */
  touchItem(id: string): void {
    if (this.items.has(id)) {
      this.dirtyItems.add(id);
      this.schedule();
    }
  }

  removeItem(id: string): void {
    const r = this.items.get(id);
    if (!r) return;
    this.items.delete(id);
    const ids = this.byBatch.get(r.batchId);
    ids?.delete(id);
    if (ids?.size === 0) this.byBatch.delete(r.batchId);
    this.dirtyItems.delete(id);
    this.pending.push(JSON.stringify({ t: 'ri', id }));
    this.schedule();
  }

  putBatch(b: BatchRecord): void {
    this.batches.set(b.id, b);
    this.dirtyBatches.add(b.id);
    this.schedule();
  }

  removeBatch(id: string): void {
    if (!this.batches.delete(id)) return;
    this.dirtyBatches.delete(id);
    this.pending.push(JSON.stringify({ t: 'rb', id }));
    this.schedule();
  }

  /** Writes everything pending now (before a reply that promises durability, or on quit). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const lines = this.pending;
    this.pending = [];
    for (const id of this.dirtyBatches) {
      const b = this.batches.get(id);
      if (b) lines.push(JSON.stringify({ t: 'b', b }));
    }
    for (const id of this.dirtyItems) {
      const r = this.items.get(id);
      if (r) lines.push(JSON.stringify({ t: 'i', r }));
    }
    this.dirtyBatches.clear();
    this.dirtyItems.clear();
    if (lines.length === 0) return this.writing;
    this.logLines += lines.length;
    const data = `${lines.join('\n')}\n`;
    this.writing = this.writing.then(() => appendFile(this.file, data, { mode: 0o600 }));
    await this.writing;
    if (this.logLines > 4 * (this.items.size + this.batches.size) + 5000) await this.compact();
  }

  /** Bytes of the log on disk (tests check that compaction keeps it bounded). */
  async sizeOnDisk(): Promise<number> {
    return (await stat(this.file).catch(() => ({ size: 0 }))).size;
  }

  private index(r: TransferRecord): void {
    let ids = this.byBatch.get(r.batchId);
    if (!ids) this.byBatch.set(r.batchId, (ids = new Set()));
    ids.add(r.id);
  }

  private schedule(): void {
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        void this.flush().catch(() => undefined);
      }, FLUSH_MS);
      this.timer.unref();
    }
  }

  private async compact(): Promise<void> {
    await this.writing;
    const lines: string[] = [];
    for (const b of this.batches.values()) lines.push(JSON.stringify({ t: 'b', b }));
    for (const r of this.items.values()) lines.push(JSON.stringify({ t: 'i', r }));
    this.writing = writeFileAtomic(this.file, lines.length ? `${lines.join('\n')}\n` : '');
    await this.writing;
    this.logLines = lines.length;
  }
}
