import { readFileSync } from 'node:fs';

/** Samples a process's resident set size from /proc/<pid>/status (Linux) and keeps the peak. */
export class RssSampler {
  private peakKb = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly pid: number, private readonly everyMs = 50) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Peak RSS seen so far, in MiB. */
  peakMb(): number {
    return this.peakKb / 1024;
  }

  /** Current RSS in MiB (0 if the process is gone). */
  currentMb(): number {
    return readRssKb(this.pid) / 1024;
  }

  private sample(): void {
    this.peakKb = Math.max(this.peakKb, readRssKb(this.pid));
  }
}

function readRssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}
