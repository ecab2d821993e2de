// Boundaries of RefreshingProvider found by mutation testing (issue 15): the exact moment a
// refresh is due and credentials stop being usable, what a disposed provider still does,
// and when a timer is armed at all. A hand-driven clock whose timers fire only when the
// test says so makes each moment exact.
import { describe, expect, it } from 'vitest';
import type { Clock } from './clock';
import { RefreshingProvider, computeRefreshAt } from './refreshing-provider';
import type { Credentials } from './types';

const HOUR = 3_600_000;
const MARGIN = 15_000;

function stillClock(start = 0) {
  const timers: Array<{ at: number; fn: () => void; cancelled: boolean }> = [];
  const clock: Clock & { t: number } = {
    t: start,
    now: () => clock.t,
    schedule(fn, ms) {
      const timer = { at: clock.t + ms, fn, cancelled: false };
      timers.push(timer);
      return { cancel: () => void (timer.cancelled = true) };
    },
  };
  const live = () => timers.filter((t) => !t.cancelled);
  return { clock, live };
}

/** A source handing out numbered credentials valid for an hour from the clock's now. */
function counting(clock: { now(): number }, opts: { expires?: boolean; fail?: () => boolean } = {}) {
  let n = 0;
  return async (): Promise<Credentials> => {
    if (opts.fail?.()) throw Object.assign(new Error('STS down'), { code: 'ServiceUnavailable' });
    n++;
    return { accessKeyId: `id-${n}`, accessKeySecret: `secret-${n}`, ...(opts.expires === false ? {} : { expiration: new Date(clock.now() + HOUR) }) };
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('RefreshingProvider boundaries', () => {
  it('serves the cached credentials until the refresh moment, and starts a background refresh exactly then', async () => {
    const { clock } = stillClock();
    const p = new RefreshingProvider({ type: 'ram-role', source: counting(clock), clock });
    expect((await p.getCredentials()).accessKeyId).toBe('id-1');
    const refreshAt = computeRefreshAt(0, HOUR);
    clock.t = refreshAt - 1;
    expect((await p.getCredentials()).accessKeyId).toBe('id-1');
    expect(p.sourceCalls).toBe(1);
    clock.t = refreshAt;
    expect((await p.getCredentials()).accessKeyId).toBe('id-1');
    expect(p.sourceCalls).toBe(2);
    await tick();
    expect((await p.getCredentials()).accessKeyId).toBe('id-2');
  });

  it('credentials within 15 s of expiry are not handed out: the caller waits for new ones', async () => {
    const { clock } = stillClock();
    const p = new RefreshingProvider({ type: 'ram-role', source: counting(clock), clock });
    await p.getCredentials();
    clock.t = HOUR - MARGIN - 1;
    expect((await p.getCredentials()).accessKeyId).toBe('id-1');
    await tick();
    const q = new RefreshingProvider({ type: 'ram-role', source: counting(clock), clock });
    clock.t = 0;
    await q.getCredentials();
    clock.t = HOUR - MARGIN;
    expect((await q.getCredentials()).accessKeyId).toBe('id-2');
  });

  it('arms no timer for credentials without an expiry, nor after a first refresh that failed', async () => {
    const { clock, live } = stillClock();
    const p = new RefreshingProvider({ type: 'credentials-uri', source: counting(clock, { expires: false }), clock });
    await p.getCredentials();
    expect(live()).toHaveLength(0);
    const failing = new RefreshingProvider({ type: 'credentials-uri', source: counting(clock, { fail: () => true }), clock });
    await expect(failing.getCredentials()).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(live()).toHaveLength(0);
  });

  it('a failed background refresh is not retried by callers before its back-off ends', async () => {
    const { clock } = stillClock();
    let down = false;
    const p = new RefreshingProvider({ type: 'ram-role', source: counting(clock, { fail: () => down }), clock, backoffInitialMs: 1_000 });
    await p.getCredentials();
    down = true;
    clock.t = computeRefreshAt(0, HOUR);
    await p.getCredentials();
    await tick();
    expect(p.sourceCalls).toBe(2);
    clock.t += 999;
    expect((await p.getCredentials()).accessKeyId).toBe('id-1');
    await tick();
    expect(p.sourceCalls).toBe(2);
    clock.t += 1;
    await p.getCredentials();
    await tick();
    expect(p.sourceCalls).toBe(3);
  });

  it('a disposed provider refreshes nothing in the background and arms no timer, even when a refresh ends after dispose', async () => {
    const { clock, live } = stillClock();
    const p = new RefreshingProvider({ type: 'ram-role', source: counting(clock), clock });
    await p.getCredentials();
    expect(live()).toHaveLength(1);
    p.dispose();
    expect(live()).toHaveLength(0);
    clock.t = computeRefreshAt(0, HOUR);
    expect((await p.getCredentials()).accessKeyId).toBe('id-1');
    await tick();
    expect(p.sourceCalls).toBe(1);

    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const source = counting(clock);
    const q = new RefreshingProvider({ type: 'ram-role', source: async () => (await gate, source()), clock });
    const first = q.getCredentials();
    q.dispose();
    release();
    await first;
    expect(live()).toHaveLength(0);
  });
});
