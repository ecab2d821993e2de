/**
 * A bucket's metadata log: one JSON record per line, appended with a single write so a
 * crash can only tear the last line (which replay ignores). `rewrite` compacts it into a
 * snapshot via temp file + rename, so the log on disk is always whole.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import type { ObjectRecord, PartRecord, UploadRecord } from './types';

export type JournalRecord =
  | { t: 'put'; o: ObjectRecord }
  | { t: 'del'; k: string }
  | { t: 'init'; u: UploadRecord }
  | { t: 'part'; id: string; p: PartRecord }
  | { t: 'end'; id: string };

export class Journal {
  private fd: number | null = null;
  /** Lines in the file, to decide when compaction pays off. */
  lines = 0;

  constructor(private readonly path: string) {}

  /** Every intact record in order. */
  replay(): JournalRecord[] {
    if (!existsSync(this.path)) return [];
    const records: JournalRecord[] = [];
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        records.push(JSON.parse(line) as JournalRecord);
      } catch {
        // A torn final line from a crash mid-append: the operation never completed.
      }
    }
    this.lines = records.length;
    return records;
  }

  append(records: JournalRecord[]): void {
    if (records.length === 0) return;
    this.fd ??= openSync(this.path, 'a');
    writeSync(this.fd, records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    this.lines += records.length;
  }

  /** Replaces the log with exactly these records, atomically. */
  rewrite(records: Iterable<JournalRecord>): void {
    this.close();
    const tmp = `${this.path}.tmp`;
    const parts: string[] = [];
    let count = 0;
    for (const record of records) {
      parts.push(`${JSON.stringify(record)}\n`);
      count++;
    }
    writeFileSync(tmp, parts.join(''));
    renameSync(tmp, this.path);
    this.lines = count;
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
