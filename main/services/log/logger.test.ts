import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from './logger';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oss-log-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('file logger', () => {
  it('appends redacted lines to main.log in the given folder', () => {
    const dir = tempDir();
    const log = createFileLogger({ dir: path.join(dir, 'logs') });
    const secret = 'Zx9YwVu8Ts7Rq6Po5Nm4Lk3Ji2Hg1F';
    log.info('connected', { accessKeySecret: secret, bucket: 'photos' });
    log.error('failed', { error: new Error(`bad url ?Signature=c2lnbmF0dXJl&x-oss-security-token=CAISabcdefghijklmnopqrstuvwxyz`) });
    const text = fs.readFileSync(log.file, 'utf8');
    expect(log.file).toBe(path.join(dir, 'logs', 'main.log'));
    expect(text.trim().split('\n').filter((l) => /^\d{4}-/.test(l))).toHaveLength(2);
    expect(text).toContain('"bucket":"photos"');
    expect(text).not.toContain(secret);
    expect(text).not.toContain('c2lnbmF0dXJl');
    expect(text).not.toContain('CAISabcdefghijklmnopqrstuvwxyz');
  });

  it('rotates a log that grew past the limit at start-up', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'main.log'), 'x'.repeat(2000));
    const log = createFileLogger({ dir, maxBytes: 1000 });
    log.warn('fresh');
    expect(fs.readFileSync(path.join(dir, 'main.old.log'), 'utf8')).toHaveLength(2000);
    expect(fs.readFileSync(log.file, 'utf8')).toMatch(/WARN {2}fresh\n$/);
  });
});

describe('file logger permissions', () => {
  it.skipIf(process.platform === 'win32')('keeps the logs folder 0700 and its files 0600, tightening ones an older version left open', () => {
    const dir = path.join(tempDir(), 'logs');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    fs.writeFileSync(path.join(dir, 'main.old.log'), 'old', { mode: 0o644 });
    fs.chmodSync(path.join(dir, 'main.old.log'), 0o644);
    const log = createFileLogger({ dir });
    log.info('hello');
    const mode = (p: string) => fs.statSync(p).mode & 0o777;
    expect(mode(dir)).toBe(0o700);
    expect(mode(log.file)).toBe(0o600);
    expect(mode(path.join(dir, 'main.old.log'))).toBe(0o600);
  });

  it.skipIf(process.platform === 'win32')('creates a fresh log folder 0700 even under a permissive umask', () => {
    const old = process.umask(0o022);
    try {
      const dir = path.join(tempDir(), 'fresh', 'logs');
      const log = createFileLogger({ dir });
      log.warn('x');
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(log.file).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });
});
