/**
 * One row of the transfer panel: what moves where, its state line (percent, speed, time
 * left, "verified", the error), a progress bar and the buttons its state allows. Memoized
 * on the item object: main sends a new object only when the item changed.
 */
import { ArrowDown, ArrowUp, CircleAlert, ExternalLink, FolderOpen, Info, Pause, Play, RotateCcw, ShieldCheck, X } from 'lucide-react';
import { memo, type ReactElement } from 'react';
import type { TFunction } from 'i18next';
import type { TransferItem } from '../../../../shared/contract/transfers';
import { percent } from '../format';
import { actionsFor } from '../model/transfer-list';
import { errorText, itemName, itemRoute, noteText, sizeText, statusText } from '../model/row-text';

export type RowAction = 'pause' | 'resume' | 'cancel' | 'retry' | 'reveal' | 'open' | 'details';

export interface TransferRowProps {
  item: TransferItem;
  index: number;
  top: number;
  height: number;
  focused: boolean;
  t: TFunction;
  lang: string;
  onAction(action: RowAction, item: TransferItem): void;
  onFocusRow(index: number): void;
}

/** The DOM id of a row, for the grid's aria-activedescendant. */
export const rowDomId = (id: string) => `transfer-row-${id}`;

function TransferRowView({ item, index, top, height, focused, t, lang, onAction, onFocusRow }: TransferRowProps): ReactElement {
  const can = actionsFor(item);
  const name = itemName(item);
  const status = statusText(item, t, lang);
  const note = noteText(item, t);
  const pct = percent(item.transferred, item.size ?? 0);
  const failed = item.state === 'failed';
  const hint = item.error ? errorText(item.error, t).hint : '';
  const tab = focused ? 0 : -1;
  const button = (action: RowAction, label: string, icon: ReactElement) => (
    <button type="button" className="transfers-icon-button" aria-label={`${label}: ${name}`} title={label} tabIndex={tab} onClick={() => onAction(action, item)}>
      {icon}
    </button>
  );
  return (
    <div
      role="row"
      id={rowDomId(item.id)}
      aria-rowindex={index + 1}
      aria-selected={focused}
      data-state={item.state}
      data-testid="transfer-row"
      className={`transfers-row${focused ? ' is-focused' : ''}${failed ? ' is-failed' : ''}`}
      style={{ transform: `translateY(${top}px)`, height }}
      onMouseDown={() => onFocusRow(index)}
    >
      <div role="gridcell" className="transfers-cell-main">
        <span className="transfers-direction" aria-label={t(item.direction === 'upload' ? 'row.upload' : 'row.download')} role="img">
          {item.direction === 'upload' ? <ArrowUp size={16} aria-hidden /> : <ArrowDown size={16} aria-hidden />}
        </span>
        <div className="transfers-text">
          <div className="transfers-line">
            <span className="transfers-name" title={item.direction === 'upload' ? item.localName : item.key}>
              {name}
            </span>
            <span className={`transfers-status${failed ? ' is-danger' : ''}`} data-testid="transfer-status" title={hint || (item.state === 'done' && item.verified ? t('row.verifiedHint') : undefined)}>
              {item.state === 'done' && item.verified && <ShieldCheck size={14} aria-hidden className="transfers-verified" />}
              {failed && <CircleAlert size={14} aria-hidden />}
              <span className="transfers-status-text">{status}</span>
            </span>
            {note && (
              <span className="transfers-note" data-testid="transfer-note">
                {note}
              </span>
            )}
          </div>
          <div className="transfers-line transfers-line-sub">
            <span className="transfers-route">{failed && hint ? hint : itemRoute(item, t)}</span>
            <span className="transfers-size">{sizeText(item, t)}</span>
          </div>
          <div
            className={`transfers-bar${failed ? ' is-danger' : ''}`}
            role="progressbar"
            aria-label={t('row.progress', { name })}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
          >
            <span style={{ width: `${pct}%` }} />
          </div>
        </div>
      </div>
      <div role="gridcell" className="transfers-cell-actions">
        {can.pause && button('pause', t('row.pause'), <Pause size={16} aria-hidden />)}
        {can.resume && button('resume', t('row.resume'), <Play size={16} aria-hidden />)}
        {can.retry && button('retry', t('row.retry'), <RotateCcw size={16} aria-hidden />)}
        {failed && item.error && button('details', t('row.details'), <Info size={16} aria-hidden />)}
        {can.open && button('open', t('row.open'), <ExternalLink size={16} aria-hidden />)}
        {can.reveal && button('reveal', t('row.reveal'), <FolderOpen size={16} aria-hidden />)}
        {can.cancel && button('cancel', t('row.cancel'), <X size={16} aria-hidden />)}
      </div>
    </div>
  );
}

export const TransferRow = memo(TransferRowView);
