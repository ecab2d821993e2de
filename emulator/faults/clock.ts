/** The emulator's clock: real time plus an offset a test can move (clock-skew and expiry tests). */
export class Clock {
  constructor(public offsetMs = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
