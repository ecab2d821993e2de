/** The star in the address bar (bookmark this folder) and the list of the profile's bookmarks. */
import { IconButton } from '../../../ui/button';
import { Icon } from '../../../ui/icons';
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bookmark } from '../../../../shared/object-types';
import { call } from '../../../lib/oss-api';
import { formatAddress } from '../model/address';
import type { Location } from '../model/nav-history';
import '../../../ui/context-menu.css';

export function BookmarksMenu({ profileId, location, onNavigate }: { profileId: string; location: Location; onNavigate(loc: Location): void }): ReactElement {
  const { t } = useTranslation('browse');
  const [list, setList] = useState<Bookmark[]>([]);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let live = true;
    call('bookmarks:list', { profileId }).then(
      (b) => live && setList(b),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [profileId]);
  const marked = list.some((b) => b.bucket === location.bucket && b.prefix === location.prefix);
  const toggle = async () => {
    const args = { profileId, bucket: location.bucket, prefix: location.prefix };
    setList(marked ? await call('bookmarks:remove', args) : await call('bookmarks:add', args));
  };
  return (
    <div className="browse-bookmarks">
      <IconButton
        className={marked ? 'browse-bookmarks__star--on' : undefined}
        icon={<Icon name="bookmarked" />}
        disabled={!location.bucket}
        aria-pressed={marked}
        label={marked ? t('bookmarks.remove') : t('bookmarks.add')}
        onClick={() => void toggle().catch(() => undefined)}
      />
      <button type="button" className="ui-button ui-button--small" aria-expanded={open} aria-haspopup="menu" onClick={() => setOpen(!open)}>
        {t('bookmarks.title')}
      </button>
      {open && (
        <div role="menu" className="browse-menu browse-bookmarks__menu" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
          {list.length === 0 && <div className="browse-menu__empty">{t('bookmarks.none')}</div>}
          {list.map((b) => (
            <button
              key={b.bucket + '/' + b.prefix}
              type="button"
              role="menuitem"
              className="browse-menu__item"
              onClick={() => {
                setOpen(false);
                onNavigate({ bucket: b.bucket, prefix: b.prefix });
              }}
            >
              <span>{b.name || formatAddress(b)}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
