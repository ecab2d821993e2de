/** The sidebar's profile list: pick one to browse; edit, duplicate or delete it. */
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, IconButton } from '../../ui/button';
import { ErrorPanel } from '../../ui/error-panel';
import { Icon } from '../../ui/icons';
import { selectionStore } from '../../state/selection-store';
import { duplicateProfile, loadProfiles, openDialog, openProfile, profilesStore } from './profiles-state';

export function ProfileList(): ReactElement {
  const { t } = useTranslation('profiles');
  const { profiles, error } = profilesStore.use((s) => s);
  const active = selectionStore.use((s) => s.profileId);
  useEffect(() => {
    void loadProfiles(true);
  }, []);
  return (
    <div className="profiles-list">
      {error && <ErrorPanel error={error} compact onDismiss={() => profilesStore.set({ error: null })} />}
      {profiles && profiles.length > 0 && (
        <ul aria-label={t('list.label')}>
          {profiles.map((p) => (
            <li key={p.id} className={p.id === active ? 'profiles-item profiles-item--active' : 'profiles-item'}>
              <button type="button" className="profiles-item__open" aria-current={p.id === active ? 'true' : undefined} onClick={() => void openProfile(p.id)}>
                <span className="profiles-item__name">{p.name}</span>
                <span className="profiles-muted">
                  {p.sandbox ? t('list.sandbox') : t(`type.${p.type}`)}
                  {p.maskedAccessKeyId && !p.sandbox ? ` · ${p.maskedAccessKeyId}` : ''}
                  {p.sessionOnly ? ` · ${t('list.sessionOnly')}` : ''}
                </span>
              </button>
              <span className="profiles-item__actions">
                <IconButton icon={<Icon name="edit" />} label={t('action.editNamed', { name: p.name })} onClick={() => openDialog({ kind: 'edit', profile: p })} />
                <IconButton icon={<Icon name="copy" />} label={t('action.duplicateNamed', { name: p.name })} onClick={() => void duplicateProfile(p.id)} />
                <IconButton icon={<Icon name="delete" />} label={t('action.deleteNamed', { name: p.name })} onClick={() => openDialog({ kind: 'delete', profile: p })} />
              </span>
            </li>
          ))}
        </ul>
      )}
      {profiles && profiles.length === 0 && <p className="sidebar__empty">{t('list.empty')}</p>}
      <Button className="profiles-add" onClick={() => openDialog({ kind: 'add' })}>
        {t('action.add')}
      </Button>
    </div>
  );
}
