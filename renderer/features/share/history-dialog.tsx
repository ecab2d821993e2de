/** Links and codes made this session: names, kinds and expiry times, never the URLs. */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareHistoryEntry } from '../../../shared/contract/share';
import { call } from '../../lib/oss-api';
import { Dialog } from '../../ui/dialog';
import { formatTime } from './use-signature-version';

export function HistoryDialog({ onClose }: { onClose(): void }): ReactElement {
  const { t, i18n } = useTranslation('share');
  const [entries, setEntries] = useState<ShareHistoryEntry[] | null>(null);
  useEffect(() => {
    call('share:history').then(setEntries, () => setEntries([]));
  }, []);
  return (
    <Dialog
      title={t('history.title')}
      onClose={onClose}
      testId="share-history-dialog"
      footer={
        <button type="button" className="ui-button" onClick={onClose} data-autofocus>
          {t('common.close')}
        </button>
      }
    >
      <p className="share-muted">{t('history.note')}</p>
      {entries && entries.length === 0 && <p>{t('history.empty')}</p>}
      <ul className="share-history">
        {(entries ?? []).map((e, i) => (
          <li key={i}>
            <strong>{t(`history.kind.${e.kind}`)}</strong> oss://{e.bucket}/{e.key} — {t('history.expires', { time: formatTime(e.expiresAt, i18n.language) })}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
