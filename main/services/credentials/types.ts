/**
 * One interface for every way of signing in. ali-oss needs only the three strings (and
 * reads them per request), so a provider's job is to always have valid ones ready.
 */
import type { CredentialType } from '../../../shared/profile-types';

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  /** When temporary credentials stop working; absent for a long-term AccessKey pair. */
  expiration?: Date;
}

export interface CredentialProvider {
  readonly type: CredentialType;
  /** Valid credentials, fetched or refreshed as needed; throws a CredentialError when it cannot. */
  getCredentials(): Promise<Credentials>;
  /** Expiry of the credentials currently held, if temporary. */
  expiresAt(): Date | undefined;
  /** Forget cached credentials (OSS rejected them); the next call fetches anew. */
  invalidate(): void;
  /** Stop timers. */
  dispose(): void;
}

/** Where a refreshing provider gets a new set of temporary credentials from. */
export type CredentialSource = () => Promise<Credentials>;

/**
 * A credential failure the UI can explain: `code` is what the error panel branches on,
 * `hint` says what to do. Messages never contain a secret.
 */
export class CredentialError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly hint?: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CredentialError';
  }
}

/** Pasted STS credentials passed their expiry: operations stop, transfers pause. */
export class CredentialsExpiredError extends CredentialError {
  constructor(expiredAt: Date) {
    super(
      'SecurityTokenExpired',
      `The temporary (STS) credentials of this profile expired at ${expiredAt.toISOString()}.`,
      'Paste a new STS token in the profile (Edit profile). Paused transfers continue from where they stopped.',
    );
    this.name = 'CredentialsExpiredError';
  }
}

/** Events a provider reports so the UI can show a countdown, a prompt or a failure. */
export type CredentialEvent =
  | { kind: 'refreshed'; expiresAt?: Date; refreshCount: number }
  | { kind: 'refresh-failed'; error: CredentialError; attempt: number; retryAt?: Date }
  | { kind: 'expiring'; expiresAt: Date }
  | { kind: 'expired'; expiresAt: Date };

export type CredentialListener = (event: CredentialEvent) => void;

/** Parses the `Expiration` every Alibaba Cloud credential API returns (ISO 8601, UTC). */
export function parseExpiration(value: unknown, what: string): Date {
  const d = typeof value === 'string' ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime())) {
    throw new CredentialError('InvalidCredentialsResponse', `${what} returned no valid Expiration.`);
  }
  return d;
}
