/** Wall-clock timing for benchmarks. */
export interface Timed<T> {
  value: T;
  ms: number;
}

/** Runs `fn` and returns its result with the elapsed milliseconds (monotonic clock). */
export async function timed<T>(fn: () => Promise<T>): Promise<Timed<T>> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Throughput in MiB/s. */
export function mibPerSec(bytes: number, ms: number): number {
  return bytes / (1024 * 1024) / (ms / 1000);
}

/** Rounds to `digits` decimals for printing and JSON. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
