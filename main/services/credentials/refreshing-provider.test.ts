import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { computeRefreshAt, RefreshingProvider } from './refreshing-provider';
import { CredentialError, type CredentialEvent, type Credentials } from './types';

const MIN = 60_000;

/** A source that issues numbered credentials valid for `lifetimeMs` from the clock's now. */
function issuing(clock: ManualClock, lifetimeMs: number) {
  const state = { calls: 0, fail: 0, gate: undefined as Promise<void> | undefined };
  const source = async (): Promise<Credentials> => {
    state.calls++;
    if (state.gate) await state.gate;
    if (state.fail > 0) {
      state.fail--;
      throw new CredentialError('ServiceUnavailable', 'STS is down');
    }
    return { accessKeyId: `STS.key${state.calls}`, accessKeySecret: `s${state.calls}`, securityToken: `t${state.calls}`, expiration: new Date(clock.now() + lifetimeMs) };
  };
  return { state, source };
}

describe('computeRefreshAt', () => {
  it('uses the earlier of 80% of the lifetime and 5 minutes before expiry', () => {
    // 1 h: 80% = 48 min, 5 min before = 55 min -> 48 min.
    expect(computeRefreshAt(0, 60 * MIN)).toBe(48 * MIN);
    // 15 min: 80% = 12 min, 5 min before = 10 min -> 10 min.
    expect(computeRefreshAt(0, 15 * MIN)).toBe(10 * MIN);
    // 12 h: 5 min before expiry is later than 80% -> 80%.
    expect(computeRefreshAt(0, 720 * MIN)).toBe(576 * MIN);
    // 2 min: never "due at once"; half the life.
    expect(computeRefreshAt(0, 2 * MIN)).toBe(1 * MIN);
  });
});

