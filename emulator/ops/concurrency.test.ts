/** Concurrent writers: one winner among appends at the same position; overwrites and parallel puts stay whole. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, raw } from '../conformance/oss-client';
import { startHarness, type Harness } from '../conformance/store-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ memory: true });
  await h.store.createBucket('race', '1', 'oss-cn-hangzhou');
});
afterAll(async () => {
  await h.close();
});

describe('concurrent writers', () => {
  it('lets exactly one of several appends at the same position win', async () => {
    const bodies = ['aaaa', 'bbbb', 'cccc', 'dddd', 'eeee'];
    const results = await Promise.all(bodies.map((b) => raw(h.endpoint, 'POST', '/race/log?append&position=0', { 'Content-Length': '4' }, b)));
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => errorCode(r.text) === 'PositionNotEqualToLength')).toHaveLength(4);
    const got = await raw(h.endpoint, 'GET', '/race/log');
    expect(bodies).toContain(got.text);
  });

  it('keeps the last of many overwrites whole, and every key of parallel puts', async () => {
    const puts = Array.from({ length: 20 }, (_, i) => raw(h.endpoint, 'PUT', `/race/k${i % 4}`, { 'Content-Length': '6' }, `v-${String(i).padStart(4, '0')}`));
    await Promise.all(puts);
    for (let k = 0; k < 4; k++) {
      const got = await raw(h.endpoint, 'GET', `/race/k${k}`);
      expect(got.text).toMatch(/^v-\d{4}$/);
      expect(Number(got.text.slice(2)) % 4).toBe(k);
    }
    const listing = await raw(h.endpoint, 'GET', '/race/?prefix=k');
    expect([...listing.text.matchAll(/<Key>(k\d)<\/Key>/g)].map((m) => m[1])).toEqual(['k0', 'k1', 'k2', 'k3']);
  });
});
