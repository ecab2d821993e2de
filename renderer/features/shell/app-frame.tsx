/**
 * The window layout: sidebar, main pane, status bar, plus feature overlays. The main pane
 * shows the welcome screen until a profile is active. The main slot stays mounted (it may
 * act on a deep link before any profile is active) and renders nothing until then.
 */
import { useShellFeatures } from '../../app/shell-context';
import { ErrorBoundary } from '../../app/error-boundary';
import { selectionStore } from '../../state/selection-store';
import { Notices } from './notices';
import { Sidebar } from './sidebar';
import { StatusBar } from './status-bar';
import { WelcomeEmptyState } from './welcome-empty-state';

export function AppFrame() {
  const { single, lists } = useShellFeatures();
  const profileId = selectionStore.use((s) => s.profileId);
  const Main = single.main;
  return (
    <div className="app-frame">
      <Sidebar />
      <main className="main-pane" id="main">
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
