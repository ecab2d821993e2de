/** The left column: a profiles section and a buckets section, each filled by a feature, Settings, and the splitter that resizes it. */
import { useTranslation } from 'react-i18next';
import { useShellFeatures } from '../../app/shell-context';
import { ErrorBoundary } from '../../app/error-boundary';
import { openSettings } from '../../state/settings-store';
import { Button } from '../../ui/button';
import { Icon } from '../../ui/icons';
import { SidebarResizer } from './sidebar-resizer';

export function Sidebar() {
  const { t } = useTranslation();
  const { single } = useShellFeatures();
  const Profiles = single.sidebarProfiles;
  const Buckets = single.sidebarBuckets;
  return (
    <nav className="sidebar" id="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar__scroll">
        <section className="sidebar__section" aria-labelledby="sidebar-profiles">
          <h2 id="sidebar-profiles" className="sidebar__heading">
            {t('sidebar.profiles')}
          </h2>
          <ErrorBoundary>{Profiles ? <Profiles /> : <p className="sidebar__empty">{t('sidebar.noProfiles')}</p>}</ErrorBoundary>
        </section>
        <section className="sidebar__section sidebar__section--grow" aria-labelledby="sidebar-buckets">
          <h2 id="sidebar-buckets" className="sidebar__heading">
            {t('sidebar.buckets')}
          </h2>
          <ErrorBoundary>{Buckets ? <Buckets /> : <p className="sidebar__empty">{t('sidebar.selectProfile')}</p>}</ErrorBoundary>
        </section>
        <div className="sidebar__footer">
          <Button icon={<Icon name="settings" />} onClick={openSettings} data-testid="open-settings">
            {t('settings:open')}
          </Button>
        </div>
      </div>
      <SidebarResizer controls="sidebar" />
    </nav>
  );
}
