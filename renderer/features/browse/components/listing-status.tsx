/** "12,000 items — loading… [Stop]" and the sort-over-incomplete-listing marker. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format';
import type { ListingStatus as Status } from '../model/folder-listing';
import type { SortSpec } from '../model/sort-index';
import './object-table.css';

export interface ListingStatusProps {
  status: Status;
  count: number;
  shown: number;
  filtered: boolean;
  sort: SortSpec;
  /** True once the user picked a sort (the default name order needs no marker). */
  sortChosen: boolean;
  selected: number;
  onStop(): void;
  onResume(): void;
}

export function ListingStatus(p: ListingStatusProps): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const n = formatCount(p.count, i18n.language);
  const loading = p.status === 'loading';
  return (
    <div className="browse-status" role="status" aria-live="polite" data-testid="listing-status" data-state={p.status} data-count={p.count}>
      <span className="browse-status__count">
        {loading ? t('status.loading', { count: p.count, n }) : t('status.items', { count: p.count, n })}
        {p.status === 'stopped' && <> — {t('status.stopped')}</>}
      </span>
      {p.filtered && <span className="browse-status__part">{t('status.shown', { n: formatCount(p.shown, i18n.language) })}</span>}
      {p.selected > 0 && <span className="browse-status__part">{t('status.selected', { n: formatCount(p.selected, i18n.language) })}</span>}
      {loading && p.sortChosen && (
        <span className="browse-status__part browse-status__warn" data-testid="sort-incomplete">
          {t('status.sortIncomplete', { n, column: t(`column.${p.sort.column}`) })}
        </span>
      )}
      {loading && (
        <button type="button" className="ui-button ui-button--small" onClick={p.onStop}>
          {t('status.stop')}
        </button>
      )}
      {p.status === 'stopped' && (
        <button type="button" className="ui-button ui-button--small" onClick={p.onResume}>
          {t('status.resume')}
        </button>
      )}
    </div>
  );
}
