/** The widget kit in jsdom: dialog focus trap and Escape, failure sentences, selects, settings sections. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { changeLanguage, initI18n } from '../i18n';
import { IconButton } from './button';
import { Dialog } from './dialog';
import { EnumSelect } from './enum-select';
import { FailureList, failureDetails } from './failure-list';
import { Field, focusFirstInvalid } from './field';
import { Icon, fileKindOf } from './icons';
import { addSettingsSection, settingsSections } from './settings-registry';

beforeAll(() => {
  initI18n('en');
});
afterEach(async () => {
  cleanup();
  await changeLanguage('en');
});

describe('Dialog', () => {
  function open(onClose = vi.fn()) {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const view = render(
      <Dialog title="Rename" onClose={onClose} footer={<button>OK</button>}>
        <input aria-label="Name" />
        <button disabled>Off</button>
      </Dialog>,
    );
    return { opener, onClose, view };
  }

  it('is a labelled modal dialog that focuses its first control', () => {
    open();
    const dialog = screen.getByRole('dialog', { name: 'Rename' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
  });

  it('keeps Tab and Shift+Tab inside, skipping disabled controls', () => {
    open();
    const dialog = screen.getByRole('dialog');
    const ok = screen.getByRole('button', { name: 'OK' });
    ok.focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(ok);
  });

  it('closes on Escape without letting the key reach the page, and gives focus back', () => {
    const pageKeys = vi.fn();
    window.addEventListener('keydown', pageKeys);
    const { opener, onClose, view } = open();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
    expect(pageKeys).not.toHaveBeenCalled();
    view.unmount();
    expect(document.activeElement).toBe(opener);
    window.removeEventListener('keydown', pageKeys);
  });
});

describe('FailureList', () => {
  const failures = [
    { key: 'a.txt', code: 'AccessDenied', message: 'You have no right to access this object.', requestId: 'R1' },
    { key: 'b.txt', code: 'AccessDenied', message: 'You have no right to access this object.', requestId: 'R2' },
    { key: 'c.txt', code: 'NoSuchKey', message: 'The specified key does not exist.' },
  ];

  it('says how many items failed in a plural-correct sentence', () => {
    render(<FailureList failures={failures.slice(0, 1)} />);
    expect(screen.getByTestId('failures-summary').textContent).toBe('1 item could not be completed.');
    cleanup();
    render(<FailureList failures={failures} />);
    expect(screen.getByTestId('failures-summary').textContent).toBe('3 items could not be completed.');
  });

  it('names what failed to happen, plural-correct in English and Chinese', async () => {
    const one = failures.slice(0, 1);
    const sentence = () => screen.getByTestId('failures-summary').textContent;
    const cases: Array<['delete' | 'copy' | 'move', number, string, string]> = [
      ['delete', 1, '1 file could not be deleted.', '有 1 个文件未能删除。'],
      ['delete', 3, '3 files could not be deleted.', '有 3 个文件未能删除。'],
      ['copy', 1, '1 file could not be copied.', '有 1 个文件未能复制。'],
      ['move', 3, '3 files could not be moved.', '有 3 个文件未能移动。'],
    ];
    for (const lang of ['en', 'zh-CN'] as const) {
      await changeLanguage(lang);
      for (const [action, n, en, zh] of cases) {
        render(<FailureList failures={n === 1 ? one : failures} action={action} />);
        expect(sentence()).toBe(lang === 'en' ? en : zh);
        cleanup();
      }
    }
    await changeLanguage('en');
  });

  it('gives one plain line per error code with its hint, and folds the keys away', () => {
    // FailedKey carries no hint: the shared English hint for the code is used.
    render(<FailureList failures={failures} />);
    const reasons = screen.getAllByRole('listitem');
    expect(reasons.map((r) => r.dataset.code)).toEqual(['AccessDenied', 'NoSuchKey']);
    expect(reasons[0]!.textContent).toContain('2 items: You do not have permission to do this. This AccessKey is not allowed to do that.');
    expect(reasons[1]!.textContent).toContain('1 item: This file no longer exists.');
    expect(screen.getByTestId('failed-keys').closest('details')?.open).toBe(false);
    expect(failureDetails(failures).split('\n')).toHaveLength(4);
    expect(failureDetails(failures)).toContain('a.txt\tAccessDenied\tYou have no right to access this object.\tR1');
  });

  it('speaks Chinese with full-width punctuation', async () => {
    await changeLanguage('zh-CN');
    render(<FailureList failures={failures} />);
    expect(screen.getByTestId('failures-summary').textContent).toBe('有 3 项未能完成。');
    expect(screen.getAllByRole('listitem')[0]!.textContent).toContain('2 项：您没有执行此操作的权限。');
  });
});

describe('form widgets', () => {
  it('Field links the label, the error and aria-invalid, and focusFirstInvalid finds it', () => {
    const { container } = render(
      <>
        <Field label="Name">{(c) => <input {...c} />}</Field>
        <Field label="AccessKey ID" error="Enter the AccessKey ID.">
          {(c) => <input {...c} />}
        </Field>
      </>,
    );
    const bad = screen.getByLabelText('AccessKey ID');
    expect(bad.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(bad.getAttribute('aria-describedby')!)?.textContent).toBe('Enter the AccessKey ID.');
    expect(focusFirstInvalid(container)).toBe(true);
    expect(document.activeElement).toBe(bad);
  });

  it('EnumSelect offers only its values and reports the typed one', () => {
    const onChange = vi.fn();
    render(<EnumSelect aria-label="Theme" value="system" options={['system', 'light', 'dark'] as const} labelOf={(v) => v.toUpperCase()} onChange={onChange} />);
    const select = screen.getByRole('combobox', { name: 'Theme' });
    expect([...select.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['SYSTEM', 'LIGHT', 'DARK']);
    fireEvent.change(select, { target: { value: 'dark' } });
    expect(onChange).toHaveBeenCalledWith('dark');
  });

  it('IconButton has an accessible name and a visible tooltip, and icons are SVG, not glyphs', () => {
    render(<IconButton label="Duplicate Work" tooltip="Duplicate" icon={<Icon name="copy" />} />);
    const b = screen.getByRole('button', { name: 'Duplicate Work' });
    expect(b.dataset.tooltip).toBe('Duplicate');
    expect(b.querySelector('svg')).not.toBeNull();
    expect(b.textContent).toBe('');
  });

  it('knows document, sheet, archive, video, audio and code files', () => {
    expect(['docx', 'XLSX', 'zip', 'mp4', 'flac', 'ts', 'pdf', 'weird'].map(fileKindOf)).toEqual(['document', 'sheet', 'archive', 'video', 'audio', 'code', 'pdf', 'other']);
  });
});

describe('settings registry', () => {
  it('orders sections, replaces by id and removes on request', () => {
    const A = () => null;
    const offB = addSettingsSection({ id: 'b', order: 20, title: () => 'B', Component: A });
    const offA = addSettingsSection({ id: 'a', order: 10, title: () => 'A', Component: A });
    addSettingsSection({ id: 'b', order: 5, title: () => 'B2', Component: A });
    expect(settingsSections().map((s) => s.title(String))).toEqual(['B2', 'A']);
    offA();
    offB();
    expect(settingsSections().map((s) => s.id)).toEqual(['b']);
  });
});
