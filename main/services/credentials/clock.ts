/**
 * Time as the credential layer sees it, injected so tests can jump an hour ahead instead of
 * waiting for it.
 */
export interface TimerHandle {
  cancel(): void;
}

export interface Clock {
  now(): number;
  /** Runs `fn` after `ms`; never keeps the process alive on its own. */
  schedule(fn: () => void, ms: number): TimerHandle;
}

/** The wall clock. Long waits are chunked because setTimeout overflows after ~24.8 days. */
export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(fn, ms) {
    const MAX = 2 ** 31 - 1;
    let timer: ReturnType<typeof setTimeout>;
    const arm = (left: number): void => {
      timer = setTimeout(() => (left > MAX ? arm(left - MAX) : fn()), Math.min(Math.max(0, left), MAX));
      timer.unref?.();
    };
    arm(ms);
    return { cancel: () => clearTimeout(timer) };
  },
};

/** A clock tests move by hand; `advance` runs due timers in order. */
export class ManualClock implements Clock {
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private nextId = 0;

  constructor(private current = Date.parse('2030-01-01T00:00:00Z')) {}

  now(): number {
    return this.current;
  }

  schedule(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    this.timers.push({ at: this.current + Math.max(0, ms), fn, id });
    return { cancel: () => (this.timers = this.timers.filter((t) => t.id !== id)) };
  }

  /** Moves time forward, firing timers that fall due (and letting their promises settle). */
  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t.id !== due.id);
      this.current = Math.max(this.current, due.at);
      due.fn();
      await settle();
    }
    this.current = target;
    await settle();
  }

  pendingTimers(): number {
    return this.timers.length;
  }
}

/** Lets queued promise callbacks and I/O run (a few macrotask turns). */
export async function settle(turns = 5): Promise<void> {
  for (let i = 0; i < turns; i++) await new Promise((r) => setImmediate(r));
}
