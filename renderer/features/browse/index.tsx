/**
 * The browse feature's slots in the app shell: the bucket list in the sidebar and the
 * object browser in the main pane. A profile with a start path (a restricted user who may
 * only list `oss://bucket/prefix/`) opens there instead of at the bucket list.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { ShellFeature } from '../../app/feature-registry';
import { call } from '../../lib/oss-api';
import { selectProfile, selectionStore } from '../../state/selection-store';
import { WelcomeEmptyState } from '../shell/welcome-empty-state';
import { BrowseView } from './browse-view';
import { SidebarBuckets } from './components/bucket-list';
import { parseDeepLink, type DeepLink } from './model/deep-link';
import type { Location } from './model/nav-history';
import './browse.css';

function BrowseMain(): ReactElement | null {
  // An `#open?profile=…&address=…` link the window was opened with, used once.
  const [link] = useState<DeepLink | null>(() => parseDeepLink(window.location.hash));
  useEffect(() => {
    if (!link) return;
    history.replaceState(null, '', window.location.pathname + window.location.search);
    selectProfile(link.profileId);
  }, [link]);
  const profileId = selectionStore.use((s) => s.profileId);
  // A link with an address opens there; one without opens the profile's start path.
  const [start, setStart] = useState<{ profileId: string; location: Location | null } | null>(() =>
    link?.location ? { profileId: link.profileId, location: link.location } : null,
  );
  useEffect(() => {
    if (!profileId || (link?.location && link.profileId === profileId)) return;
    let live = true;
    const settle = (location: Location | null) => live && setStart({ profileId, location });
    call('profiles:list').then(
      (list) => {
        const sp = list.profiles.find((p) => p.id === profileId)?.startPath;
        settle(sp ? { bucket: sp.bucket, prefix: sp.prefix && !sp.prefix.endsWith('/') ? sp.prefix + '/' : sp.prefix } : null);
      },
      () => settle(null),
    );
    return () => {
      live = false;
    };
  }, [profileId, link]);
  if (!profileId) return <WelcomeEmptyState />;
  if (!start || start.profileId !== profileId) return null;
  return <BrowseView key={profileId} profileId={profileId} start={start.location} />;
}

export const feature: ShellFeature = {
  id: 'browse',
  order: 50,
  slots: { main: BrowseMain, sidebarBuckets: SidebarBuckets },
};
