/**
 * Before a batch with policy "ask" starts, counts what would happen: new files, changed
 * ones (same name, different size or CRC-64) and identical ones (same size and CRC-64) —
 * "42 new, 3 changed, 1 identical". Uploads list only the destination prefixes the batch
 * writes to (one listing per dropped item, not a HEAD per file); CRCs are compared only
 * where sizes are equal (a HEAD for OSS's CRC, a worker hash for the local file).
 */
import { lstat } from 'node:fs/promises';
import type { ConflictPlan } from '../../../shared/contract/transfers';
import type { CrcPool } from './crc-pool';
import type { Client } from './task-context';
import { crcHeader } from './task-context';
import type { BatchRecord, TransferRecord } from './transfer-record';
import { walkRemote } from './walkers';
import { withRetries } from './retry';

export interface PlanInput {
  batch: BatchRecord;
  items: TransferRecord[];
  client: Client;
  crc: CrcPool;
  retry: { attempts: number; baseMs: number; signal: AbortSignal };
}

const MAX_EXAMPLES = 20;

export async function planConflicts(input: PlanInput): Promise<ConflictPlan> {
  const { batch, items } = input;
  const plan: ConflictPlan = {
    batchId: batch.id,
    direction: batch.direction,
    target: batch.direction === 'upload' ? `oss://${batch.bucket}/${batch.prefix}` : (batch.localRoot ?? ''),
    newCount: 0,
    changedCount: 0,
    identicalCount: 0,
    examples: [],
    complete: !batch.walking,
  };
  const existing = batch.direction === 'upload' ? await remoteSizes(input) : undefined;
  for (const r of items) {
    const theirSize = existing ? existing.get(r.key) : await localSize(r.localPath);
    if (theirSize === undefined) {
      plan.newCount++;
      continue;
    }
    let identical = false;
    if (r.size !== null && theirSize === r.size) {
      const [remoteCrc, localCrc] = await Promise.all([
        withRetries(() => input.client.head(r.key), input.retry).then((h) => crcHeader(h.res as { headers?: unknown })),
        input.crc.crcOfRange(r.localPath, 0, r.size),
      ]);
      identical = remoteCrc !== undefined && remoteCrc === localCrc;
    }
    if (identical) plan.identicalCount++;
    else plan.changedCount++;
    if (plan.examples.length < MAX_EXAMPLES) plan.examples.push(batch.direction === 'upload' ? r.key.slice(batch.prefix.length) : r.key);
  }
  return plan;
}

async function localSize(path: string): Promise<number | undefined> {
  const st = await lstat(path).catch(() => undefined);
  return st ? (st.isFile() ? st.size : -1) : undefined;
}

/** Sizes of the destination keys this batch would write (only those). */
async function remoteSizes(input: PlanInput): Promise<Map<string, number>> {
  const wanted = new Set(input.items.map((r) => r.key));
  const tops = new Set<string>();
  for (const key of wanted) {
    const rest = key.slice(input.batch.prefix.length);
    const slash = rest.indexOf('/');
    tops.add(input.batch.prefix + (slash === -1 ? rest : rest.slice(0, slash + 1)));
  }
  const found = new Map<string, number>();
  for (const top of tops) {
    for await (const o of walkRemote(input.client, top, input.retry)) if (wanted.has(o.key)) found.set(o.key, o.size);
  }
  return found;
}
