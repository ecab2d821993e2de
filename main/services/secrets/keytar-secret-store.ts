/**
 * The OS keychain through keytar (macOS Keychain, Windows Credential Manager, Linux Secret
 * Service). The only module besides main/ that may import keytar; every call is bounded by
 * a timeout and failures become KeychainError with a platform-specific fix.
 */
import type * as Keytar from 'keytar';
import { KEYCHAIN_SERVICE, withKeychainTimeout, type SecretStore } from './secret-store';

export interface KeytarSecretStoreOptions {
  /** Keychain service name; tests use their own so they never touch the user's entries. */
  service?: string;
  timeoutMs?: number;
  platform?: NodeJS.Platform;
  /** Injected for tests of the timeout path; defaults to the real keytar, loaded lazily. */
  keytar?: Pick<typeof Keytar, 'getPassword' | 'setPassword' | 'deletePassword' | 'findCredentials'>;
}

export class KeytarSecretStore implements SecretStore {
  private readonly service: string;
  private readonly timeoutMs: number;
  private readonly platform: NodeJS.Platform;
  private keytar: KeytarSecretStoreOptions['keytar'];

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service ?? KEYCHAIN_SERVICE;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.platform = options.platform ?? process.platform;
    this.keytar = options.keytar;
  }

  private async lib(): Promise<NonNullable<KeytarSecretStoreOptions['keytar']>> {
    // Loaded on first use so a missing native module is reported as "keychain unavailable"
    // instead of crashing the app at start.
    this.keytar ??= (await import('keytar')).default ?? (await import('keytar'));
    return this.keytar;
  }

  private call<T>(op: (k: NonNullable<KeytarSecretStoreOptions['keytar']>) => Promise<T>): Promise<T> {
    return withKeychainTimeout(async () => op(await this.lib()), this.timeoutMs, this.platform);
  }

  get(account: string): Promise<string | null> {
    return this.call((k) => k.getPassword(this.service, account));
  }

  set(account: string, secret: string): Promise<void> {
    return this.call((k) => k.setPassword(this.service, account, secret));
  }

  delete(account: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, account));
  }

  async list(): Promise<string[]> {
    const found = await this.call((k) => k.findCredentials(this.service));
    return found.map((c) => c.account);
  }
}
