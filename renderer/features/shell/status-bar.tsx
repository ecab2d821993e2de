/** The bottom bar: app version and platform (from main's app:info), feature items, language. */
import { useTranslation } from 'react-i18next';
import { useShellFeatures } from '../../app/shell-context';
import { useRequest } from '../../lib/use-request';
import { LanguageSwitch } from './language-switch';

export function StatusBar() {
  const { t } = useTranslation();
  const { lists } = useShellFeatures();
  const info = useRequest('app:info');
  const runtime = info.data?.versions.electron ? `Electron ${info.data.versions.electron}` : info.data ? `Node ${info.data.versions.node}` : '';
  return (
    <footer className="status-bar" aria-label={t('statusBar.label')}>
      <span className="status-bar__item" data-testid="app-version" title={info.data?.logFile}>
        {info.data
          ? `${info.data.productName} · ${t('statusBar.version', { version: info.data.version })}`
          : info.error
            ? info.error.message
            : t('statusBar.loading')}
      </span>
      {info.data && (
        <span className="status-bar__item status-bar__item--muted">
          {info.data.platform} {info.data.arch} · {runtime}
        </span>
      )}
      <span className="status-bar__spacer" />
      {lists.statusBar.map(({ id, Component }) => (
        <span key={id} className="status-bar__item">
          <Component />
        </span>
      ))}
      <LanguageSwitch />
    </footer>
  );
}