describe('RefreshingProvider', () => {
  it('serves cached credentials until the refresh point, then refreshes ahead of expiry by itself', async () => {
    const clock = new ManualClock();
    const { state, source } = issuing(clock, 15 * MIN);
    const events: CredentialEvent[] = [];
    const p = new RefreshingProvider({ type: 'ram-role', source, clock, listener: (e) => events.push(e) });
    expect((await p.getCredentials()).accessKeyId).toBe('STS.key1');
    await clock.advance(9 * MIN);
    expect((await p.getCredentials()).accessKeyId).toBe('STS.key1');
    expect(state.calls).toBe(1);
    // The timer fires at 10 min (5 min before expiry) with nobody calling.
    await clock.advance(1 * MIN + 1);
    expect(state.calls).toBe(2);
    expect((await p.getCredentials()).accessKeyId).toBe('STS.key2');
    expect(p.expiresAt()!.getTime()).toBe(clock.now() - 1 + 15 * MIN);
    expect(events.filter((e) => e.kind === 'refreshed')).toHaveLength(2);
    // An hour of use with 15-minute tokens: one refresh every 10 minutes, never an expired key.
    for (let i = 0; i < 60; i++) {
      await clock.advance(MIN);
      const c = await p.getCredentials();
      expect(c.expiration!.getTime()).toBeGreaterThan(clock.now());
    }
    expect(state.calls).toBe(8);
    p.dispose();
  });

  it('runs one refresh for 10 concurrent callers', async () => {
    const clock = new ManualClock();
    const { state, source } = issuing(clock, 60 * MIN);
    let open!: () => void;
    state.gate = new Promise<void>((r) => (open = r));
    const p = new RefreshingProvider({ type: 'ram-role', source, clock });
    const all = Promise.all(Array.from({ length: 10 }, () => p.getCredentials()));
    open();
    const results = await all;
    expect(state.calls).toBe(1);
    expect(new Set(results.map((c) => c.accessKeyId))).toEqual(new Set(['STS.key1']));
    p.dispose();
  });

  it('keeps valid credentials when a refresh fails, retries with backoff and reports each failure', async () => {
    const clock = new ManualClock();
    const { state, source } = issuing(clock, 60 * MIN);
    const events: CredentialEvent[] = [];
    const p = new RefreshingProvider({ type: 'ram-role', source, clock, listener: (e) => events.push(e), backoffInitialMs: 1000, backoffMaxMs: 8000 });
    await p.getCredentials();
    state.fail = 4;
    await clock.advance(48 * MIN); // refresh point: fails, old credentials still valid
    expect((await p.getCredentials()).accessKeyId).toBe('STS.key1');
    const failures = () => events.filter((e) => e.kind === 'refresh-failed') as Array<Extract<CredentialEvent, { kind: 'refresh-failed' }>>;
    expect(failures()).toHaveLength(1);
    await clock.advance(1000); // 2nd attempt after 1 s
    await clock.advance(2000); // 3rd after 2 s more
    await clock.advance(4000); // 4th after 4 s more
    expect(failures().map((f) => f.attempt)).toEqual([1, 2, 3, 4]);
    const gaps = failures().map((f) => f.retryAt!.getTime()).map((t, i, a) => (i ? t - a[i - 1]! : 0));
    // Attempts at +0, +1 s, +3 s, +7 s wait 1, 2, 4, 8 s: retry times are 2, 4, 8 s apart.
    expect(gaps.slice(1)).toEqual([2000, 4000, 8000]);
    expect(p.lastFailure()?.error.code).toBe('ServiceUnavailable');
    await clock.advance(8000); // 5th attempt succeeds
    expect((await p.getCredentials()).accessKeyId).toBe('STS.key6');
    expect(p.lastFailure()).toBeUndefined();
    p.dispose();
  });

  it('throws a typed error when no valid credentials exist and does not hammer the source during backoff', async () => {
    const clock = new ManualClock();
    const { state, source } = issuing(clock, 60 * MIN);
    state.fail = 100;
    const p = new RefreshingProvider({ type: 'credentials-uri', source, clock, backoffInitialMs: 5000 });
    await expect(p.getCredentials()).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    await expect(p.getCredentials()).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(state.calls).toBe(1);
    await clock.advance(5000);
    await expect(p.getCredentials()).rejects.toThrow(CredentialError);
    expect(state.calls).toBe(2);
    p.dispose();
  });

  it('caps the backoff: after many failures retries come every backoffMaxMs, not later', async () => {
    const clock = new ManualClock();
    const { state, source } = issuing(clock, 12 * 60 * MIN);
    const events: CredentialEvent[] = [];
    const p = new RefreshingProvider({ type: 'ram-role', source, clock, listener: (e) => events.push(e), backoffInitialMs: 1000, backoffMaxMs: 8000 });
    await p.getCredentials();
    state.fail = 8;
    await clock.advance(576 * MIN); // refresh point of a 12 h session; old credentials valid for hours
    // Attempt n waits min(1 s * 2^(n-1), 8 s): 1, 2, 4, 8, 8, 8, 8 s (uncapped: 16, 32, 64 s).
    for (const wait of [1000, 2000, 4000, 8000, 8000, 8000, 8000]) await clock.advance(wait);
    const failed = events.filter((e) => e.kind === 'refresh-failed') as Array<Extract<CredentialEvent, { kind: 'refresh-failed' }>>;
    expect(failed.map((f) => f.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const gaps = failed.map((f) => f.retryAt!.getTime()).map((t, i, a) => (i ? t - a[i - 1]! : 0)).slice(1);
    expect(gaps).toEqual([2000, 4000, 8000, 8000, 8000, 8000, 8000]);
    expect(state.calls).toBe(9);
    await clock.advance(8000);
    expect((await p.getCredentials()).accessKeyId).toBe('STS.key10');
    p.dispose();
  });

  it('fetches anew after invalidate (OSS rejected the credentials)', async () => {
    const clock = new ManualClock();
    const { state, source } = issuing(clock, 60 * MIN);
    const p = new RefreshingProvider({ type: 'ecs-ram-role', source, clock });
    await p.getCredentials();
    p.invalidate();
    expect((await p.getCredentials()).accessKeyId).toBe('STS.key2');
    expect(state.calls).toBe(2);
    p.dispose();
  });
});
