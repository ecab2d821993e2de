import { describe, expect, it } from 'vitest';
import type { OperationProgress } from '../../../shared/object-types';
import { toOperationProgress } from './operation-progress';
import { createOperationRunner } from './operation-runner';

function runner(events: OperationProgress[]) {
  return createOperationRunner({
    emit: (p) => events.push(p),
    describeError: (e) => ({ code: 'Boom', message: String((e as Error).message) }),
    intervalMs: 0,
  });
}

describe('OperationRunner', () => {
  it('reports progress, new failures per event and the complete failure list at the end', async () => {
    const events: OperationProgress[] = [];
    const r = runner(events);
    const id = r.start('delete', async (ctx) => {
      ctx.addTotal(3);
      ctx.succeeded(1);
      await new Promise((resolve) => setTimeout(resolve, 5));
      ctx.failed([{ key: 'a', code: 'AccessDenied', message: 'no' }]);
      await new Promise((resolve) => setTimeout(resolve, 5));
      ctx.failed([{ key: 'b', code: 'AccessDenied', message: 'no' }]);
      ctx.scanDone();
    });
    const job = await r.wait(id);
    const final = job && toOperationProgress(job);
    expect(final).toMatchObject({ operationId: id, kind: 'delete', done: 3, total: 3, failedCount: 2, finished: true, cancelled: false, scanning: false });
    expect(final?.failed.map((f) => f.key)).toEqual(['a', 'b']);
    const intermediateFailures = events.filter((e) => !e.finished).flatMap((e) => e.failed.map((f) => f.key));
    expect(intermediateFailures).toEqual(['a', 'b']);
    expect(events.at(-1)).toEqual(final);
  });

  it('cancels between steps and reports an operation-level error', async () => {
    const events: OperationProgress[] = [];
    const r = runner(events);
    let steps = 0;
    const id = r.start('copy', async (ctx) => {
      ctx.addTotal(100);
      while (!ctx.signal.aborted && steps < 1000) {
        steps++;
        ctx.succeeded(1);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    });
    setTimeout(() => r.cancel(id), 20);
    const final = await r.wait(id);
    expect(final?.cancelled).toBe(true);
    expect(steps).toBeLessThan(1000);

    const failing = r.start('move', async () => {
      throw new Error('listing denied');
    });
    expect(await r.wait(failing)).toMatchObject({ finished: true, error: { code: 'Boom', message: 'listing denied' } });
  });
});
