/**
 * The filter box (instant, case-insensitive, current folder) and the recursive search
 * under the current folder (Enter or the button; progress and Cancel while it runs).
 */
import type { ReactElement, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../../ui/icons';
import { formatCount } from '../format';
import type { SearchSnapshot } from '../model/search-session';

export interface SearchBarProps {
  filter: string;
  onFilter(v: string): void;
  inputRef: RefObject<HTMLInputElement | null>;
  search: SearchSnapshot | null;
  query: string | null;
  onSearch(q: string): void;
  onCancel(): void;
  onClear(): void;
}

export function SearchBar({ inputRef, ...p }: SearchBarProps): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const n = (x: number) => formatCount(x, i18n.language);
  const stateText = p.search?.running
    ? t('search.progress', { matches: n(p.search.matches), scanned: n(p.search.scanned) })
    : p.search?.cancelled
      ? t('search.cancelled', { matches: n(p.search.matches), scanned: n(p.search.scanned) })
      : t('search.done', { matches: n(p.search?.matches ?? 0), scanned: n(p.search?.scanned ?? 0), query: p.query });
  return (
    <div className="browse-search">
      <input
        ref={inputRef}
        type="search"
        className="browse-search__filter"
        placeholder={t('filter.placeholder')}
        title={t('filter.hint')}
        aria-label={t('filter.label')}
        value={p.filter}
        onChange={(e) => p.onFilter(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && p.filter.trim()) p.onSearch(p.filter.trim());
          if (e.key === 'Escape') {
            p.onFilter('');
            p.onClear();
          }
        }}
      />
      {p.query === null ? (
        <button
          type="button"
          className="ui-button browse-toolbar__button"
          disabled={!p.filter.trim()}
          onClick={() => p.onSearch(p.filter.trim())}
          aria-label={t('search.button')}
          data-tooltip={t('search.hint')}
        >
          <Icon name="search" />
          <span className="browse-toolbar__label" aria-hidden="true">
            {t('search.button')}
          </span>
        </button>
      ) : (
        <span className="browse-search__state" data-testid="search-state" data-running={p.search?.running ?? false}>
          <span className="browse-search__text" title={stateText}>
            {stateText}
          </span>
          {p.search?.running ? (
            <button type="button" className="ui-button ui-button--small" onClick={p.onCancel}>
              {t('action.cancel')}
            </button>
          ) : (
            <button
              type="button"
              className="ui-button ui-button--small"
              onClick={() => {
                p.onClear();
                p.onFilter('');
              }}
            >
              {t('search.close')}
            </button>
          )}
        </span>
      )}
    </div>
  );
}
