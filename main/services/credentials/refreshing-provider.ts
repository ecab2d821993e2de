/**
 * The refresh coordinator for temporary credentials (RAM role, credentials URI, ECS role,
 * OIDC). Rules: refresh at the earlier of 80% of the lifetime or 5 minutes before expiry;
 * one refresh at a time (concurrent callers share the same promise); a failed refresh is
 * retried with exponential backoff and reported, while still-valid credentials keep
 * serving requests. Unlike ali-oss's timer-based refreshSTSToken, nothing here can hand two
 * callers two different half-refreshed states.
 */
import type { CredentialType } from '../../../shared/profile-types';
import { registerSecret } from '../../../shared/redact';
import { systemClock, type Clock, type TimerHandle } from './clock';
import { toCredentialError } from './credential-errors';
import type { CredentialError, CredentialListener, CredentialProvider, CredentialSource, Credentials } from './types';

const FIVE_MINUTES = 5 * 60_000;
/** Credentials this close to expiry are not handed out: a request signed now may land later. */
const EXPIRY_MARGIN_MS = 15_000;

/** When to refresh credentials issued at `issuedAt` that expire at `expiresAt` (ms). */
export function computeRefreshAt(issuedAt: number, expiresAt: number): number {
  const lifetime = expiresAt - issuedAt;
  const earlier = Math.min(issuedAt + 0.8 * lifetime, expiresAt - FIVE_MINUTES);
  // Short-lived credentials (< 25 min) would otherwise be "due" at once; keep half their life.
  return Math.max(earlier, issuedAt + 0.5 * lifetime);
}

export interface RefreshingProviderOptions {
  type: CredentialType;
  source: CredentialSource;
  clock?: Clock;
  listener?: CredentialListener;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
}

export class RefreshingProvider implements CredentialProvider {
  readonly type: CredentialType;
  private readonly source: CredentialSource;
  private readonly clock: Clock;
  private readonly listener: CredentialListener | undefined;
  private readonly backoffInitialMs: number;
  private readonly backoffMaxMs: number;

  private current?: { creds: Credentials; refreshAt: number };
  private inflight?: Promise<Credentials>;
  private timer?: TimerHandle;
  private failures = 0;
  private retryAt = 0;
  private lastError?: CredentialError;
  private disposed = false;
  /** How many times the source was asked (tests and the report read it). */
  sourceCalls = 0;
  refreshCount = 0;

  constructor(options: RefreshingProviderOptions) {
    this.type = options.type;
    this.source = options.source;
    this.clock = options.clock ?? systemClock;
    this.listener = options.listener;
    this.backoffInitialMs = options.backoffInitialMs ?? 1000;
    this.backoffMaxMs = options.backoffMaxMs ?? 60_000;
  }

  async getCredentials(): Promise<Credentials> {
    const now = this.clock.now();
    const cur = this.current;
    if (cur && now < cur.refreshAt) return cur.creds;
    if (cur && this.usable(cur.creds, now)) {
      this.refreshInBackground();
      return cur.creds;
    }
    if (this.lastError && now < this.retryAt && !this.inflight) throw this.lastError;
    return this.refresh();
  }

  expiresAt(): Date | undefined {
    return this.current?.creds.expiration;
  }

  /** The last refresh failure while it is still unresolved. */
  lastFailure(): { error: CredentialError; retryAt: Date } | undefined {
    return this.lastError ? { error: this.lastError, retryAt: new Date(this.retryAt) } : undefined;
  }

  invalidate(): void {
    this.current = undefined;
    this.retryAt = 0;
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.cancel();
  }

  /** Starts (or joins) a refresh. */
  refresh(): Promise<Credentials> {
    this.inflight ??= this.doRefresh().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private usable(creds: Credentials, now: number): boolean {
    return !creds.expiration || now < creds.expiration.getTime() - EXPIRY_MARGIN_MS;
  }

  private refreshInBackground(): void {
    if (this.disposed || this.inflight || this.clock.now() < this.retryAt) return;
    // The failure is reported through the listener; callers keep the valid credentials.
    this.refresh().catch(() => undefined);
  }

  private arm(at: number): void {
    this.timer?.cancel();
    if (this.disposed) return;
    this.timer = this.clock.schedule(() => this.refreshInBackground(), Math.max(0, at - this.clock.now()));
  }

  private async doRefresh(): Promise<Credentials> {
    this.sourceCalls++;
    try {
      const creds = await this.source();
      registerSecret(creds.accessKeySecret, creds.securityToken);
      const issuedAt = this.clock.now();
      const refreshAt = creds.expiration ? computeRefreshAt(issuedAt, creds.expiration.getTime()) : Number.POSITIVE_INFINITY;
      this.current = { creds, refreshAt };
      this.failures = 0;
      this.retryAt = 0;
      this.lastError = undefined;
      this.refreshCount++;
      if (Number.isFinite(refreshAt)) this.arm(refreshAt);
      this.listener?.({ kind: 'refreshed', expiresAt: creds.expiration, refreshCount: this.refreshCount });
      return creds;
    } catch (err) {
      const error = toCredentialError(err);
      this.failures++;
      const delay = Math.min(this.backoffInitialMs * 2 ** (this.failures - 1), this.backoffMaxMs);
      this.retryAt = this.clock.now() + delay;
      this.lastError = error;
      // Retry on our own only while old credentials still work; otherwise the next use retries.
      if (this.current && this.usable(this.current.creds, this.clock.now())) this.arm(this.retryAt);
      this.listener?.({ kind: 'refresh-failed', error, attempt: this.failures, retryAt: new Date(this.retryAt) });
      throw error;
    }
  }
}
