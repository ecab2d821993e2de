import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from './logger';
import { RecentErrors } from './recent-errors';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oss-log-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('file logger levels and rotation', () => {
  it('keeps rotating while it writes, so the log never passes twice the limit', () => {
    const dir = tempDir();
    const log = createFileLogger({ dir, maxBytes: 1000 });
    for (let i = 0; i < 100; i++) log.info(`line ${i} ${'x'.repeat(80)}`);
    const current = fs.statSync(path.join(dir, 'main.log')).size;
    const old = fs.statSync(path.join(dir, 'main.old.log')).size;
    expect(current).toBeLessThanOrEqual(1000 + 200);
    expect(old).toBeGreaterThan(1000);
    expect(old).toBeLessThanOrEqual(1000 + 200);
    expect(fs.readFileSync(log.file, 'utf8')).toContain('line 99 ');
    expect(fs.readdirSync(dir).sort()).toEqual(['main.log', 'main.old.log']);
  });

  it('drops lines below the chosen level', () => {
    const dir = tempDir();
    const log = createFileLogger({ dir, level: 'info' });
    log.debug('noisy detail');
    log.info('useful');
    const text = fs.readFileSync(log.file, 'utf8');
    expect(text).not.toContain('noisy detail');
    expect(text).toContain('useful');
  });
});

describe('recent errors', () => {
  it('keeps warnings and errors with code, request ID and EC, newest last', () => {
    const recent = new RecentErrors(3);
    const log = createFileLogger({ dir: tempDir(), recent, now: () => new Date('2026-01-02T03:04:05Z') });
    log.info('not kept');
    log.warn('listing failed', { error: { code: 'AccessDenied', message: 'You have no right', requestId: '65A1B2C3D4E5F6', ec: '0003-00000001' } });
    log.error('upload failed', { code: 'RequestTimeTooSkewed', requestId: 'REQ-2' });
    expect(recent.list()).toEqual([
      { at: '2026-01-02T03:04:05.000Z', level: 'warn', message: 'listing failed: You have no right', code: 'AccessDenied', requestId: '65A1B2C3D4E5F6', ec: '0003-00000001' },
      { at: '2026-01-02T03:04:05.000Z', level: 'error', message: 'upload failed', code: 'RequestTimeTooSkewed', requestId: 'REQ-2' },
    ]);
    for (let i = 0; i < 5; i++) log.error(`e${i}`);
    expect(recent.list().map((e) => e.message)).toEqual(['e2', 'e3', 'e4']);
  });

  it('redacts what it keeps and keeps nothing else of the meta', () => {
    const recent = new RecentErrors();
    const secret = 'Zx9YwVu8Ts7Rq6Po5Nm4Lk3Ji2Hg1F';
    recent.record('error', `signing failed accessKeySecret=${secret}`, { accessKeySecret: secret, error: new Error(`bad ${secret}`), code: 'SignatureDoesNotMatch' }, new Date(0));
    const text = JSON.stringify(recent.list());
    expect(text).not.toContain(secret);
    expect(text).not.toContain('accessKeySecret":');
    expect(recent.list()[0]).toMatchObject({ code: 'SignatureDoesNotMatch' });
  });
});
