/**
 * The bottom bar: the app's name and version, feature items, an About button and the language.
 * Runtime details (Electron, OS, log file) are in the About dialog, not here: most users
 * cannot act on them.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShellFeatures } from '../../app/shell-context';
import { useRequest } from '../../lib/use-request';
import { Button } from '../../ui/button';
import { AboutDialog } from './about-dialog';
import { LanguageSwitch } from './language-switch';

export function StatusBar() {
  const { t } = useTranslation();
  const { lists } = useShellFeatures();
  const info = useRequest('app:info');
  const [aboutOpen, setAboutOpen] = useState(false);
  return (
    <footer className="status-bar" aria-label={t('statusBar.label')}>
      <span className="status-bar__item" data-testid="app-version">
        {info.data
          ? `${info.data.productName} · ${t('statusBar.version', { version: info.data.version })}`
          : info.error
            ? info.error.message
            : t('statusBar.loading')}
      </span>
      <span className="status-bar__spacer" />
      {lists.statusBar.map(({ id, Component }) => (
        <span key={id} className="status-bar__item">
          <Component />
        </span>
      ))}
      {info.data && (
        <Button small aria-haspopup="dialog" onClick={() => setAboutOpen(true)}>
          {t('statusBar.about')}
        </Button>
      )}
      <LanguageSwitch />
      {aboutOpen && info.data && <AboutDialog info={info.data} onClose={() => setAboutOpen(false)} />}
    </footer>
  );
}
