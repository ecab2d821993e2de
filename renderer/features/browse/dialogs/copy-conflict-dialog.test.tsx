/**
 * Paste into a folder where names are taken: the dialog names them and each choice becomes
 * the copy request it promises (Skip: overwrite false; Keep both: keepBoth; Replace:
 * overwrite true; Cancel: no copy at all). Also: a failed rename is worded as a rename.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { OperationProgress } from '../../../../shared/object-types';
import { changeLanguage, initI18n } from '../../../i18n';
import { installTestBridge, type TestBridge } from '../../../lib/test-bridge';
import { copyItems, type ActionContext, type DialogState, type Item } from '../browse-actions';
import { CopyConflictDialog, type CopyConflictChoice } from './copy-conflict-dialog';
import { OperationDialog } from './operation-dialog';

beforeAll(() => {
  initI18n('en');
});
let bridge: TestBridge | null = null;
afterEach(async () => {
  cleanup();
  bridge?.uninstall();
  bridge = null;
  await changeLanguage('en');
});

const names = ['report.pdf', 'album/', 'a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];

describe('CopyConflictDialog', () => {
  it('names the first five, says "and 2 more", starts on Skip, and Escape cancels', () => {
    const onChoose = vi.fn();
    render(<CopyConflictDialog names={names} target="oss://b/dst/" move={false} onChoose={onChoose} />);
    expect(screen.getByRole('alertdialog', { name: '7 items already exist there' })).toBeTruthy();
    const listed = screen.getByRole('list', { name: 'Names already taken' });
    expect([...listed.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['report.pdf', 'album/', 'a.txt', 'b.txt', 'c.txt', 'and 2 more']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Skip those' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(onChoose).toHaveBeenCalledWith('cancel');
  });

  it('each button reports its choice', () => {
    const onChoose = vi.fn();
    render(<CopyConflictDialog names={['report.pdf']} target="oss://b/dst/" move onChoose={onChoose} />);
    expect(screen.getByRole('alertdialog', { name: '“report.pdf” already exists there' })).toBeTruthy();
    for (const [label, choice] of [['Replace', 'replace'], ['Keep both', 'keepBoth'], ['Skip it', 'skip'], ['Cancel', 'cancel']] as const) {
      fireEvent.click(screen.getByRole('button', { name: label }));
      expect(onChoose).toHaveBeenLastCalledWith(choice);
    }
  });

  it('speaks Simplified Chinese', async () => {
    await changeLanguage('zh-CN');
    render(<CopyConflictDialog names={names} target="oss://b/dst/" move={false} onChoose={() => undefined} />);
    expect(screen.getByRole('alertdialog', { name: '目标位置已有 7 个同名项目' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '跳过' })).toBeTruthy();
    expect(screen.getByText('以及另外 2 项')).toBeTruthy();
  });
});

const done: OperationProgress = { operationId: 'op1', kind: 'copy', done: 1, total: 1, scanning: false, failed: [], failedCount: 0, finished: true, cancelled: false };

/** Runs copyItems with `taken` names at the target, answering the dialog (if it opens) with `choice`. */
async function paste(taken: string[], choice: CopyConflictChoice | null) {
  bridge = installTestBridge({
    'objects:copy-conflicts': () => ({ names: taken }),
    'objects:copy-start': () => {
      setTimeout(() => bridge!.emit('objects:operation-progress', done), 0);
      return { operationId: 'op1' };
    },
  });
  const dialogs: DialogState[] = [];
  const ctx = {
    profileId: 'p',
    location: { bucket: 'b', prefix: 'src/' },
    model: null,
    t: (k: string) => k,
    setDialog: (d: DialogState) => {
      dialogs.push(d);
      if (d?.kind === 'copyConflict') {
        expect(d.names).toEqual(taken);
        d.onChoose(choice!);
      }
    },
    setProgress: () => undefined,
    reload: () => undefined,
    changed: () => undefined,
  } as unknown as ActionContext;
  const items: Item[] = [{ bucket: 'b', key: 'src/report.pdf', isPrefix: false, rowId: 0 }];
  await copyItems(ctx, items, { bucket: 'b', prefix: 'dst/' }, false);
  const start = bridge.calls.find((c) => c.channel === 'objects:copy-start');
  return { dialogs: dialogs.map((d) => d?.kind ?? null), start: start?.input as { overwrite?: boolean; keepBoth?: boolean } | undefined };
}

describe('copyItems into another folder', () => {
  it('asks only when names are taken, and sends what was chosen', async () => {
    expect(await paste([], null)).toMatchObject({ dialogs: [null], start: { overwrite: false, keepBoth: false } });
    expect((await paste(['report.pdf'], 'skip')).start).toMatchObject({ overwrite: false, keepBoth: false });
    expect((await paste(['report.pdf'], 'keepBoth')).start).toMatchObject({ overwrite: false, keepBoth: true });
    expect((await paste(['report.pdf'], 'replace')).start).toMatchObject({ overwrite: true, keepBoth: false });
    const cancelled = await paste(['report.pdf'], 'cancel');
    expect(cancelled.start).toBeUndefined();
    expect(cancelled.dialogs).toEqual(['copyConflict', null]);
  });
});

describe('a failed rename', () => {
  it('says "could not be renamed", in English and Chinese', async () => {
    const failed: OperationProgress = { ...done, kind: 'move', failed: [{ key: 'a.txt', code: 'FileAlreadyExists', message: 'exists' }], failedCount: 1 };
    const view = render(<OperationDialog title="Renaming" progress={failed} action="rename" onCancel={() => undefined} onClose={() => undefined} />);
    expect(screen.getByTestId('failures-summary').textContent).toBe('1 file could not be renamed.');
    view.unmount();
    await changeLanguage('zh-CN');
    render(<OperationDialog title="重命名" progress={failed} action="rename" onCancel={() => undefined} onClose={() => undefined} />);
    expect(screen.getByTestId('failures-summary').textContent).toBe('有 1 个文件未能重命名。');
  });
});
