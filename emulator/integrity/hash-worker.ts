/**
 * MD5 + CRC-64 of a stream. For large bodies MD5 (the slower hash, native OpenSSL) runs on a
 * worker thread (md5-ring-worker.ts), in parallel with CRC-64 and the socket and disk I/O on
 * the main thread.
 * Chunks reach the worker through a shared ring buffer: the main thread copies a chunk in and
 * moves on (no message, no await per chunk); it waits only when the ring is full, which is the
 * back-pressure that keeps memory bounded. Small bodies hash inline: a worker would cost more
 * than it saves.
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { createCrc64Hasher, hexToDecimal } from '../../main/services/oss/crc64';
import { RING_LAYOUT, md5RingWorkerSource, type RingWorkerData, type RingWorkerReply } from './md5-ring-worker';

/** What a finished hash reports. */
export interface Digest {
  md5Hex: string;
  crc64: string;
}

export interface StreamHasher {
  /** Feeds a chunk (the hasher copies what it keeps); a returned promise applies back-pressure. */
  update(chunk: Buffer): Promise<void> | void;
  digest(): Promise<Digest>;
  /** Releases resources without a digest (aborted upload). */
  abandon(): void;
}

/** Bodies at least this large (or of unknown size) hash on a worker. */
export const WORKER_THRESHOLD = 8 * 1024 * 1024;
/** Ring size per worker: ~20 ms of MD5, enough to ride out scheduling jitter on a busy machine. */
const RING_BYTES = 8 * 1024 * 1024;
/** A sleeping worker is woken once this much is waiting (one wake-up per MiB, not per chunk). */
const WAKE_BYTES = 1024 * 1024;

const { HEAD, TAIL, STATE, SLEEPING, MAIN_WAITING, RUNNING, END, ABORT } = RING_LAYOUT;

/** Built once: every pooled worker runs the same source. */
let workerSource: string | undefined;

interface RingWorker {
  worker: Worker;
  ring: Uint8Array;
  ctrl: Int32Array;
}

const idle: RingWorker[] = [];
const POOL_SIZE = 4;

function acquire(): RingWorker {
  const pooled = idle.pop();
  if (pooled) return pooled;
  const ring = new Uint8Array(new SharedArrayBuffer(RING_BYTES));
  const ctrl = new Int32Array(new SharedArrayBuffer(5 * Int32Array.BYTES_PER_ELEMENT));
  workerSource ??= md5RingWorkerSource();
  const workerData: RingWorkerData = { ring: ring.buffer as SharedArrayBuffer, ctrl: ctrl.buffer as SharedArrayBuffer, layout: RING_LAYOUT };
  const worker = new Worker(workerSource, { eval: true, workerData });
  worker.unref();
  return { worker, ring, ctrl };
}

function release(entry: RingWorker): void {
  entry.worker.unref();
  entry.worker.removeAllListeners('message');
  entry.worker.removeAllListeners('error');
  if (idle.length < POOL_SIZE) idle.push(entry);
  else void entry.worker.terminate();
}

/** Atomics.waitAsync (Node 16+); the project's TypeScript lib predates its typings. */
const waitAsync = (Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number): { async: boolean; value: Promise<string> | string };
}).waitAsync;

type Crc64Hasher = Awaited<ReturnType<typeof createCrc64Hasher>>;

class InlineHasher implements StreamHasher {
  private readonly md5 = createHash('md5');

  constructor(private readonly crc: Crc64Hasher) {}

  update(chunk: Buffer): void {
    this.md5.update(chunk);
    this.crc.update(chunk);
  }

  async digest(): Promise<Digest> {
    return { md5Hex: this.md5.digest('hex'), crc64: hexToDecimal(this.crc.digest('hex')) };
  }

  abandon(): void {}
}

/** CRC-64 here, MD5 on a pooled worker fed through its shared ring. */
class RingHasher implements StreamHasher {
  private readonly cap: number;
  private head = 0;
  private failure: Error | null = null;
  private done: ((msg: RingWorkerReply) => void) | null = null;
  private settled = false;

