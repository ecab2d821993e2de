/**
 * Back/forward/up, the editable `oss://bucket/prefix/` address (Enter navigates, a bad
 * address shows an inline error) and the breadcrumbs under it.
 */
import { IconButton } from '../../../ui/button';
import { Icon } from '../../../ui/icons';
import { useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { crumbsFor, formatAddress, parseAddress } from '../model/address';
import type { Location } from '../model/nav-history';
import './address-bar.css';

export interface AddressBarProps {
  location: Location;
  canBack: boolean;
  canForward: boolean;
  onBack(): void;
  onForward(): void;
  onUp(): void;
  /** `focusName`: the entry to select after opening (an address without a trailing slash). */
  onNavigate(loc: Location, focusName?: string): void;
  /** The bookmark toggle and menu, rendered at the end of the bar. */
  children?: ReactNode;
}

export function AddressBar(p: AddressBarProps): ReactElement {
  const { t } = useTranslation('browse');
  const shown = p.location.bucket ? formatAddress(p.location) : 'oss://';
  const [text, setText] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  const [lastShown, setLastShown] = useState(shown);
  if (lastShown !== shown) {
    // The location changed from outside (a click, back/forward): show it.
    setLastShown(shown);
    setText(shown);
    setError(null);
  }

  const submit = () => {
    const parsed = parseAddress(text);
    if (!parsed.ok) {
      setError(t(`address.error.${parsed.error}`));
      return;
    }
    setError(null);
    // Show the place as oss:// (a pasted https URL, or an object path in the folder already open).
    setText(parsed.location?.bucket ? formatAddress(parsed.location) : 'oss://');
    p.onNavigate(parsed.location ?? { bucket: '', prefix: '' }, parsed.ok ? parsed.focusName : undefined);
  };

  const crumbs = crumbsFor(p.location.prefix);
  return (
    <div className="browse-address">
      <div className="browse-address__row">
        <IconButton icon={<Icon name="back" />} onClick={p.onBack} disabled={!p.canBack} label={t('nav.back')} tooltip={t('nav.backHint')} />
        <IconButton icon={<Icon name="forward" />} onClick={p.onForward} disabled={!p.canForward} label={t('nav.forward')} tooltip={t('nav.forwardHint')} />
        <IconButton icon={<Icon name="up" />} onClick={p.onUp} disabled={!p.location.bucket} label={t('nav.up')} tooltip={t('nav.upHint')} />
        <input
          className={`browse-address__input${error ? ' browse-address__input--invalid' : ''}`}
          aria-label={t('address.label')}
          aria-invalid={!!error}
          aria-describedby={error ? 'browse-address-error' : undefined}
          spellCheck={false}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (error) setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit();
            if (e.key === 'Escape') {
              setText(shown);
              setError(null);
            }
          }}
          onFocus={(e) => e.target.select()}
        />
        {p.children}
      </div>
      {error && (
        <div id="browse-address-error" role="alert" className="ui-field__error">
          {error}
        </div>
      )}
      <nav className="browse-crumbs" aria-label={t('address.breadcrumbs')}>
        <button type="button" className="browse-crumbs__crumb" onClick={() => p.onNavigate({ bucket: '', prefix: '' })}>
          {t('address.allBuckets')}
        </button>
        {p.location.bucket && (
          <>
            <span className="browse-crumbs__sep">›</span>
            <button type="button" className="browse-crumbs__crumb" onClick={() => p.onNavigate({ bucket: p.location.bucket, prefix: '' })}>
              {p.location.bucket}
            </button>
          </>
        )}
        {crumbs.map((c) => (
          <span key={c.prefix} className="browse-crumbs__item">
            <span className="browse-crumbs__sep">›</span>
            <button
              type="button"
              className="browse-crumbs__crumb"
              aria-current={c.prefix === p.location.prefix ? 'location' : undefined}
              onClick={() => p.onNavigate({ bucket: p.location.bucket, prefix: c.prefix })}
            >
              {c.label === '' ? t('name.empty') : c.label}
            </button>
          </span>
        ))}
      </nav>
    </div>
  );
}
