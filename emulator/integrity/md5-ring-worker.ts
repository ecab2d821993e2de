/**
 * The worker-thread half of the stream hasher (hash-worker.ts): MD5 over a shared ring buffer
 * the main thread fills. It is started from its own source text (`toString()` + `eval: true`),
 * which works alike under tsx, vitest and the bundled app, none of which can load a `.ts`
 * worker file by path. So the function may use only its parameters and JavaScript built-ins:
 * no imports, no module constants (the ring layout arrives in workerData).
 */
import type * as Crypto from 'node:crypto';
import type * as WorkerThreads from 'node:worker_threads';

/** Indexes of the Int32 control words shared by both threads, the states, and the slice size. */
export const RING_LAYOUT = {
  /** Bytes published by the main thread (positions run modulo 2 × ring size). */
  HEAD: 0,
  /** Bytes hashed by the worker. */
  TAIL: 1,
  /** RUNNING, END or ABORT. */
  STATE: 2,
  /** 1 while the worker sleeps (on this word) for data. */
  SLEEPING: 3,
  /** 1 while the main thread waits (on TAIL) for space. */
  MAIN_WAITING: 4,
  RUNNING: 0,
  END: 1,
  ABORT: 2,
  /** The worker hashes at most this much before telling the main thread that space is free. */
  SLICE_BYTES: 1024 * 1024,
} as const;

export type RingLayout = typeof RING_LAYOUT;

/** What the worker is started with. */
export interface RingWorkerData {
  ring: SharedArrayBuffer;
  ctrl: SharedArrayBuffer;
  layout: RingLayout;
}

/** What the worker posts back: the digest, or that it dropped the body. */
export interface RingWorkerReply {
  md5?: string;
  aborted?: boolean;
}

// Stryker disable all: mutant switching would put calls to Stryker's helpers into this
// function's source text, which the worker evaluates where those helpers do not exist.
/**
 * Waits for 'start', then hashes what the main thread publishes until END (posts the MD5) or
 * ABORT (posts `aborted`). Positions run modulo 2 × ring size: equal means empty, a difference
 * of the ring size means full.
 */
export function md5RingWorker(threads: typeof WorkerThreads, crypto: typeof Crypto): void {
  const port = threads.parentPort;
  if (!port) return;
  const data = threads.workerData as RingWorkerData;
  const L = data.layout;
  const ring = new Uint8Array(data.ring);
  const ctrl = new Int32Array(data.ctrl);
  const cap = ring.length;
  const wrap = 2 * cap;
  port.on('message', () => {
    const md5 = crypto.createHash('md5');
    let tail = Atomics.load(ctrl, L.TAIL);
    for (;;) {
      const state = Atomics.load(ctrl, L.STATE);
      if (state === L.ABORT) {
        port.postMessage({ aborted: true } satisfies RingWorkerReply);
        return;
      }
      const head = Atomics.load(ctrl, L.HEAD);
      if (head !== tail) {
        const off = tail % cap;
        const n = Math.min((head - tail + wrap) % wrap, cap - off, L.SLICE_BYTES);
        md5.update(ring.subarray(off, off + n));
        tail = (tail + n) % wrap;
        Atomics.store(ctrl, L.TAIL, tail);
        if (Atomics.load(ctrl, L.MAIN_WAITING) === 1) Atomics.notify(ctrl, L.TAIL);
        continue;
      }
      if (state === L.END) {
        port.postMessage({ md5: md5.digest('hex') } satisfies RingWorkerReply);
        return;
      }
      Atomics.store(ctrl, L.SLEEPING, 1);
      // Re-check after announcing the sleep: a publish before it did not see the flag.
      if (Atomics.load(ctrl, L.HEAD) === tail && Atomics.load(ctrl, L.STATE) === state) Atomics.wait(ctrl, L.SLEEPING, 1);
      Atomics.store(ctrl, L.SLEEPING, 0);
    }
  });
}
// Stryker restore all

/**
 * The source a `new Worker(source, { eval: true })` runs. `__name` is defined because tsx and
 * vitest compile with esbuild's keepNames, which may wrap named inner functions in it.
 */
export function md5RingWorkerSource(): string {
  return `const __name = (f) => f;\n(${md5RingWorker.toString()})(require('node:worker_threads'), require('node:crypto'));\n`;
}
