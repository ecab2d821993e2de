/**
 * CRC-64/ECMA of file ranges on worker threads, so hashing never runs on main's event loop
 * (DESIGN §5a). A worker reads the range itself (from the page cache, since the same bytes
 * are being sent or were just written), which means no chunk is copied between threads.
 * The worker is plain JavaScript (slice-by-8 over 32-bit halves): nothing to resolve at run
 * time, so it works the same in Electron, in tests and in a plain Node child process.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
let wasm = null;
if (workerData.hashWasm) {
  require(workerData.hashWasm).createCRC64().then((h) => { wasm = h; parentPort.postMessage({ ready: true }); }, () => parentPort.postMessage({ ready: true }));
} else parentPort.postMessage({ ready: true });
const POLY_HI = 0xc96c5795, POLY_LO = 0xd7870f42;
const HI = [], LO = [];
for (let k = 0; k < 8; k++) { HI.push(new Uint32Array(256)); LO.push(new Uint32Array(256)); }
for (let n = 0; n < 256; n++) {
  let hi = 0, lo = n;
  for (let i = 0; i < 8; i++) {
    const bit = lo & 1;
    lo = ((lo >>> 1) | ((hi & 1) << 31)) >>> 0; hi = hi >>> 1;
    if (bit) { hi = (hi ^ POLY_HI) >>> 0; lo = (lo ^ POLY_LO) >>> 0; }
  }
  HI[0][n] = hi; LO[0][n] = lo;
}
for (let n = 0; n < 256; n++) {
  for (let k = 1; k < 8; k++) {
    const phi = HI[k - 1][n], plo = LO[k - 1][n], idx = plo & 0xff;
    LO[k][n] = (((plo >>> 8) | (phi << 24)) ^ LO[0][idx]) >>> 0;
    HI[k][n] = ((phi >>> 8) ^ HI[0][idx]) >>> 0;
  }
}
const [H0,H1,H2,H3,H4,H5,H6,H7] = HI, [L0,L1,L2,L3,L4,L5,L6,L7] = LO;
function update(hi, lo, buf, words, len) {
  // words views buf as little-endian 32-bit words (buf starts 8-byte aligned).
  let i = 0;
  const n8 = len & ~7;
  for (; i < n8; i += 8) {
    const w = i >>> 2;
    const a = (lo ^ words[w]) >>> 0;
    const b = (hi ^ words[w + 1]) >>> 0;
    lo = L7[a & 0xff] ^ L6[(a >>> 8) & 0xff] ^ L5[(a >>> 16) & 0xff] ^ L4[a >>> 24] ^ L3[b & 0xff] ^ L2[(b >>> 8) & 0xff] ^ L1[(b >>> 16) & 0xff] ^ L0[b >>> 24];
    hi = H7[a & 0xff] ^ H6[(a >>> 8) & 0xff] ^ H5[(a >>> 16) & 0xff] ^ H4[a >>> 24] ^ H3[b & 0xff] ^ H2[(b >>> 8) & 0xff] ^ H1[(b >>> 16) & 0xff] ^ H0[b >>> 24];
  }
  for (; i < len; i++) {
    const idx = (lo ^ buf[i]) & 0xff;
    lo = (((lo >>> 8) | (hi << 24)) ^ L0[idx]) >>> 0;
    hi = ((hi >>> 8) ^ H0[idx]) >>> 0;
  }
  state[0] = hi >>> 0; state[1] = lo >>> 0;
}
const state = new Uint32Array(2);
function updateBytes(buf, len) {
  let hi = state[0], lo = state[1];
  for (let i = 0; i < len; i++) {
    const idx = (lo ^ buf[i]) & 0xff;
    lo = (((lo >>> 8) | (hi << 24)) ^ L0[idx]) >>> 0;
    hi = ((hi >>> 8) ^ H0[idx]) >>> 0;
  }
  state[0] = hi >>> 0; state[1] = lo >>> 0;
}
const LITTLE = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const ab = new ArrayBuffer(1 << 20);
const buf = new Uint8Array(ab);
const words = new Uint32Array(ab);
parentPort.on('message', ({ id, path, start, end }) => {
  let fd;
  try {
    fd = fs.openSync(path, 'r');
    let pos = start;
    state[0] = 0xffffffff; state[1] = 0xffffffff;
    if (wasm) wasm.init();
    while (pos < end) {
      const n = fs.readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
      if (n === 0) throw Object.assign(new Error('The file is shorter than expected.'), { code: 'FileChanged' });
      if (wasm) wasm.update(n === buf.length ? buf : buf.subarray(0, n));
      else if (LITTLE) update(state[0], state[1], buf, words, n);
      else updateBytes(buf, n);
      pos += n;
    }
    if (wasm) { parentPort.postMessage({ id, crc: BigInt('0x' + wasm.digest('hex')).toString(10) }); return; }
    const hi = (state[0] ^ 0xffffffff) >>> 0, lo = (state[1] ^ 0xffffffff) >>> 0;
    parentPort.postMessage({ id, crc: ((BigInt(hi) << 32n) | BigInt(lo)).toString(10) });
  } catch (err) {
    parentPort.postMessage({ id, error: { message: String(err && err.message), code: err && err.code } });
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
});
`;

interface Job {
  id: number;
  path: string;
  start: number;
  end: number;
  resolve: (crc: string) => void;
  reject: (err: Error) => void;
}

/** hash-wasm's entry file (about twice as fast as the JavaScript loop), or undefined when it cannot be found. */
function hashWasmPath(): string | undefined {
  try {
    return createRequire(__filename).resolve('hash-wasm');
  } catch {
    return undefined;
  }
}

