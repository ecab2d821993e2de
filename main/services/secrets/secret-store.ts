/**
 * Where secrets live: the OS keychain in the app (keytar), memory in unit tests and for
 * "this session only" profiles. Every call is bounded by a timeout because a locked or
 * missing keychain can make keytar hang forever.
 */
import { ErrorCode } from '../../../shared/errors';

/** One service name for all entries; the account is the profile ID. */
export const KEYCHAIN_SERVICE = 'OSS Browser';

export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when an entry existed and was removed. */
  delete(account: string): Promise<boolean>;
  /** Accounts that have an entry (used to find orphans after a crash). */
  list(): Promise<string[]>;
}

export type KeychainFailure = 'timeout' | 'unavailable' | 'denied';

/** The keychain could not be used; the message says how to fix it on this platform. */
export class KeychainError extends Error {
  readonly code = ErrorCode.KeychainUnavailable;
  readonly hint: string;

  constructor(
    readonly failure: KeychainFailure,
    platform: NodeJS.Platform,
    detail?: string,
  ) {
    super(keychainMessage(failure, detail));
    this.name = 'KeychainError';
    this.hint = keychainHint(platform);
  }
}

function keychainMessage(failure: KeychainFailure, detail?: string): string {
  const base =
    failure === 'timeout'
      ? 'The system keychain did not answer in time (it may be locked or waiting for a password prompt).'
      : failure === 'denied'
        ? 'The system keychain refused access to OSS Browser.'
        : 'The system keychain is not available.';
  return detail ? `${base} (${detail})` : base;
}

/** What a user can do about it, by platform. */
export function keychainHint(platform: NodeJS.Platform): string {
  const sessionOnly = 'Or tick "Use this profile for this session only" to keep the secret in memory until you quit.';
  if (platform === 'darwin') {
    return `Open Keychain Access, unlock the login keychain, and allow OSS Browser when macOS asks. ${sessionOnly}`;
  }
  if (platform === 'win32') {
    return `Check that Windows Credential Manager is running and you are signed in to your account. ${sessionOnly}`;
  }
  return `Install and unlock a Secret Service keyring (e.g. gnome-keyring: "sudo apt install gnome-keyring", then log in again or unlock it in Passwords and Keys; KWallet also works). ${sessionOnly}`;
}

/** Sorts a raw keychain failure into what the user should be told. */
export function classifyKeychainError(err: unknown, platform: NodeJS.Platform): KeychainError {
  if (err instanceof KeychainError) return err;
  const text = err instanceof Error ? err.message : String(err);
  const denied = /denied|not allowed|user canceled|cancelled|-128|-25293|errSecAuthFailed/i.test(text);
  // Keep only a short, secret-free description of the cause.
  const detail = text.split('\n')[0]?.slice(0, 160);
  return new KeychainError(denied ? 'denied' : 'unavailable', platform, detail);
}

/** Races a keychain call against a timer; the timer never keeps the process alive. */
export async function withKeychainTimeout<T>(op: () => Promise<T>, timeoutMs: number, platform: NodeJS.Platform): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new KeychainError('timeout', platform)), timeoutMs);
    timer.unref?.();
  });
  try {
    return await Promise.race([op(), timeout]);
  } catch (err) {
    throw classifyKeychainError(err, platform);
  } finally {
    clearTimeout(timer);
  }
}
