import { afterEach, describe, expect, it } from 'vitest';
import { AppException } from '../../shared/errors';
import { call, getPathForFile, on } from './oss-api';
import { installTestBridge, type TestBridge } from './test-bridge';

let bridge: TestBridge | undefined;
afterEach(() => bridge?.uninstall());

describe('oss-api', () => {
  it('unwraps a successful reply', async () => {
    bridge = installTestBridge({ 'app:log': () => undefined });
    await expect(call('app:log', { level: 'info', message: 'hi' })).resolves.toBeUndefined();
    expect(bridge.calls).toEqual([{ channel: 'app:log', input: { level: 'info', message: 'hi' } }]);
  });

  it('throws an AppException carrying every AppError field', async () => {
    bridge = installTestBridge({
      'app:log': () => {
        throw new AppException({ code: 'NoSuchBucket', message: 'The specified bucket does not exist.', requestId: 'RID', ec: '0015-00000101', hint: 'Check the region.' });
      },
    });
    const error = await call('app:log', { level: 'info', message: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppException);
    expect(error).toMatchObject({ code: 'NoSuchBucket', requestId: 'RID', ec: '0015-00000101', hint: 'Check the region.' });
  });

  it('fails clearly when the page runs without the bridge', async () => {
    await expect(call('app:info')).rejects.toThrow(/bridge is missing/);
  });

  it('passes events and file paths through', () => {
    bridge = installTestBridge({});
    const got: string[] = [];
    const off = on('app:notice', (n) => got.push(n.message));
    bridge.emit('app:notice', { level: 'info', message: 'hello' });
    off();
    bridge.emit('app:notice', { level: 'info', message: 'ignored' });
    expect(got).toEqual(['hello']);
    expect(getPathForFile(new File(['x'], 'a.txt'))).toBe('/test-files/a.txt');
  });
});
