/**
 * A small file logger for the main process. Every line is redacted before it is written,
 * so a secret that slips into an error message never reaches the disk. Lines are appended
 * synchronously: volume is low and a crash must not lose the last lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { redact } from '../../../shared/redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** What services receive; tests may pass `createMemoryLogger()` instead of a file. */
export interface Logger {
  readonly file: string;
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface FileLoggerOptions {
  /** The folder for main.log (the app's user-data logs folder). */
  dir: string;
  /** Rotate to main.old.log when the file passes this size at start-up. */
  maxBytes?: number;
  /** Also print to stderr (development). */
  echo?: boolean;
  now?: () => Date;
}

/** Formats one log line; exported for the memory logger and tests. */
export function formatLine(level: LogLevel, message: string, meta: Record<string, unknown> | undefined, at: Date): string {
  let text = `${at.toISOString()} ${level.toUpperCase().padEnd(5)} ${message}`;
  if (meta && Object.keys(meta).length > 0) {
    let json: string;
    try {
      json = JSON.stringify(meta, (_key, value: unknown) => (value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value));
    } catch {
      json = '[unserialisable meta]';
    }
    text += ` ${json}`;
  }
  return redact(text).replace(/\r?\n(?!$)/g, '\n    ');
}

/** Creates the logger that writes <dir>/main.log. */
export function createFileLogger(options: FileLoggerOptions): Logger {
  const { dir, maxBytes = 5 * 1024 * 1024, echo = false, now = () => new Date() } = options;
  // Logs name buckets, keys and hosts: only this user may read them (0700 folder, 0600 files),
  // also when an older version created them with the default umask.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  restrict(dir, 0o700);
  const file = path.join(dir, 'main.log');
  try {
    if (fs.statSync(file).size > maxBytes) fs.renameSync(file, path.join(dir, 'main.old.log'));
  } catch {
    // No log file yet: nothing to rotate.
  }
  for (const name of ['main.log', 'main.old.log']) restrict(path.join(dir, name), 0o600);
  const write = (level: LogLevel) => (message: string, meta?: Record<string, unknown>) => {
    const line = formatLine(level, message, meta, now());
    try {
      fs.appendFileSync(file, `${line}\n`, { mode: 0o600 });
    } catch {
      // A full disk or a deleted folder must not crash the app over a log line.
    }
    if (echo) process.stderr.write(`${line}\n`);
  };
  return { file, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

/** Sets a file's mode when it exists (Windows ignores it; ACLs protect the profile there). */
function restrict(target: string, mode: number): void {
  try {
    fs.chmodSync(target, mode);
  } catch {
    // Missing file: created with the right mode on first write.
  }
}

/** A logger that keeps lines in memory, for unit tests that assert on what was logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const write = (level: LogLevel) => (message: string, meta?: Record<string, unknown>) => {
    lines.push(formatLine(level, message, meta, new Date()));
  };
  return { file: '', lines, debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
