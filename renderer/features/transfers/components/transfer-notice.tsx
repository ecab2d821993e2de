/** The last problem an upload or download request ran into, shown until dismissed. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../../ui/error-panel';
import { transfersStore } from '../transfers-state';

export function TransferNotice(): ReactElement | null {
  const { t } = useTranslation('transfers');
  const notice = transfersStore.use((s) => s.notice);
  if (!notice) return null;
  const dismiss = () => transfersStore.set({ notice: null });
  if (notice.kind === 'error') {
    return (
      <div className="transfers-notice" data-testid="transfer-notice">
        <ErrorPanel error={notice.error} compact onDismiss={dismiss} />
      </div>
    );
  }
  return (
    <div className="transfers-notice transfers-notice-text" role="alert" data-testid="transfer-notice">
      {notice.kind === 'noPath' ? (
        <p>{t('notice.noPath')}</p>
      ) : notice.kind === 'dragQueued' ? (
        <p>{t('notice.dragQueued', { count: notice.count })}</p>
      ) : (
        <>
          <p>{t('notice.rejected')}</p>
          <ul>
            {notice.items.slice(0, 20).map((r, i) => (
              <li key={i}>
                <strong>{r.name}</strong>: {r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="transfers-button" onClick={dismiss}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
