import { afterEach, describe, expect, it } from 'vitest';
import type { ConflictPlan, TransferItem } from '../../../shared/contract/transfers';
import { AppException } from '../../../shared/errors';
import { installTestBridge, type TestBridge } from '../../lib/test-bridge';
import { download, transferActions, uploadDropped } from './entry-points';
import { EMPTY_TOTALS } from './model/transfer-list';
import { item } from './testing/items';
import { answerPlans, applyProgress, onUploadsLanded, resetTransfers, startTransfers, transferList, transfersStore } from './transfers-state';

const plan = (batchId: string): ConflictPlan => ({ batchId, direction: 'upload', target: 'oss://b/docs/', newCount: 42, changedCount: 3, identicalCount: 1, examples: ['a.txt'], complete: true });
const settle = () => new Promise((r) => setTimeout(r, 0));
const ctx = { profileId: 'p', bucket: 'bucket', prefix: 'docs/', items: [] };

let bridge: TestBridge | undefined;

describe('transfers state', () => {
  afterEach(() => {
    resetTransfers();
    bridge?.uninstall();
  });

  it('applies events that arrive while the queue is read after the page, never under it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    bridge = installTestBridge({
      'transfers:list': async () => {
        await gate;
        return { items: [item(0, { state: 'queued' })], total: 1, totals: { ...EMPTY_TOTALS, items: 1 } };
      },
      'transfers:conflict-pending': () => [plan('b0')],
    });
    startTransfers();
    bridge.emit('transfers:progress', { items: [item(0, { state: 'running', transferred: 500 })], removed: [], totals: { ...EMPTY_TOTALS, items: 1, active: 1 } });
    release();
    await settle();
    await settle();
    expect(transferList.get('t0')?.state).toBe('running');
    expect(transfersStore.get().loaded).toBe(true);
    expect(transfersStore.get().plans.map((p) => p.batchId)).toEqual(['b0']);
  });

  it('answers one plan, or every waiting plan with the same choice', async () => {
    bridge = installTestBridge({ 'transfers:list': () => ({ items: [], total: 0, totals: EMPTY_TOTALS }), 'transfers:conflict-pending': () => [], 'transfers:conflict-answer': () => undefined });
    startTransfers();
    await settle();
    for (const id of ['b1', 'b2', 'b3']) bridge.emit('transfers:conflict-plan', plan(id));
    expect(transfersStore.get().plans).toHaveLength(3);
    await answerPlans(['b1'], 'skip', true);
    await answerPlans(['b2', 'b3'], 'keep-both', false);
    expect(transfersStore.get().plans).toEqual([]);
    expect(bridge.calls.filter((c) => c.channel === 'transfers:conflict-answer').map((c) => c.input)).toEqual([
      { batchId: 'b1', policy: 'skip', remember: true },
      { batchId: 'b2', policy: 'keep-both', remember: false },
      { batchId: 'b3', policy: 'keep-both', remember: false },
    ]);
  });

  it('reports each upload once, when it lands', () => {
    const landed: TransferItem[][] = [];
    const stop = onUploadsLanded((items) => landed.push(items));
    applyProgress({ items: [item(1, { state: 'running' })], removed: [], totals: EMPTY_TOTALS });
    applyProgress({ items: [item(1, { state: 'done' }), item(2, { state: 'done', direction: 'download' })], removed: [], totals: EMPTY_TOTALS });
    applyProgress({ items: [item(1, { state: 'done', verified: true })], removed: [], totals: EMPTY_TOTALS });
    stop();
    expect(landed.map((l) => l.map((i) => i.id))).toEqual([['t1']]);
  });

  it('uploads dropped files by the paths the bridge gives, and explains drops without a path', async () => {
    bridge = installTestBridge({ 'transfers:upload-paths': () => ({ batchId: 'b9', queued: 2, rejected: [{ name: 'fifo', reason: 'Not a file or folder.' }] }) });
    await uploadDropped(ctx, [new File(['x'], 'a.txt'), new File([''], 'photos')]);
    expect(bridge.calls[0]).toEqual({ channel: 'transfers:upload-paths', input: { profileId: 'p', bucket: 'bucket', prefix: 'docs/', paths: ['/test-files/a.txt', '/test-files/photos'] } });
    expect(transfersStore.get().panelOpen).toBe(true);
    expect(transfersStore.get().notice).toEqual({ kind: 'rejected', items: [{ name: 'fifo', reason: 'Not a file or folder.' }] });
    bridge.uninstall();
    bridge = undefined;
    // A drop the page has no path for (e.g. an image dragged from a web page).
    const pathless = installTestBridge({});
    Object.defineProperty(window, 'oss', { value: { ...window.oss, getPathForFile: () => '' }, configurable: true });
    await uploadDropped(ctx, [new File(['x'], 'web.png')]);
    expect(transfersStore.get().notice).toEqual({ kind: 'noPath' });
    expect(pathless.calls).toEqual([]);
    pathless.uninstall();
  });

  it('shows a refused download as an error with its hint, and does not ask for a folder twice', async () => {
    bridge = installTestBridge({
      'transfers:download': () => {
        throw new AppException({ code: 'AccessDenied', message: 'Denied.', requestId: 'R1', hint: 'Ask for read access.' });
      },
    });
    await download({ ...ctx, items: [{ key: 'docs/a.txt', isPrefix: false }] }, 'choose');
    expect(transfersStore.get().notice).toEqual({ kind: 'error', error: { code: 'AccessDenied', message: 'Denied.', requestId: 'R1', hint: 'Ask for read access.' } });
    expect(bridge.calls).toHaveLength(1);
  });

  it('offers uploads for the folder and downloads for a selection in the context menu', () => {
    expect(transferActions(ctx).map((a) => a.id)).toEqual(['transfers.uploadFiles', 'transfers.uploadFolder']);
    expect(transferActions({ ...ctx, items: [{ key: 'docs/a.txt', isPrefix: false }] }).map((a) => a.id)).toEqual(['transfers.download', 'transfers.downloadTo', 'transfers.openDefault', 'transfers.saveAs']);
    expect(transferActions({ ...ctx, items: [{ key: 'docs/sub/', isPrefix: true }, { key: 'docs/a.txt', isPrefix: false }] }).map((a) => a.id)).toEqual(['transfers.download', 'transfers.downloadTo']);
  });
});