export interface CrcPoolOptions {
  size?: number;
  /** 'js' forces the portable loop (tests check both give OSS's value). */
  engine?: 'auto' | 'js';
}

/** A small pool of hashing workers; started on first use, stopped by close(). */
export class CrcPool {
  private readonly size: number;
  private readonly hashWasm: string | undefined;
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly queue: Job[] = [];
  private readonly running = new Map<Worker, Job>();
  private nextId = 1;

  constructor(options: CrcPoolOptions = {}) {
    this.size = options.size ?? Math.max(1, Math.min(4, availableParallelism() - 1));
    this.hashWasm = options.engine === 'js' ? undefined : hashWasmPath();
  }

  /** CRC-64 (decimal, as OSS sends it) of bytes [start, end) of the file at `path`. */
  crcOfRange(path: string, start: number, end: number): Promise<string> {
    if (end <= start) return Promise.resolve('0');
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, path, start, end, resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker; pending jobs fail. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new Error('The hashing pool was closed.'));
    await Promise.all(this.all.map((w) => w.terminate()));
    this.all.length = 0;
    this.idle.length = 0;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop();
      if (!worker) {
        if (this.all.length < this.size) this.spawn();
        return;
      }
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.postMessage({ id: job.id, path: job.path, start: job.start, end: job.end });
    }
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { hashWasm: this.hashWasm } });
    worker.unref();
    worker.on('message', (msg: { ready?: boolean; id: number; crc?: string; error?: { message: string; code?: string } }) => {
      if (msg.ready) {
        this.idle.push(worker);
        this.pump();
        return;
      }
      const job = this.running.get(worker);
      this.running.delete(worker);
      this.idle.push(worker);
      if (job) {
        if (msg.error) job.reject(Object.assign(new Error(msg.error.message), { code: msg.error.code }));
        else job.resolve(msg.crc!);
      }
      this.pump();
    });
    worker.on('error', (err) => {
      const job = this.running.get(worker);
      this.running.delete(worker);
      this.all.splice(this.all.indexOf(worker), 1);
      job?.reject(err);
      this.pump();
    });
    this.all.push(worker);
    return worker;
  }
}
