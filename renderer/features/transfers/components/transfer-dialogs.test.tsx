import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConflictPlan, TransferSettings } from '../../../../shared/contract/transfers';
import { initI18n } from '../../../i18n';
import { installTestBridge, type TestBridge } from '../../../lib/test-bridge';
import { resetTransfers, transfersStore } from '../transfers-state';
import { ConflictDialog } from './conflict-dialog';
import { TransferSettingsForm } from './transfer-settings';

const plan = (batchId: string, patch: Partial<ConflictPlan> = {}): ConflictPlan => ({
  batchId,
  direction: 'upload',
  target: 'oss://bucket/docs/',
  newCount: 42,
  changedCount: 3,
  identicalCount: 1,
  examples: ['report.pdf'],
  complete: true,
  ...patch,
});
const settings: TransferSettings = { parallelFiles: 4, parallelParts: 4, partSize: 'auto', bandwidthUp: 0, bandwidthDown: 0, conflictDefault: 'ask', downloadFolder: '' };

let bridge: TestBridge;

describe('transfer dialogs', () => {
  beforeAll(() => initI18n('en'));
  afterEach(() => {
    cleanup();
    resetTransfers();
    bridge?.uninstall();
  });

  it('shows the plan and answers this batch, or every waiting batch with "apply to all"', async () => {
    bridge = installTestBridge({ 'transfers:conflict-answer': () => undefined });
    act(() => transfersStore.set({ plans: [plan('b1', { complete: false }), plan('b2'), plan('b3')] }));
    render(<ConflictDialog />);
    expect(screen.getByTestId('conflict-plan').textContent).toBe('42 new, 3 changed, 1 identical');
    expect(screen.getByText(/Still counting/)).toBeTruthy();
    expect((screen.getByRole('radio', { name: /Skip identical files/ }) as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: /Skip identical files/ }));
    fireEvent.click(screen.getByRole('radio', { name: /Keep both/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Apply to the 2 other batches waiting too' }));
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(transfersStore.get().plans).toEqual([]));
    expect(bridge.calls.map((c) => c.input)).toEqual([
      { batchId: 'b1', policy: 'keep-both', remember: false },
      { batchId: 'b2', policy: 'keep-both', remember: false },
      { batchId: 'b3', policy: 'keep-both', remember: false },
    ]);
  });

  it('closing the prompt keeps the batch waiting; "Cancel this transfer" drops only it', async () => {
    bridge = installTestBridge({ 'transfers:conflict-answer': () => undefined });
    act(() => transfersStore.set({ plans: [plan('b1'), plan('b2', { newCount: 7 })] }));
    render(<ConflictDialog />);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    // The next waiting plan is shown; the first stays in the store unanswered.
    expect(screen.getByTestId('conflict-plan').textContent).toBe('7 new, 3 changed, 1 identical');
    expect(transfersStore.get().plans).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel this transfer' }));
    await waitFor(() => expect(bridge.calls).toHaveLength(1));
    expect(bridge.calls[0]!.input).toEqual({ batchId: 'b2', policy: 'cancel', remember: false });
  });

  it('settings: a bad value is explained beside its field and nothing is sent; a good one is saved in bytes', async () => {
    bridge = installTestBridge({ 'transfers:settings-get': () => settings, 'transfers:settings-set': (patch) => ({ ...settings, ...patch }) });
    render(<TransferSettingsForm />);
    const files = await screen.findByLabelText('Files at the same time');
    fireEvent.change(files, { target: { value: '40' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Enter a whole number from 1 to 16.')).toBeTruthy();
    expect(files.getAttribute('aria-invalid')).toBe('true');
    expect(bridge.calls.filter((c) => c.channel === 'transfers:settings-set')).toEqual([]);
    fireEvent.change(files, { target: { value: '8' } });
    fireEvent.change(screen.getByLabelText('Upload speed limit (MB/s)'), { target: { value: '2.5' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Fixed size' }));
    fireEvent.change(screen.getByLabelText('Part size in MB'), { target: { value: '16' } });
    fireEvent.change(screen.getByLabelText('When a file already exists'), { target: { value: 'keep-both' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(bridge.calls.find((c) => c.channel === 'transfers:settings-set')?.input).toEqual({
      parallelFiles: 8,
      parallelParts: 4,
      partSize: 16 * 1024 * 1024,
      bandwidthUp: 2.5 * 1024 * 1024,
      bandwidthDown: 0,
      conflictDefault: 'keep-both',
    });
    expect(screen.getByTestId('download-folder').textContent).toBe('Your Downloads folder');
  });
});
