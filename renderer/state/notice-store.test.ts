import { afterEach, describe, expect, it } from 'vitest';
import { installTestBridge, type TestBridge } from '../lib/test-bridge';
import { MAX_NOTICES, captureNotices, dismissNotice, noticeStore } from './notice-store';

let bridge: TestBridge | undefined;
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  bridge?.uninstall();
  noticeStore.set({ notices: [] });
});

describe('notice store', () => {
  it('keeps a notice main sends before any component listens', () => {
    bridge = installTestBridge({});
    stop = captureNotices();
    bridge.emit('app:notice', { level: 'warn', message: 'That link was not opened.' });
    expect(noticeStore.get().notices.map((n) => [n.level, n.message])).toEqual([['warn', 'That link was not opened.']]);
  });

  it('subscribes once however often it is started, and stops on request', () => {
    bridge = installTestBridge({});
    stop = captureNotices();
    expect(captureNotices()).toBe(stop);
    bridge.emit('app:notice', { level: 'info', message: 'one' });
    expect(noticeStore.get().notices).toHaveLength(1);
    stop();
    stop = undefined;
    bridge.emit('app:notice', { level: 'info', message: 'two' });
    expect(noticeStore.get().notices.map((n) => n.message)).toEqual(['one']);
  });

  it('keeps the newest five and dismisses one by id', () => {
    bridge = installTestBridge({});
    stop = captureNotices();
    for (let i = 1; i <= 7; i++) bridge.emit('app:notice', { level: 'info', message: `n${i}` });
    const kept = noticeStore.get().notices;
    expect(kept.map((n) => n.message)).toEqual(['n3', 'n4', 'n5', 'n6', 'n7']);
    expect(kept).toHaveLength(MAX_NOTICES);
    dismissNotice(kept[1]!.id);
    expect(noticeStore.get().notices.map((n) => n.message)).toEqual(['n3', 'n5', 'n6', 'n7']);
  });
});
