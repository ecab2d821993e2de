/** The window layout: sidebar, main pane, status bar, plus feature overlays. */
import { useShellFeatures } from '../../app/shell-context';
import { ErrorBoundary } from '../../app/error-boundary';
import { Notices } from './notices';
import { Sidebar } from './sidebar';
import { StatusBar } from './status-bar';
import { WelcomeEmptyState } from './welcome-empty-state';

export function AppFrame() {
  const { single, lists } = useShellFeatures();
  const Main = single.main ?? WelcomeEmptyState;
  return (
    <div className="app-frame">
      <Sidebar />
      <main className="main-pane" id="main">
        <ErrorBoundary>
          <Main />
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
