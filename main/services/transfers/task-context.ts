/** What an upload or download task needs from the engine: clients, hashing, budget, checkpoints, progress. */
import type OSS from 'ali-oss';
import type { TransferNote } from '../../../shared/contract/transfers';
import type { ClientProvider } from '../oss/client-provider';
import type { BandwidthLimiter } from './bandwidth';
import type { CheckpointStore } from './checkpoint-store';
import type { CrcPool } from './crc-pool';
import type { ResolvedPolicy, TransferRecord } from './transfer-record';

export interface EngineTuning {
  /** Files up to this size go in one PUT / one GET. */
  multipartThreshold: number;
  /** Part size when settings say 'auto' (raised so a file never needs more than 10,000 parts). */
  autoPartSize: number;
  /** No bytes for this long → the request is dropped and retried ("stalled"). */
  stallMs: number;
  /** Backoff base for retries (tests make it small). */
  retryBaseMs: number;
  /** Attempts per request before the item fails (each attempt waits longer). */
  requestAttempts: number;
}

export const DEFAULT_TUNING: EngineTuning = {
  multipartThreshold: 16 * 1024 * 1024,
  autoPartSize: 8 * 1024 * 1024,
  stallMs: 30_000,
  retryBaseMs: 500,
  requestAttempts: 8,
};

export interface TaskContext {
  record: TransferRecord;
  policy: ResolvedPolicy;
  clients: ClientProvider;
  crc: CrcPool;
  checkpoints: CheckpointStore;
  limiter: BandwidthLimiter;
  tuning: EngineTuning;
  parallelParts: number;
  partSize: number | 'auto';
  signal: AbortSignal;
  /** Bytes moved (negative when a failed part's bytes are taken back). */
  onBytes(bytes: number): void;
  note(note: TransferNote): void;
  /** A part's request is retried (for the log; secrets never reach it). */
  onRetry(error: unknown, attempt: number): void;
}

/** The part size for a file: the setting, raised so the file fits in 10,000 parts. */
export function partSizeFor(size: number, setting: number | 'auto', auto: number): number {
  const wanted = setting === 'auto' ? auto : setting;
  const minimum = Math.ceil(size / 10_000);
  const mib = 1024 * 1024;
  return Math.max(wanted, Math.ceil(minimum / mib) * mib, 100 * 1024);
}

/** ali-oss's part upload that accepts our own stream (the public uploadPart opens the file itself, unmetered). */
export interface PartUploader {
  _uploadPart(
    name: string,
    uploadId: string,
    partNo: number,
    data: { size: number; stream: NodeJS.ReadableStream },
    options?: { timeout?: number | number[] },
  ): Promise<{ etag: string; res: { headers: Record<string, string> } }>;
}

/** x-oss-hash-crc64ecma of a response, if OSS sent one. */
export function crcHeader(res: { headers?: unknown } | undefined): string | undefined {
  const h = (res?.headers ?? {}) as Record<string, unknown>;
  const v = h['x-oss-hash-crc64ecma'];
  return typeof v === 'string' && v ? v : undefined;
}

export type Client = OSS;
