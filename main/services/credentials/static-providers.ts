/**
 * Providers whose credentials the user typed: a RAM user's AccessKey pair (never expires)
 * and a pasted STS token (expires; the UI is warned 10 minutes ahead and then told it is
 * over, so transfers can pause with their checkpoints instead of failing).
 */
import { systemClock, type Clock, type TimerHandle } from './clock';
import { CredentialsExpiredError, type CredentialListener, type CredentialProvider, type Credentials } from './types';

export class AccessKeyProvider implements CredentialProvider {
  readonly type = 'access-key' as const;

  constructor(private readonly creds: Credentials) {}

  async getCredentials(): Promise<Credentials> {
    return this.creds;
  }

  expiresAt(): undefined {
    return undefined;
  }

  invalidate(): void {}

  dispose(): void {}
}

/** How long before expiry the "paste a new token" prompt appears. */
export const STS_PROMPT_BEFORE_MS = 10 * 60_000;

export class StaticStsProvider implements CredentialProvider {
  readonly type = 'sts-token' as const;
  private readonly timers: TimerHandle[] = [];

  constructor(
    private readonly creds: Credentials,
    private readonly clock: Clock = systemClock,
    listener?: CredentialListener,
  ) {
    const exp = creds.expiration;
    if (exp && listener) {
      const left = exp.getTime() - clock.now();
      if (left > 0) {
        this.timers.push(clock.schedule(() => listener({ kind: 'expiring', expiresAt: exp }), Math.max(0, left - STS_PROMPT_BEFORE_MS)));
        this.timers.push(clock.schedule(() => listener({ kind: 'expired', expiresAt: exp }), left));
      }
    }
  }

  async getCredentials(): Promise<Credentials> {
    const exp = this.creds.expiration;
    if (exp && this.clock.now() >= exp.getTime()) throw new CredentialsExpiredError(exp);
    return this.creds;
  }

  expiresAt(): Date | undefined {
    return this.creds.expiration;
  }

  invalidate(): void {}

  dispose(): void {
    for (const t of this.timers) t.cancel();
  }
}
