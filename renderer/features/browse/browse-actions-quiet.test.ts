/**
 * A single rename or move opens no progress dialog: the dialog that started it closes when
 * it succeeds; a failure, or one that runs long, still shows the progress dialog.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OperationProgress } from '../../../shared/object-types';
import { installTestBridge, type TestBridge } from '../../lib/test-bridge';
import { QUIET_DIALOG_DELAY_MS, runOperation, type ActionContext, type DialogState } from './browse-actions';

const progress = (extra: Partial<OperationProgress> = {}): OperationProgress => ({
  operationId: 'op1',
  kind: 'move',
  done: 1,
  total: 1,
  scanning: false,
  failed: [],
  failedCount: 0,
  finished: true,
  cancelled: false,
  ...extra,
});

function context(): { ctx: ActionContext; dialogs: DialogState[] } {
  const dialogs: DialogState[] = [];
  const ctx = {
    setDialog: (d: DialogState) => dialogs.push(d),
    setProgress: () => undefined,
  } as unknown as ActionContext;
  return { ctx, dialogs };
}

let bridge: TestBridge | null = null;
afterEach(() => {
  bridge?.uninstall();
  vi.useRealTimers();
});

describe('quiet operations', () => {
  it('a quick successful rename shows no progress dialog and closes the one that started it', async () => {
    bridge = installTestBridge({ 'objects:rename-start': () => ({ operationId: 'op1' }) });
    const { ctx, dialogs } = context();
    const done = runOperation(ctx, 'Rename', async () => {
      const r = await window.oss!['objects:rename-start']({ profileId: 'p', bucket: 'b', fromKey: 'a', toKey: 'b', isPrefix: false });
      if (!r.ok) throw new Error('start failed');
      setTimeout(() => bridge!.emit('objects:operation-progress', progress()), 0);
      return r.value;
    }, { quiet: true });
    expect((await done).finished).toBe(true);
    expect(dialogs).toEqual([null]);
  });

  it('a quiet operation that fails shows the progress dialog with the failure', async () => {
    bridge = installTestBridge({});
    const { ctx, dialogs } = context();
    const final = await runOperation(ctx, 'Rename', async () => {
      setTimeout(() => bridge!.emit('objects:operation-progress', progress({ failed: [{ key: 'a', code: 'FileAlreadyExists', message: 'exists' }], failedCount: 1 })), 0);
      return { operationId: 'op1' };
    }, { quiet: true });
    expect(final.failedCount).toBe(1);
    expect(dialogs.map((d) => d?.kind)).toEqual(['operation']);
  });

  it('a quiet operation still running after the delay shows its progress, a loud one at once', async () => {
    vi.useFakeTimers();
    bridge = installTestBridge({});
    const { ctx, dialogs } = context();
    void runOperation(ctx, 'Move', async () => ({ operationId: 'op1' }), { quiet: true });
    await vi.advanceTimersByTimeAsync(QUIET_DIALOG_DELAY_MS - 1);
    expect(dialogs).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(dialogs.map((d) => d?.kind)).toEqual(['operation']);
    const loud = context();
    void runOperation(loud.ctx, 'Delete', async () => ({ operationId: 'op2' }));
    expect(loud.dialogs.map((d) => d?.kind)).toEqual(['operation']);
  });
});
