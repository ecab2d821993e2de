/**
 * The last warnings and errors, kept in memory for "Copy diagnostics": what failed, with the
 * OSS request ID and EC a support engineer asks for first. Entries are redacted when they
 * are recorded and only a few named fields survive, never the whole meta object.
 */
import { redact } from '../../../shared/redact';

export interface RecentError {
  at: string;
  level: 'warn' | 'error';
  message: string;
  code?: string;
  requestId?: string;
  ec?: string;
}

const MAX_TEXT = 300;

function field(source: unknown, name: string): string | undefined {
  if (!source || typeof source !== 'object') return undefined;
  const value = (source as Record<string, unknown>)[name];
  return typeof value === 'string' || typeof value === 'number' ? redact(String(value)).slice(0, 100) : undefined;
}

export class RecentErrors {
  private readonly entries: RecentError[] = [];

  constructor(private readonly capacity = 50) {}

  /** Records a log entry; code, requestId and ec come from meta or meta.error. */
  record(level: 'warn' | 'error', message: string, meta: Record<string, unknown> | undefined, at: Date): void {
    const error = meta?.error;
    const pick = (name: string) => field(meta, name) ?? field(error, name);
    const detail = error instanceof Error || (error && typeof error === 'object') ? field(error, 'message') : undefined;
    const text = redact(detail ? `${message}: ${detail}` : message).slice(0, MAX_TEXT);
    const entry: RecentError = { at: at.toISOString(), level, message: text };
    for (const name of ['code', 'requestId', 'ec'] as const) {
      const value = pick(name);
      if (value) entry[name] = value;
    }
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  /** Oldest first. */
  list(): RecentError[] {
    return this.entries.map((e) => ({ ...e }));
  }
}
