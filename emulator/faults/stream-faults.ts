/** Body-level faults: cut a request or response after N bytes and pace bodies to a byte rate, without buffering them. */
import type { IncomingMessage, ServerResponse } from 'node:http';

type WriteFn = ServerResponse['write'];
type EndFn = ServerResponse['end'];

/**
 * Stream-level faults. The request body is intercepted at `req.push` (where Node's HTTP
 * parser hands over body bytes) and the response at `res.write`/`res.end`, so they work
 * whatever way the store consumes or produces bodies (pipe, pipeline, for-await).
 */

/** Cuts the connection once more than `afterBytes` of the request body arrived. */
export function dropRequestAfter(req: IncomingMessage, afterBytes: number): void {
  let seen = 0;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk === null || !Buffer.isBuffer(chunk)) return push(chunk, encoding);
    const allowed = Math.max(0, afterBytes - seen);
    seen += chunk.length;
    if (chunk.length <= allowed) return push(chunk, encoding);
    if (allowed > 0) push(chunk.subarray(0, allowed));
    req.socket.destroy();
    return false;
  };
  if (afterBytes === 0) setImmediate(() => req.socket.destroy());
}

/** Cuts the connection once `afterBytes` of the response body have been written. */
export function dropResponseAfter(res: ServerResponse, afterBytes: number): void {
  const socket = res.socket;
  let written = 0;
  let cut = false;
  const write = res.write.bind(res) as (chunk: unknown, encoding?: unknown, cb?: unknown) => boolean;
  const end = res.end.bind(res) as (chunk?: unknown, encoding?: unknown, cb?: unknown) => ServerResponse;
  // Returns true when the chunk was swallowed because the connection is (being) cut.
  const swallow = (chunk: unknown, encoding: unknown): boolean => {
    if (cut) return true;
    const buf = toBuffer(chunk, encoding);
    const allowed = Math.max(0, afterBytes - written);
    written += buf.length;
    if (buf.length <= allowed) return false;
    cut = true;
    const reset = () => socket?.destroy();
    if (allowed > 0) write(buf.subarray(0, allowed), undefined, reset);
    else reset();
    return true;
  };
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    if (swallow(chunk, encoding)) return false;
    return write(chunk, encoding, cb);
  }) as WriteFn;
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    const hasData = chunk !== undefined && typeof chunk !== 'function';
    if (cut || (hasData && swallow(chunk, encoding))) return res;
    return end(chunk, encoding, cb);
  }) as EndFn;
}

/**
 * Caps the request body rate: body chunks wait in a queue until their due time, and the
 * parser is told "buffer full" meanwhile, so Node stops reading the socket (TCP then slows
 * the sender) until the consumer reads again.
 */
export function throttleRequest(req: IncomingMessage, bytesPerSec: number): void {
  const start = Date.now();
  let released = 0;
  let timer: NodeJS.Timeout | undefined;
  let lastResult = true;
  const queue: Array<Buffer | null> = [];
  const push = req.push.bind(req);
  const pump = (): void => {
    timer = undefined;
    while (queue.length > 0) {
      const chunk = queue[0]!;
      if (chunk !== null) {
        const due = start + ((released + chunk.length) / bytesPerSec) * 1000;
        if (due > Date.now()) {
          timer = setTimeout(pump, Math.max(1, due - Date.now()));
          return;
        }
        released += chunk.length;
      }
      queue.shift();
      lastResult = push(chunk);
    }
  };
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk !== null && !Buffer.isBuffer(chunk)) return push(chunk, encoding);
    queue.push(chunk);
    if (!timer) pump();
    return queue.length === 0 && lastResult;
  };
}

/** Caps the response body rate: writes are queued to their due time and report backpressure meanwhile. */
export function throttleResponse(res: ServerResponse, bytesPerSec: number): void {
  const start = Date.now();
  let sent = 0;
  const queue: Array<{ due: number; run: () => void }> = [];
  let timer: NodeJS.Timeout | undefined;
  const write = res.write.bind(res) as (chunk: unknown, encoding?: unknown, cb?: unknown) => boolean;
  const end = res.end.bind(res) as (chunk?: unknown, encoding?: unknown, cb?: unknown) => ServerResponse;
  const dueFor = (chunk: unknown, encoding: unknown): number => {
    sent += toBuffer(chunk, encoding).length;
    return start + (sent / bytesPerSec) * 1000;
  };
  const pump = (): void => {
    timer = undefined;
    while (queue.length > 0 && queue[0]!.due <= Date.now()) queue.shift()!.run();
    if (queue.length > 0) timer = setTimeout(pump, Math.max(1, queue[0]!.due - Date.now()));
    else res.emit('drain');
  };
  const enqueue = (due: number, run: () => void): void => {
    queue.push({ due, run });
    if (!timer) timer = setTimeout(pump, Math.max(0, due - Date.now()));
  };
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    const due = dueFor(chunk, encoding);
    if (due <= Date.now() && queue.length === 0) return write(chunk, encoding, cb);
    enqueue(due, () => write(chunk, encoding, cb));
    return false;
  }) as WriteFn;
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    const due = chunk !== undefined && typeof chunk !== 'function' ? dueFor(chunk, encoding) : 0;
    if (due <= Date.now() && queue.length === 0) return end(chunk, encoding, cb);
    enqueue(due, () => end(chunk, encoding, cb));
    return res;
  }) as EndFn;
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  return Buffer.alloc(0);
}
