import { describe, expect, it } from 'vitest';
import { JobRunner } from './job-runner';
import type { JobContext, JobProgress } from './job-types';

const tick = (ms = 1) => new Promise((resolve) => setTimeout(resolve, ms));

function runner(options: { intervalMs?: number; maxRunning?: number } = {}) {
  const batches: JobProgress[][] = [];
  const r = new JobRunner({
    emit: (batch) => batches.push(batch),
    describeError: (e) => ({ code: 'Boom', message: String((e as Error).message) }),
    intervalMs: options.intervalMs ?? 0,
    maxRunning: options.maxRunning,
  });
  const events = () => batches.flat();
  return { r, batches, events };
}

/** Work that counts `n` keys one per tick until stopped; resumes after its checkpoint. */
function counting(n: number, seen: Array<number | undefined> = []) {
  return async (ctx: JobContext<number>) => {
    seen.push(ctx.resumeFrom);
    let i = ctx.resumeFrom ?? 0;
    if (i === 0) ctx.addTotal(n);
    while (i < n && !ctx.signal.aborted) {
      await tick();
      i++;
      ctx.succeeded(1);
      await ctx.checkpoint(i);
    }
    if (i === n) ctx.scanDone();
  };
}

describe('JobRunner', () => {
  it('reports progress, new failures per event and the complete failure list at the end', async () => {
    const { r, events } = runner();
    const id = r.start('delete', async (ctx) => {
      ctx.addTotal(3);
      ctx.succeeded(1);
      await tick(5);
      ctx.failed([{ key: 'a', code: 'AccessDenied', message: 'no' }]);
      await tick(5);
      ctx.failed([{ key: 'b', code: 'AccessDenied', message: 'no' }]);
      ctx.scanDone();
    });
    const final = await r.wait(id);
    expect(final).toMatchObject({ jobId: id, kind: 'delete', state: 'finished', done: 3, total: 3, failedCount: 2, finished: true, cancelled: false, scanning: false });
    expect(final?.failed.map((f) => f.key)).toEqual(['a', 'b']);
    const intermediate = events().filter((e) => !e.finished);
    expect(intermediate.flatMap((e) => e.failed.map((f) => f.key))).toEqual(['a', 'b']);
    expect(events().at(-1)).toEqual(final);
    expect(await r.wait(id)).toBeUndefined();
  });

  it('cancels between steps; an error thrown after a cancel is not reported as a failure', async () => {
    const { r } = runner();
    let steps = 0;
    const id = r.start('copy', async (ctx) => {
      ctx.addTotal(1000);
      while (steps < 1000) {
        if (ctx.signal.aborted) throw new Error('request aborted');
        steps++;
        ctx.succeeded(1);
        await tick();
      }
    });
    await expect.poll(() => steps).toBeGreaterThan(3);
    r.cancel(id);
    const final = await r.wait(id);
    expect(final).toMatchObject({ cancelled: true, finished: true, state: 'finished' });
    expect(final?.error).toBeUndefined();
    expect(steps).toBeLessThan(1000);
  });

  it('reports a job-level error with the described code', async () => {
    const { r } = runner();
    const id = r.start('move', async () => {
      throw new Error('listing denied');
    });
    expect(await r.wait(id)).toMatchObject({ finished: true, cancelled: false, error: { code: 'Boom', message: 'listing denied' } });
  });

  it('pauses a running job and resumes it from its last checkpoint, counting each key once', async () => {
    const { r, events } = runner();
    const seen: Array<number | undefined> = [];
    const stored: number[] = [];
    const id = r.start('upload', counting(200, seen), { onCheckpoint: (n) => void stored.push(n) });
    await expect.poll(() => stored.length).toBeGreaterThan(2);
    r.pause(id);
    await expect.poll(() => r.stateOf(id)).toBe('paused');
    const at = stored.at(-1)!;
    expect(events().at(-1)).toMatchObject({ state: 'paused', finished: false, cancelled: false, done: at });
    await tick(10);
    expect(stored.at(-1)).toBe(at);
    r.resume(id);
    const final = await r.wait(id);
    expect(seen).toEqual([undefined, at]);
    expect(final).toMatchObject({ done: 200, total: 200, finished: true, cancelled: false, scanning: false });
    expect(stored.at(-1)).toBe(200);
  });

  it('starts from a checkpoint given at start (a job resumed after a restart)', async () => {
    const { r } = runner();
    const seen: Array<number | undefined> = [];
    const id = r.start('upload', counting(5, seen), { resumeFrom: 3 });
    expect(await r.wait(id)).toMatchObject({ done: 2, finished: true });
    expect(seen).toEqual([3]);
  });

  it('waits for the checkpoint hook before the work goes on', async () => {
    const { r } = runner();
    const order: string[] = [];
    const id = r.start<string>(
      'upload',
      async (ctx) => {
        await ctx.checkpoint('part-1');
        order.push('after checkpoint');
      },
      {
        onCheckpoint: async (state) => {
          await tick(5);
          order.push(`stored ${state}`);
        },
      },
    );
    await r.wait(id);
    expect(order).toEqual(['stored part-1', 'after checkpoint']);
  });

  it('runs at most maxRunning jobs at once, in the order they were started', async () => {
    const { r } = runner({ maxRunning: 2 });
    let live = 0;
    let peak = 0;
    const startedOrder: string[] = [];
    const job = (name: string) => async () => {
      startedOrder.push(name);
      live++;
      peak = Math.max(peak, live);
      await tick(5);
      live--;
    };
    const ids = ['a', 'b', 'c', 'd'].map((n) => r.start('copy', job(n)));
    expect(r.stateOf(ids[2]!)).toBe('queued');
    await Promise.all(ids.map((id) => r.wait(id)));
    expect(peak).toBe(2);
    expect(startedOrder).toEqual(['a', 'b', 'c', 'd']);
  });

  it('pauses and cancels queued jobs without running them; a paused job can be cancelled', async () => {
    const { r } = runner({ maxRunning: 1 });
    let ran = 0;
    const blocker = r.start('copy', counting(5));
    const queued = r.start('copy', async () => void ran++);
    const other = r.start('copy', async () => void ran++);
    r.pause(queued);
    expect(r.stateOf(queued)).toBe('paused');
    // A finished job is forgotten: ask for its final progress before cancelling.
    const otherFinal = r.wait(other);
    r.cancel(other);
    expect(await otherFinal).toMatchObject({ cancelled: true, finished: true, done: 0 });
    await r.wait(blocker);
    expect(ran).toBe(0);
    expect(r.stateOf(queued)).toBe('paused');
    r.cancel(queued);
    expect(await r.wait(queued)).toBeUndefined();
    expect(ran).toBe(0);
  });

  it('batches the progress of every changed job into one emit per interval', async () => {
    const { r, batches } = runner({ intervalMs: 40 });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const work = async (ctx: JobContext) => {
      ctx.addTotal(1);
      await gate;
      ctx.succeeded(1);
      ctx.succeeded(1);
      await tick(5);
    };
    const a = r.start('copy', work);
    const b = r.start('copy', work);
    batches.length = 0;
    open();
    await Promise.all([r.wait(a), r.wait(b)]);
    // Four counter changes across two jobs within one interval: one batch carries both jobs.
    const intermediate = batches.filter((batch) => batch.every((p) => !p.finished));
    expect(intermediate.length).toBeLessThanOrEqual(1);
    expect(batches.flat().filter((p) => p.finished).map((p) => p.jobId).sort()).toEqual([a, b].sort());
    const both = batches.find((batch) => new Set(batch.map((p) => p.jobId)).size === 2);
    expect(both).toBeDefined();
  });

  it('cancelAll stops running, queued and paused jobs', async () => {
    const { r } = runner({ maxRunning: 1 });
    const ids = [r.start('copy', counting(1000)), r.start('copy', counting(1000)), r.start('copy', counting(1000))];
    r.pause(ids[2]!);
    await tick(5);
    const finals = Promise.all(ids.map((id) => r.wait(id)));
    r.cancelAll();
    expect((await finals).map((f) => f?.cancelled)).toEqual([true, true, true]);
    for (const id of ids) expect(r.stateOf(id)).toBeUndefined();
  });
});
