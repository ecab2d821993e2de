// JobRunner survivors of the first jobs mutation run (issue 15): a job reports "scanning"
// until its work says the scan is done, and an empty failure list is no change to report.
import { describe, expect, it } from 'vitest';
import { JobRunner } from './job-runner';
import type { JobContext, JobProgress } from './job-types';

describe('JobRunner scanning and empty changes', () => {
  it('reports scanning from the start until scanDone, and no batch for an empty failure list', async () => {
    const batches: JobProgress[][] = [];
    const r = new JobRunner({ emit: (b) => batches.push(b), describeError: () => ({ code: 'Boom', message: 'x' }), intervalMs: 0 });
    let ctx!: JobContext;
    let finish!: () => void;
    const id = r.start('copy', (c) => {
      ctx = c;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    expect(batches.flat().at(-1)).toMatchObject({ jobId: id, state: 'running', scanning: true });
    const before = batches.length;
    ctx.failed([]);
    expect(batches.length).toBe(before);
    ctx.addTotal(2);
    expect(batches.flat().at(-1)).toMatchObject({ total: 2, scanning: true });
    ctx.scanDone();
    expect(batches.flat().at(-1)).toMatchObject({ total: 2, scanning: false, finished: false });
    finish();
    expect(await r.wait(id)).toMatchObject({ scanning: false, finished: true });
  });
});
