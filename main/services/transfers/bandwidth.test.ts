import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it, vi } from 'vitest';
import { BandwidthLimiter, MeteredStream } from './bandwidth';

/** Pushes `total` bytes through a metered stream sharing `limiter`; resolves with the bytes counted. */
async function pump(limiter: BandwidthLimiter, total: number): Promise<number> {
  let counted = 0;
  const chunks = Array.from({ length: total / 16384 }, () => Buffer.alloc(16384));
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  await pipeline(Readable.from(chunks), new MeteredStream({ limiter, onBytes: (n) => (counted += n) }), sink);
  return counted;
}

describe('BandwidthLimiter', () => {
  it('passes everything at once when unlimited', () => {
    const l = new BandwidthLimiter(0);
    expect(l.take(10 * 1024 * 1024)).toBe(0);
  });

  it('shares one budget across streams: two streams at 1 MiB/s together take as long as one stream of both', async () => {
    // Timers and Date are faked: the streams' waits advance a virtual clock, so the
    // figures below are exact and the test does not depend on the machine's load.
    vi.useFakeTimers({ toFake: ['setTimeout', 'Date'] });
    try {
      const elapsed = async (streams: number[]): Promise<number> => {
        const limiter = new BandwidthLimiter(1024 * 1024);
        const start = Date.now();
        const done = Promise.all(streams.map((n) => pump(limiter, n)));
        await vi.runAllTimersAsync();
        const counted = await done;
        expect(counted).toEqual(streams);
        return Date.now() - start;
      };
      const one = await elapsed([512 * 1024]);
      const two = await elapsed([512 * 1024, 512 * 1024]);
      const both = await elapsed([1024 * 1024]);
      // 512 KiB at 1 MiB/s from an empty bucket: half a second of virtual time.
      expect(one).toBe(500);
      // Two streams share the budget: they need what one stream of both needs, twice what each alone needs.
      expect(both).toBe(1000);
      expect(two).toBe(both);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks a caller to wait in proportion to the debt', () => {
    let now = 1_000_000;
    const l = new BandwidthLimiter(100_000, () => now);
    expect(l.take(64 * 1024)).toBe(656); // the bucket starts empty: 65,536 B at 100,000 B/s
    expect(l.take(50_000)).toBe(1156); // (65,536 + 50,000) B of debt
    now += 1156;
    expect(l.take(0)).toBe(0); // the debt is paid after that long
    now += 10_000;
    expect(l.take(25_000)).toBe(0); // a quiet spell refills at most the burst (64 KiB here)
    expect(l.take(41_000)).toBe(5); // 65,536 − 25,000 − 41,000 = −464 B: 4.64 ms, rounded up
  });
});
