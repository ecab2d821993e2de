/** The status-bar button: overall progress while transfers run; shows and hides the panel. */
import { ArrowDownUp } from 'lucide-react';
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { statusBarText } from '../model/row-text';
import { openPanel, startTransfers, transferList, transfersStore } from '../transfers-state';

export function TransferStatus(): ReactElement {
  const { t, i18n } = useTranslation('transfers');
  const open = transfersStore.use((s) => s.panelOpen);
  transfersStore.use((s) => s.version);
  // The status bar is always mounted: it owns the subscription to main's events.
  useEffect(() => startTransfers(), []);
  const totals = transferList.totals;
  return (
    <button
      type="button"
      className={`transfers-status-button${totals.failed > 0 ? ' is-danger' : ''}`}
      aria-expanded={open}
      aria-label={`${statusBarText(totals, t, i18n.language)} — ${open ? t('statusBar.close') : t('statusBar.open')}`}
      data-testid="transfers-toggle"
      onClick={() => openPanel(!open)}
    >
      <ArrowDownUp size={14} aria-hidden />
      <span>{statusBarText(totals, t, i18n.language)}</span>
    </button>
  );
}
