/**
 * The window layout: sidebar, main pane, status bar, plus feature overlays. The main pane
 * shows the welcome screen until a profile is active. The main slot stays mounted (it may
 * act on a deep link before any profile is active) and renders nothing until then.
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { SIDEBAR_WIDTH } from '../../../shared/contract/desktop';
import { useShellFeatures } from '../../app/shell-context';
import { ErrorBoundary } from '../../app/error-boundary';
import { layoutStore } from '../../state/layout-store';
import { selectionStore } from '../../state/selection-store';
import { Notices } from './notices';
import { Sidebar } from './sidebar';
import { StatusBar } from './status-bar';
import { WelcomeEmptyState } from './welcome-empty-state';

export function AppFrame() {
  const { single, lists } = useShellFeatures();
  const profileId = selectionStore.use((s) => s.profileId);
  const Main = single.main;
  const { t } = useTranslation();
  const sidebarWidth = layoutStore.use((s) => s.sidebarWidth) ?? SIDEBAR_WIDTH.initial;
  return (
    <div className="app-frame" style={{ '--sidebar-width': `${sidebarWidth}px` } as CSSProperties}>
      {/* The first Tab stop: straight to the files, past the sidebar and the toolbar. */}
      <a
        className="skip-link"
        href="#file-list"
        onClick={(e) => {
          e.preventDefault();
          (document.getElementById('file-list') ?? document.getElementById('main'))?.focus();
        }}
      >
        {t('app.skipToList')}
      </a>
      <Sidebar />
      <main className="main-pane" id="main" tabIndex={-1}>
        <ErrorBoundary>
          {Main && <Main />}
          {!profileId && <WelcomeEmptyState />}
        </ErrorBoundary>
      </main>
      <StatusBar />
      {lists.overlay.map(({ id, Component }) => (
        <ErrorBoundary key={id}>
          <Component />
        </ErrorBoundary>
      ))}
      <Notices />
    </div>
  );
}
