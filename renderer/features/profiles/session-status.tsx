/**
 * Status bar item for temporary credentials: a countdown to expiry, refresh failures, and
 * the non-blocking "paste a new token" prompt 10 minutes before a pasted STS token ends.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { on } from '../../lib/oss-api';
import { selectionStore } from '../../state/selection-store';
import { openDialog, profilesStore, refreshStatus } from './profiles-state';

/** "1h 05m", "4m 09s", or "0s" once past. */
export function formatRemaining(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(sec).padStart(2, '0')}s`;
  return `${sec}s`;
}

/** Keeps the store in step with main's credential events. */
export function useCredentialEvents(): void {
  useEffect(() => {
    const mine = (id: string) => id === selectionStore.get().profileId;
    const offs = [
      on('credentials:refreshed', (e) => mine(e.profileId) && void refreshStatus(e.profileId)),
      on('credentials:refresh-failed', (e) => mine(e.profileId) && void refreshStatus(e.profileId)),
      on('credentials:expiring', (e) => profilesStore.set({ expiringPrompt: { profileId: e.profileId, ...(e.expiresAt ? { expiresAt: e.expiresAt } : {}) } })),
      on('credentials:expired', (e) => mine(e.profileId) && void refreshStatus(e.profileId)),
    ];
    return () => offs.forEach((off) => off());
  }, []);
}

export function SessionCountdown(): ReactElement | null {
  const { t } = useTranslation('profiles');
  useCredentialEvents();
  const status = profilesStore.use((s) => s.status);
  const active = selectionStore.use((s) => s.profileId);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (!status || status.profileId !== active) return null;
  if (status.refreshError) {
    return (
      <span className="status-bar__item profiles-status profiles-status--warn" data-testid="credentials-status" title={status.refreshError.message}>
        {t('status.refreshFailed', { code: status.refreshError.code })}
      </span>
    );
  }
  if (!status.expiresAt) return null;
  const left = Date.parse(status.expiresAt) - now;
  return (
    <span className={`status-bar__item profiles-status${left <= 0 ? ' profiles-status--warn' : ''}`} data-testid="credentials-status">
      {left > 0 ? t('status.expiresIn', { time: formatRemaining(left) }) : t('status.expired')}
    </span>
  );
}

/** The prompt shown when a pasted STS token has 10 minutes left. */
export function ExpiringPrompt(): ReactElement | null {
  const { t } = useTranslation('profiles');
  const prompt = profilesStore.use((s) => s.expiringPrompt);
  const profiles = profilesStore.use((s) => s.profiles);
  if (!prompt) return null;
  const profile = profiles?.find((p) => p.id === prompt.profileId);
  return (
    <div className="notice notice--warn profiles-expiring" role="status">
      <span>{t('status.expiringPrompt', { name: profile?.name ?? '' })}</span>
      {profile && (
        <button type="button" className="ui-button" onClick={() => (profilesStore.set({ expiringPrompt: null }), openDialog({ kind: 'edit', profile }))}>
          {t('status.pasteNew')}
        </button>
      )}
      <button type="button" className="ui-button" onClick={() => profilesStore.set({ expiringPrompt: null })}>
        {t('action.dismiss')}
      </button>
    </div>
  );
}
