/**
 * Secrets held in this process only: unit tests, and profiles the user chose to use for
 * this session only (nothing is written anywhere; quitting forgets them).
 */
import type { SecretStore } from './secret-store';

export class MemorySecretStore implements SecretStore {
  private readonly entries = new Map<string, string>();

  async get(account: string): Promise<string | null> {
    return this.entries.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    this.entries.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.entries.delete(account);
  }

  async list(): Promise<string[]> {
    return [...this.entries.keys()];
  }
}
