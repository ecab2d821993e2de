// Edges of JobRunner found by mutation testing (issue 15): byte counters, why a job stopped,
// calls on jobs in the wrong state, the default progress interval and parallelism, and
// what the final progress of a job carries.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { JobRunner } from './job-runner';
import type { JobContext, JobProgress } from './job-types';

afterEach(() => {
  vi.useRealTimers();
});

function runner(options: { intervalMs?: number; maxRunning?: number } = {}) {
  const batches: JobProgress[][] = [];
  const r = new JobRunner({
    emit: (batch) => batches.push(batch),
    describeError: (e) => ({ code: 'Boom', message: String((e as Error).message) }),
    ...options,
  });
  return { r, batches, events: () => batches.flat() };
}

/** Work that waits for `release` (or its abort) and records the stop reason it saw. */
function held() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const reasons: Array<'cancel' | 'pause' | null> = [];
  const work = async (ctx: JobContext) => {
    reasons.push(ctx.stopReason());
    await Promise.race([gate, new Promise((r) => ctx.signal.addEventListener('abort', r))]);
    reasons.push(ctx.stopReason());
  };
  return { work, reasons, release: () => release() };
}

describe('JobRunner edges', () => {
  it('counts bytes up, and a failure list of none changes nothing', async () => {
    const { r, events } = runner({ intervalMs: 0 });
    const id = r.start('copy', async (ctx) => {
      ctx.addBytesTotal(1000);
      ctx.addBytesTotal(500);
      ctx.bytesCopied(200);
      ctx.bytesCopied(300);
      ctx.failed([]);
    });
    const final = await r.wait(id);
    expect(final).toMatchObject({ bytesTotal: 1500, bytesDone: 500, done: 0, failedCount: 0, failed: [], scanning: false, state: 'finished' });
    expect(events().filter((e) => !e.finished).map((e) => [e.bytesTotal, e.bytesDone])).toContainEqual([1000, 0]);
  });

  it('tells the work why it stopped; a cancel during a pause wins and a later pause never downgrades it', async () => {
    const { r } = runner({ intervalMs: 0 });
    const a = held();
    const first = r.start('copy', a.work);
    await vi.waitFor(() => expect(a.reasons).toHaveLength(1));
    r.pause(first);
    r.cancel(first);
    r.pause(first);
    expect(await r.wait(first)).toMatchObject({ cancelled: true, state: 'finished' });
    expect(a.reasons).toEqual([null, 'cancel']);

    const b = held();
    const second = r.start('copy', b.work);
    await vi.waitFor(() => expect(b.reasons).toHaveLength(1));
    r.pause(second);
    await vi.waitFor(() => expect(r.stateOf(second)).toBe('paused'));
    expect(b.reasons).toEqual([null, 'pause']);
    const pausedFinal = r.wait(second);
    r.cancel(second);
    expect(await pausedFinal).toMatchObject({ cancelled: true });
  });

  it('ignores pause, resume and cancel for ids it does not know or states they do not apply to', async () => {
    const { r, batches } = runner({ intervalMs: 0 });
    r.pause('nope');
    r.resume('nope');
    r.cancel('nope');
    expect(batches).toEqual([]);
    const a = held();
    const id = r.start('copy', a.work);
    await vi.waitFor(() => expect(a.reasons).toHaveLength(1));
    r.resume(id);
    expect(r.stateOf(id)).toBe('running');
    a.release();
    const final = await r.wait(id);
    expect(final).toMatchObject({ cancelled: false, state: 'finished' });
    r.pause(id);
    r.cancel(id);
    expect(r.stateOf(id)).toBeUndefined();
    expect(batches.flat().filter((p) => p.finished)).toHaveLength(1);
  });

  it('runs every job at once by default; a job that waits is reported as queued first', async () => {
    const open = runner({ intervalMs: 0 });
    const works = [held(), held(), held()];
    const ids = works.map((w) => open.r.start('copy', w.work));
    expect(ids.map((id) => open.r.stateOf(id))).toEqual(['running', 'running', 'running']);
    works.forEach((w) => w.release());
    await Promise.all(ids.map((id) => open.r.wait(id)));

    const one = runner({ intervalMs: 0, maxRunning: 1 });
    const x = held();
    const y = held();
    const first = one.r.start('copy', x.work);
    const second = one.r.start('copy', y.work);
    expect(one.events().filter((e) => e.jobId === second).map((e) => e.state)).toEqual(['queued']);
    expect(one.events().filter((e) => e.jobId === first).map((e) => e.state)).not.toContain('queued');
    // Paused while queued: it leaves the queue, so the free slot goes to nobody until resumed.
    one.r.pause(second);
    x.release();
    await one.r.wait(first);
    expect(one.r.stateOf(second)).toBe('paused');
    expect(y.reasons).toEqual([]);
    one.r.resume(second);
    await vi.waitFor(() => expect(y.reasons).toHaveLength(1));
    y.release();
    expect(await one.r.wait(second)).toMatchObject({ cancelled: false });
  });

  it('emits at most one progress batch per 250 ms by default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(10_000);
    const { r, batches } = runner();
    let ctx!: JobContext;
    let finish!: () => void;
    const id = r.start('copy', (c) => {
      ctx = c;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    // Starting emitted the running state just now, so the next change waits out the interval.
    batches.length = 0;
    ctx.succeeded(1);
    await vi.advanceTimersByTimeAsync(100);
    ctx.succeeded(1);
    await vi.advanceTimersByTimeAsync(149);
    expect(batches).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]![0]).toMatchObject({ done: 2, finished: false });
    // A change long after the last batch goes out at once.
    await vi.advanceTimersByTimeAsync(1_000);
    ctx.succeeded(1);
    expect(batches).toHaveLength(2);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(await r.wait(id)).toBeUndefined();
  });

  it('an error is carried by the final progress only, and the final list holds every failure', async () => {
    const { r, events } = runner({ intervalMs: 0 });
    const id = r.start('delete', async (ctx) => {
      ctx.failed([{ key: 'a', code: 'AccessDenied', message: 'no' }]);
      ctx.succeeded(1);
      throw new Error('listing denied');
    });
    const final = await r.wait(id);
    expect(final).toMatchObject({ error: { code: 'Boom', message: 'listing denied' }, failedCount: 1, done: 2, cancelled: false });
    expect(final?.failed.map((f) => f.key)).toEqual(['a']);
    const intermediate = events().filter((e) => !e.finished);
    expect(intermediate.length).toBeGreaterThan(0);
    for (const e of intermediate) expect(e).not.toHaveProperty('error');
    expect(intermediate.at(-1)?.failed).toEqual([]);
  });

  it('a cancelled job that never started ends cancelled and not scanning', async () => {
    const { r } = runner({ intervalMs: 0, maxRunning: 1 });
    const a = held();
    const first = r.start('copy', a.work);
    const second = r.start('copy', async () => undefined);
    const final = r.wait(second);
    r.cancel(second);
    expect(await final).toMatchObject({ cancelled: true, scanning: false, state: 'finished', done: 0 });
    a.release();
    await r.wait(first);
  });
});
