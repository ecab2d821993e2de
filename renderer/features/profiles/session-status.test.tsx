import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { endpointSchema, type ProfileView } from '../../../shared/profile-types';
import { initI18n } from '../../i18n';
import { installTestBridge, type TestBridge } from '../../lib/test-bridge';
import { selectionStore } from '../../state/selection-store';
import { openProfile, profilesStore } from './profiles-state';
import { ExpiringPrompt, formatRemaining, SessionCountdown } from './session-status';

let bridge: TestBridge | undefined;
beforeAll(() => {
  initI18n('en');
});
afterEach(() => {
  cleanup();
  bridge?.uninstall();
  selectionStore.set({ profileId: null, bucket: null });
  profilesStore.set({ status: null, expiringPrompt: null, dialog: null, profiles: null });
});

const profile: ProfileView = {
  id: 'p1',
  name: 'Temp token',
  type: 'sts-token',
  maskedAccessKeyId: 'STS.****abcd',
  settings: {},
  endpoint: endpointSchema.parse({}),
  createdAt: '',
  updatedAt: '',
  sessionOnly: false,
};

describe('credentials status', () => {
  it('formats the time left', () => {
    expect(formatRemaining(3_900_000)).toBe('1h 05m');
    expect(formatRemaining(249_000)).toBe('4m 09s');
    expect(formatRemaining(-5)).toBe('0s');
  });

  it('counts down for the active profile, shows refresh failures, and prompts before a pasted token ends', async () => {
    let status: { profileId: string; type: 'sts-token'; expiresAt?: string; refreshError?: { code: string; message: string } } = {
      profileId: 'p1',
      type: 'sts-token',
      expiresAt: new Date(Date.now() + 30 * 60_000).toISOString(),
    };
    bridge = installTestBridge({
      'profiles:open': () => ({ profile }),
      'profiles:session-status': () => status,
    });
    profilesStore.set({ profiles: [profile] });
    render(
      <>
        <SessionCountdown />
        <ExpiringPrompt />
      </>,
    );
    await act(() => openProfile('p1'));
    expect(screen.getByTestId('credentials-status').textContent).toMatch(/^Credentials expire in (29m|30m)/);

    status = { ...status, refreshError: { code: 'NetworkError', message: 'STS unreachable' } };
    act(() => bridge!.emit('credentials:refresh-failed', { profileId: 'p1', code: 'NetworkError', message: 'x', attempt: 1 }));
    await waitFor(() => expect(screen.getByTestId('credentials-status').textContent).toBe('Credential refresh failed (NetworkError); retrying'));

    act(() => bridge!.emit('credentials:expiring', { profileId: 'p1', expiresAt: status.expiresAt! }));
    expect(screen.getByText('The STS token of Temp token expires in 10 minutes.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Paste a new token' }));
    expect(profilesStore.get().dialog).toEqual({ kind: 'edit', profile });
    expect(screen.queryByText(/expires in 10 minutes/)).toBeNull();
  });
});
