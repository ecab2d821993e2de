/**
 * The toolbar above a folder: New folder, Paste, Delete, Refresh, the filter/search box, the
 * list/thumbnail switch and the details toggle. Buttons keep an icon and shrink to it in
 * narrow windows (the label stays as the accessible name and tooltip).
 */
import type { ReactElement, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../../../ui/icons';
import type { ExtensionAction } from '../extension-points';
import './browse-toolbar.css';

export interface BrowseToolbarProps {
  inSearch: boolean;
  /** Items on the clipboard (0 when empty). */
  clipboardCount: number;
  selectedCount: number;
  mode: 'list' | 'grid';
  showDetails: boolean;
  onNewFolder(): void;
  onPaste(): void;
  onDelete(): void;
  onRefresh(): void;
  onMode(mode: 'list' | 'grid'): void;
  onToggleDetails(): void;
  /** Buttons other features add (e.g. Upload from transfers). */
  extra?: ExtensionAction[];
  /** The filter and search box. */
  search: ReactNode;
}

function ToolButton({ icon, label, secondary, ...rest }: { icon: IconName; label: string; disabled?: boolean; onClick(): void; pressed?: boolean; secondary?: boolean }): ReactElement {
  return (
    <button type="button" className={`ui-button browse-toolbar__button${secondary ? ' browse-toolbar__button--secondary' : ''}`} data-tooltip={label} aria-label={label} aria-pressed={rest.pressed} disabled={rest.disabled} onClick={rest.onClick}>
      <Icon name={icon} />
      <span className="browse-toolbar__label" aria-hidden="true">
        {label}
      </span>
    </button>
  );
}

export function BrowseToolbar(p: BrowseToolbarProps): ReactElement {
  const { t } = useTranslation('browse');
  return (
    <div className="browse-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <ToolButton icon="newFolder" label={t('action.newFolder')} onClick={p.onNewFolder} disabled={p.inSearch} />
      <ToolButton icon="paste" label={p.clipboardCount ? t('action.pasteN', { count: p.clipboardCount }) : t('action.paste')} onClick={p.onPaste} disabled={!p.clipboardCount} />
      <ToolButton icon="delete" label={t('action.delete')} onClick={p.onDelete} disabled={p.selectedCount === 0} />
      <ToolButton icon="refresh" label={t('action.refresh')} onClick={p.onRefresh} />
      {p.extra?.map((a) => (
        <button key={a.id} type="button" className="ui-button browse-toolbar__button" onClick={a.run}>
          {a.label}
        </button>
      ))}
      <span className="browse-toolbar__gap" />
      {p.search}
      <div className="browse-segmented" role="group" aria-label={t('view.label')}>
        <button type="button" aria-pressed={p.mode === 'list'} aria-label={t('view.list')} data-tooltip={t('view.list')} onClick={() => p.onMode('list')}>
          <Icon name="list" />
          <span className="browse-toolbar__label" aria-hidden="true">
            {t('view.list')}
          </span>
        </button>
        <button type="button" aria-pressed={p.mode === 'grid'} aria-label={t('view.grid')} data-tooltip={t('view.grid')} onClick={() => p.onMode('grid')}>
          <Icon name="grid" />
          <span className="browse-toolbar__label" aria-hidden="true">
            {t('view.grid')}
          </span>
        </button>
      </div>
      <ToolButton secondary icon="details" label={t('details.title')} pressed={p.showDetails} onClick={p.onToggleDetails} />
    </div>
  );
}
