import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
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

  it('shares one budget across streams: two streams at 1 MB/s total take about twice as long as one', async () => {
    const limiter = new BandwidthLimiter(1024 * 1024);
    const start = Date.now();
    const [a, b] = await Promise.all([pump(limiter, 512 * 1024), pump(limiter, 512 * 1024)]);
    const seconds = (Date.now() - start) / 1000;
    expect(a + b).toBe(1024 * 1024);
    // 1 MiB at 1 MiB/s with a 256 KiB burst: at least ~0.7 s; each stream alone would have needed half.
    expect(seconds).toBeGreaterThan(0.6);
  });

  it('asks a caller to wait in proportion to the debt', () => {
    const l = new BandwidthLimiter(100_000);
    l.take(64 * 1024); // the bucket starts empty: this is already debt
    const wait = l.take(50_000);
    // (65,536 + 50,000) bytes at 100,000 B/s ≈ 1.16 s
    expect(wait).toBeGreaterThan(1000);
    expect(wait).toBeLessThan(1300);
  });
});
