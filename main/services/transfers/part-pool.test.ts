import { describe, expect, it } from 'vitest';
import { missingParts, runParts } from './part-pool';

/** A promise the test settles by hand, so the order of events is chosen, not timed. */
function deferred(): { promise: Promise<void>; resolve(): void; reject(err: unknown): void } {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

describe('runParts', () => {
  it('does every part once, never more than `parallel` at a time, saves after parts without overlapping writes', async () => {
    const gates = new Map<number, ReturnType<typeof deferred>>();
    const started: number[] = [];
    let running = 0;
    let maxRunning = 0;
    let saving = 0;
    let saves = 0;
    let overlappingSaves = 0;
    const done = runParts({
      todo: [1, 2, 3, 4, 5, 6, 7],
      parallel: 3,
      part: async (n) => {
        started.push(n);
        running++;
        maxRunning = Math.max(maxRunning, running);
        const gate = deferred();
        gates.set(n, gate);
        await gate.promise;
        running--;
      },
      save: async () => {
        if (saving > 0) overlappingSaves++;
        saving++;
        await turn();
        saving--;
        saves++;
      },
    });
    await turn();
    expect(started).toEqual([1, 2, 3]);
    // Finish out of order: 3, then 1, …
    for (const n of [3, 1, 2, 5, 4, 7, 6]) {
      while (!gates.has(n)) await turn();
      gates.get(n)!.resolve();
      await turn();
    }
    await done;
    expect([...started].sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(maxRunning).toBe(3);
    // Saves asked for while one waited to start are one write; there is at least one, after the last part.
    expect(saves).toBeGreaterThanOrEqual(1);
    expect(saves).toBeLessThanOrEqual(7);
    expect(overlappingSaves).toBe(0);
  });

  it('stops starting parts after the first failure, lets running parts finish and save, then throws that failure', async () => {
    const gates = new Map<number, ReturnType<typeof deferred>>();
    const started: number[] = [];
    const saved: number[] = [];
    let finishedLast = 0;
    const done = runParts({
      todo: [1, 2, 3, 4, 5],
      parallel: 2,
      part: async (n) => {
        started.push(n);
        const gate = deferred();
        gates.set(n, gate);
        await gate.promise;
        finishedLast = n;
      },
      save: async () => {
        saved.push(finishedLast);
      },
    });
    await turn();
    gates.get(1)!.reject(new Error('part 1 broke'));
    await turn();
    gates.get(2)!.reject(new Error('part 2 broke too'));
    await expect(done).rejects.toThrow('part 1 broke');
    expect(started).toEqual([1, 2]);
    expect(saved).toEqual([]);
  });

  it('does not hold a connection for the checkpoint write, and throws a failed write', async () => {
    const started: number[] = [];
    const write = deferred();
    const done = runParts({
      todo: [1, 2, 3, 4],
      parallel: 1,
      part: async (n) => {
        started.push(n);
      },
      save: () => write.promise,
    });
    await turn();
    // The first write has not finished, yet the next parts went on.
    expect(started.length).toBeGreaterThan(1);
    write.reject(new Error('disk full'));
    await expect(done).rejects.toThrow('disk full');
  });

  it('writes the newest state: a save asked for during a write runs after it', async () => {
    const state: number[] = [];
    const written: number[][] = [];
    const firstWrite = deferred();
    let writes = 0;
    await Promise.all([
      runParts({
        todo: [1, 2, 3],
        parallel: 1,
        part: async (n) => {
          state.push(n);
          if (n > 1) await turn();
        },
        save: async () => {
          writes++;
          const snapshot = [...state];
          if (writes === 1) await firstWrite.promise;
          written.push(snapshot);
        },
      }),
      (async () => {
        while (state.length < 3) await turn();
        firstWrite.resolve();
      })(),
    ]);
    expect(written.at(-1)).toEqual([1, 2, 3]);
  });

  it('with a finish step, starts the next part while a part finishes, and saves only after its finish', async () => {
    const log: string[] = [];
    const finishGates = new Map<number, ReturnType<typeof deferred>>();
    const done = runParts({
      todo: [1, 2],
      parallel: 1,
      part: async (n) => void log.push(`part ${n}`),
      finish: async (n) => {
        log.push(`finish ${n} starts`);
        const gate = deferred();
        finishGates.set(n, gate);
        await gate.promise;
        log.push(`finish ${n} ends`);
      },
      save: async () => void log.push('save'),
    });
    while (finishGates.size < 2) await turn();
    // Part 2 ran while part 1 was still finishing; nothing was saved before a finish ended.
    expect(log).toEqual(['part 1', 'finish 1 starts', 'part 2', 'finish 2 starts']);
    finishGates.get(2)!.resolve();
    finishGates.get(1)!.resolve();
    await done;
    // Nothing was saved before a finish ended; the saves that follow write both parts.
    expect(log.slice(4, 6)).toEqual(['finish 2 ends', 'finish 1 ends']);
    expect(log.slice(6).length).toBeGreaterThanOrEqual(1);
    expect(log.slice(6).every((l) => l === 'save')).toBe(true);
  });

  it('throws a failed finish after the other parts settled', async () => {
    const finished: number[] = [];
    await expect(
      runParts({
        todo: [1, 2, 3],
        parallel: 3,
        part: async () => undefined,
        finish: async (n) => {
          if (n === 2) throw new Error('hash of part 2 failed');
          finished.push(n);
        },
        save: async () => undefined,
      }),
    ).rejects.toThrow('hash of part 2 failed');
    expect(finished.sort()).toEqual([1, 3]);
  });

  it('does nothing for an empty list', async () => {
    let calls = 0;
    await runParts({ todo: [], parallel: 4, part: async () => void calls++, save: async () => void calls++ });
    expect(calls).toBe(0);
  });
});

describe('missingParts', () => {
  it('lists the part numbers not done yet, in order', () => {
    expect(missingParts(5, [{ number: 2 }, { number: 5 }])).toEqual([1, 3, 4]);
    expect(missingParts(3, [])).toEqual([1, 2, 3]);
    expect(missingParts(2, [{ number: 1 }, { number: 2 }])).toEqual([]);
  });
});
