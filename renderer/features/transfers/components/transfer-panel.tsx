/**
 * The transfer panel: a region docked above the status bar with the queue's totals, the
 * buttons that act on everything (pause, resume, retry failed, cancel, clear finished,
 * settings) and the virtualized queue. Opens when something is queued; the status bar
 * button shows and hides it.
 */
import { Pause, Play, RotateCcw, Settings, Trash2, X, XCircle } from 'lucide-react';
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferItem } from '../../../../shared/contract/transfers';
import { totalsText } from '../model/row-text';
import { attempt, command, openPanel, transferList, transfersStore } from '../transfers-state';
import { KEYS_HELP_ID, TransferListView } from './transfer-list-view';
import type { RowAction } from './transfer-row';

/** Runs a row's button (or key) against main. */
export function runRowAction(action: RowAction, item: TransferItem): void {
  const ids = [item.id];
  switch (action) {
    case 'pause':
      return void command('transfers:pause', { ids });
    case 'resume':
      return void command('transfers:resume', { ids });
    case 'cancel':
      return void command('transfers:cancel', { ids });
    case 'retry':
      return void command('transfers:retry', { ids });
    case 'reveal':
      return void attempt('transfers:reveal', { id: item.id });
    case 'open':
      return void attempt('transfers:open-local', { id: item.id });
    case 'details':
      return transfersStore.set({ detailsId: item.id });
  }
}

export function TransferPanel(): ReactElement | null {
  const { t, i18n } = useTranslation('transfers');
  const open = transfersStore.use((s) => s.panelOpen);
  const version = transfersStore.use((s) => s.version);
  const loaded = transfersStore.use((s) => s.loaded);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const onAction = useCallback((action: RowAction, item: TransferItem) => runRowAction(action, item), []);
  // The docked panel would hide the last rows of the listing: the main pane makes room (transfers.css).
  useEffect(() => {
    if (!open) return;
    document.documentElement.dataset.transfersPanel = 'open';
    return () => {
      delete document.documentElement.dataset.transfersPanel;
    };
  }, [open]);
  if (!open) return null;
  const totals = transferList.totals;
  const unfinished = totals.active + totals.queued + totals.paused;
  const retryFailed = () => void command('transfers:retry', { ids: transferList.idsWhere((it) => it.state === 'failed') });
  return (
    <section className="transfers-panel" aria-label={t('panel.label')} data-testid="transfer-panel">
      <header className="transfers-header">
        <div className="transfers-heading">
          <h2 className="transfers-title">{t('panel.title')}</h2>
          <p className="transfers-totals" data-testid="transfer-totals">
            {totalsText(totals, t, i18n.language)}
          </p>
        </div>
        <div className="transfers-toolbar" role="toolbar" aria-label={t('panel.title')}>
          <button type="button" className="transfers-button" disabled={totals.active + totals.queued === 0} onClick={() => void command('transfers:pause', { all: true })}>
            <Pause size={14} aria-hidden /> {t('panel.pauseAll')}
          </button>
          <button type="button" className="transfers-button" disabled={totals.paused === 0} onClick={() => void command('transfers:resume', { all: true })}>
            <Play size={14} aria-hidden /> {t('panel.resumeAll')}
          </button>
          <button type="button" className="transfers-button" disabled={totals.failed === 0} onClick={retryFailed}>
            <RotateCcw size={14} aria-hidden /> {t('panel.retryFailed')}
          </button>
          <button type="button" className="transfers-button" disabled={unfinished === 0} onClick={() => setConfirmCancel(true)}>
            <XCircle size={14} aria-hidden /> {t('panel.cancelAll')}
          </button>
          <button type="button" className="transfers-button" disabled={totals.items === 0} onClick={() => void attempt('transfers:clear-finished', undefined)}>
            <Trash2 size={14} aria-hidden /> {t('panel.clearFinished')}
          </button>
          <button type="button" className="transfers-button" onClick={() => transfersStore.set({ settingsOpen: true })}>
            <Settings size={14} aria-hidden /> {t('panel.settings')}
          </button>
          <button type="button" className="transfers-icon-button" aria-label={t('panel.hide')} title={t('panel.hide')} onClick={() => openPanel(false)}>
            <X size={16} aria-hidden />
          </button>
        </div>
      </header>
      {confirmCancel && (
        <div className="transfers-confirm" role="alertdialog" aria-label={t('panel.cancelAll')} aria-describedby="transfers-cancel-all-text">
          <span id="transfers-cancel-all-text">{t('panel.cancelAllConfirm')}</span>
          <button
            type="button"
            className="transfers-button is-danger"
            autoFocus
            onClick={() => {
              setConfirmCancel(false);
              void command('transfers:cancel', { all: true });
            }}
          >
            {t('panel.cancelAllYes')}
          </button>
          <button type="button" className="transfers-button" onClick={() => setConfirmCancel(false)}>
            {t('panel.keepGoing')}
          </button>
        </div>
      )}
      <p id={KEYS_HELP_ID} className="visually-hidden">
        {t('panel.keys')}
      </p>
      <TransferListView list={transferList} version={version} onAction={onAction} empty={loaded ? t('panel.empty') : t('panel.loading')} />
    </section>
  );
}
