import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../i18n';
import { item } from '../testing/items';
import { EMPTY_TOTALS } from './transfer-list';
import { errorText, itemName, itemRoute, noteText, statusBarText, statusText, totalsText } from './row-text';

describe('transfer row wording', () => {
  beforeAll(() => {
    initI18n('en');
  });
  const en = () => i18next.getFixedT('en', 'transfers');
  const zh = () => i18next.getFixedT('zh-CN', 'transfers');

  it('says "verified" only for a finished item whose checksum matched', () => {
    expect(statusText(item(1, { state: 'done', transferred: 1000, verified: true }), en(), 'en')).toBe('Verified');
    expect(statusText(item(1, { state: 'done', transferred: 1000, verified: false }), en(), 'en')).toBe('Done (not verified)');
    expect(statusText(item(1, { state: 'verifying', transferred: 1000 }), en(), 'en')).toBe('Checking integrity');
  });

  it('tells a resumed item, a retry and its reason, and a renamed copy, in both languages', () => {
    expect(noteText(item(1, { note: { kind: 'resumed', percent: 63 } }), en())).toBe('Resumed at 63%');
    expect(noteText(item(1, { note: { kind: 'resumed', percent: 63 } }), zh())).toBe('从 63% 处继续');
    expect(noteText(item(1, { note: { kind: 'retrying', attempt: 3, reason: 'stalled' } }), en())).toBe('Retrying (attempt 3): no data arrived for a while');
    expect(noteText(item(1, { note: { kind: 'renamed', to: 'a (1).txt' } }), zh())).toBe('已另存为“a (1).txt”');
  });

  it('names downloads by the last part of the key and says where things go', () => {
    const d = item(1, { direction: 'download', key: 'photos/2024/beach.jpg', localFolder: '~/Downloads' });
    expect(itemName(d)).toBe('beach.jpg');
    expect(itemRoute(d, en())).toBe('from oss://bucket/photos/2024/beach.jpg to ~/Downloads');
    expect(itemRoute(item(2), en())).toBe('to oss://bucket/photos/');
    expect(statusText(item(1, { state: 'paused', transferred: 450 }), zh(), 'zh-CN')).toBe('暂停于 45%');
  });

  it('sums the queue in the header and the status bar with grouped numbers', () => {
    const totals = { ...EMPTY_TOTALS, items: 12_000, done: 3000, active: 4, queued: 8000, failed: 2, bytesTotal: 4096, bytesDone: 1024, speed: 1024 };
    expect(totalsText(totals, en(), 'en')).toBe('3,000 of 12,000 files done · 1.0 KB of 4.0 KB · 1.0 KB/s · 3 s left · 2 failed');
    expect(totalsText({ ...totals, walking: 1 }, en(), 'en')).toContain('still counting files in folders');
    expect(totalsText({ ...totals, walking: 1 }, en(), 'en')).not.toContain('left');
    expect(statusBarText(totals, en(), 'en')).toBe('8,004 transfers · 25%');
    expect(statusBarText({ ...totals, active: 0, queued: 0 }, zh(), 'zh-CN')).toBe('2 个传输失败');
    expect(statusBarText(EMPTY_TOTALS, en(), 'en')).toBe('Transfers');
  });

  it("tells a failure in the user's language with a next step, for our codes and for OSS codes", () => {
    const integrity = { code: 'IntegrityMismatch', message: 'The CRC-64 of a.bin did not match (expected 1, got 2).', hint: 'The transfer is retried automatically.' };
    const failed = item(1, { state: 'failed', error: integrity });
    expect(statusText(failed, en(), 'en')).toBe('Failed: The checksum of what arrived did not match the original.');
    expect(statusText(failed, zh(), 'zh-CN')).toBe('失败：收到的数据校验值与原文件不一致。');
    expect(errorText({ code: 'ENOSPC', message: 'ENOSPC: no space left on device, write' }, zh()).hint).toContain('释放磁盘空间');
    expect(errorText({ code: 'Stalled', message: 'No data moved for 30 seconds.' }, en()).hint).toContain('Check your network or proxy');
    const denied = errorText({ code: 'AccessDenied', message: 'You have no right to access this object.', requestId: 'R1' }, zh());
    expect(denied.message).toMatch(/[\u4e00-\u9fff]/);
    expect(denied.hint).not.toBe('');
  });
});
