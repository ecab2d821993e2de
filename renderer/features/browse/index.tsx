/**
 * The browse feature's slots in the app shell: the bucket list in the sidebar and the
 * object browser in the main pane.
 */
import type { ReactElement } from 'react';
import type { ShellFeature } from '../../app/feature-registry';
import { selectionStore } from '../../state/selection-store';
import { WelcomeEmptyState } from '../shell/welcome-empty-state';
import { BrowseView } from './browse-view';
import { SidebarBuckets } from './components/bucket-list';
import './browse.css';

function BrowseMain(): ReactElement | null {
  const profileId = selectionStore.use((s) => s.profileId);
  if (!profileId) return <WelcomeEmptyState />;
  return <BrowseView key={profileId} profileId={profileId} />;
}

export const feature: ShellFeature = {
  id: 'browse',
  order: 50,
  slots: { main: BrowseMain, sidebarBuckets: SidebarBuckets },
};