  constructor(
    private readonly entry: RingWorker,
    private readonly crc: Crc64Hasher,
  ) {
    this.cap = entry.ring.length;
    const { ctrl, worker } = entry;
    Atomics.store(ctrl, HEAD, 0);
    Atomics.store(ctrl, TAIL, 0);
    Atomics.store(ctrl, STATE, RUNNING);
    Atomics.store(ctrl, SLEEPING, 0);
    Atomics.store(ctrl, MAIN_WAITING, 0);
    worker.on('message', (msg: RingWorkerReply) => {
      this.settled = true;
      this.done?.(msg);
      release(entry);
    });
    worker.on('error', (error: Error) => {
      this.failure = error;
      this.settled = true;
      // Wakes an update() waiting for ring space so it can report the failure.
      Atomics.notify(ctrl, TAIL);
      this.done?.({});
    });
    // Referenced while hashing: a wait for ring space (Atomics.waitAsync) alone would not keep
    // the process alive.
    worker.ref();
    worker.postMessage('start');
  }

  /** Publishes new bytes (or a state change) and wakes a sleeping worker when worth it. */
  private publish(state?: number): void {
    const { ctrl } = this.entry;
    if (state === undefined) {
      Atomics.store(ctrl, HEAD, this.head);
      const used = (this.head - Atomics.load(ctrl, TAIL) + 2 * this.cap) % (2 * this.cap);
      if (used < WAKE_BYTES) return;
    } else {
      Atomics.store(ctrl, STATE, state);
    }
    if (Atomics.compareExchange(ctrl, SLEEPING, 1, 0) === 1) Atomics.notify(ctrl, SLEEPING);
  }

  update(chunk: Buffer): Promise<void> | void {
    this.crc.update(chunk);
    const offset = this.copy(chunk, 0);
    if (offset < chunk.length) return this.copyRest(chunk, offset);
  }

  /** Copies as much of chunk[from…] as fits; returns where it stopped. */
  private copy(chunk: Buffer, from: number): number {
    const { ring, ctrl } = this.entry;
    const wrap = 2 * this.cap;
    let offset = from;
    while (offset < chunk.length) {
      const used = (this.head - Atomics.load(ctrl, TAIL) + wrap) % wrap;
      const at = this.head % this.cap;
      const n = Math.min(chunk.length - offset, this.cap - used, this.cap - at);
      if (n === 0) break;
      ring.set(chunk.subarray(offset, offset + n), at);
      this.head = (this.head + n) % wrap;
      offset += n;
    }
    if (offset > from) this.publish();
    return offset;
  }

  private async copyRest(chunk: Buffer, from: number): Promise<void> {
    const { ctrl } = this.entry;
    let offset = from;
    while (offset < chunk.length) {
      if (this.failure) throw this.failure;
      const tail = Atomics.load(ctrl, TAIL);
      if ((this.head - tail + 2 * this.cap) % (2 * this.cap) === this.cap) {
        Atomics.store(ctrl, MAIN_WAITING, 1);
        const waited = waitAsync(ctrl, TAIL, tail);
        if (waited.async) await waited.value;
        Atomics.store(ctrl, MAIN_WAITING, 0);
        continue;
      }
      offset = this.copy(chunk, offset);
    }
    if (this.failure) throw this.failure;
  }

  digest(): Promise<Digest> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.done = (msg) => {
        if (msg.md5 !== undefined) resolve({ md5Hex: msg.md5, crc64: hexToDecimal(this.crc.digest('hex')) });
        else reject(this.failure ?? new Error('MD5 worker stopped without a digest'));
      };
      this.publish(END);
    });
  }

  abandon(): void {
    if (this.settled) return;
    if (this.failure) {
      void this.entry.worker.terminate();
      return;
    }
    // The worker drops the body at its next slice and returns to the pool.
    this.publish(ABORT);
  }
}

/** A hasher suited to a body of `sizeHint` bytes (undefined: unknown, e.g. chunked). */
export async function createStreamHasher(sizeHint: number | undefined): Promise<StreamHasher> {
  if (sizeHint !== undefined && sizeHint < WORKER_THRESHOLD) return new InlineHasher(await createCrc64Hasher());
  return new RingHasher(acquire(), await createCrc64Hasher());
}
