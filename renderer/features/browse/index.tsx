/**
 * The browse feature's slots in the app shell: the bucket list in the sidebar and the
 * object browser in the main pane. A profile with a start path (a restricted user who may
 * only list `oss://bucket/prefix/`) opens where profiles:open says, not at the bucket list.
 */
import { useEffect, useState, type ReactElement } from 'react';
import type { ShellFeature } from '../../app/feature-registry';
import { call } from '../../lib/oss-api';
import { openRequestStore } from '../../state/open-request';
import { selectProfile, selectionStore } from '../../state/selection-store';
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
    // Opened like a click on the profile: main says where it starts.
    call('profiles:open', { id: link.profileId }).then(
      (opened) => selectProfile(link.profileId, opened.openAt ?? null),
      () => selectProfile(link.profileId),
    );
  }, [link]);
  const profileId = selectionStore.use((s) => s.profileId);
  const openAt = selectionStore.use((s) => s.openAt);
  // An oss:// link from the OS (renderer/state/open-request.ts): a new view at that folder.
  const request = openRequestStore.use((s) => s.request);
  // The shell shows its welcome screen while no profile is active.
  if (!profileId) return null;
  if (request && request.profileId === profileId) {
    return <BrowseView key={`${profileId}#${request.seq}`} profileId={profileId} start={request.location} {...(request.focusName ? { startFocus: request.focusName } : {})} />;
  }
  // A link with an address opens there; otherwise the profile's start path, if any.
  const start: Location | null = link?.location && link.profileId === profileId ? link.location : openAt;
  return <BrowseView key={profileId} profileId={profileId} start={start} />;
}

export const feature: ShellFeature = {
  id: 'browse',
  order: 50,
  slots: { main: BrowseMain, sidebarBuckets: SidebarBuckets },
};
