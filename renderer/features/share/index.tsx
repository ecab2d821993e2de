/**
 * The share feature in the shell: menu actions on the browse selection (links for files,
 * an upload link and temporary access for the folder) through browse's extension point,
 * and the dialogs in the overlay slot.
 */
import type { ReactElement } from 'react';
import i18next from 'i18next';
import type { ShellFeature } from '../../app/feature-registry';
import { addDetailsActions, addObjectActions, type BrowseContext, type DetailsActionProvider, type MenuItem } from '../../state/browse-extensions';
import { GrantDialog } from './grant-dialog';
import { HistoryDialog } from './history-dialog';
import { LinksDialog } from './links-dialog';
import { closeShareDialog, openShareDialog, shareStore } from './share-store';
import { UploadLinkDialog } from './upload-link-dialog';
import './share.css';

const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, { ns: 'share', ...options });

/** The share actions for a browse context (exported for tests). */
export function shareActions(ctx: BrowseContext): MenuItem[] {
  const files = ctx.items.filter((i) => !i.isPrefix).map((i) => i.key);
  const folders = ctx.items.filter((i) => i.isPrefix);
  const base = { profileId: ctx.profileId, bucket: ctx.bucket, prefix: ctx.prefix, keys: files };
  const out: MenuItem[] = [];
  if (files.length > 0) {
    out.push({ id: 'share-links', separated: true, label: files.length === 1 ? t('menu.links') : t('menu.linksN', { count: files.length }), run: () => openShareDialog({ kind: 'links', target: base }) });
  }
  if (ctx.items.length === 0 || (folders.length === 1 && ctx.items.length === 1)) {
    const prefix = folders.length === 1 ? folders[0]!.key : ctx.prefix;
    out.push({ id: 'share-upload', separated: files.length === 0, label: t('menu.upload'), run: () => openShareDialog({ kind: 'upload', target: { ...base, prefix } }) });
    out.push({ id: 'share-grant', label: t('menu.grant'), run: () => openShareDialog({ kind: 'grant', target: { ...base, prefix } }) });
  }
  out.push({ id: 'share-history', label: t('menu.history'), run: () => openShareDialog({ kind: 'history' }) });
  return out;
}

/** The details pane's share buttons: a link for a file; upload link and temporary access for a folder. */
export const shareDetailsActions: DetailsActionProvider = (d) => {
  const base = { profileId: d.profileId, bucket: d.bucket };
  if (!d.isFolder) return [{ id: 'share-links', label: t('menu.links'), run: () => openShareDialog({ kind: 'links', target: { ...base, prefix: '', keys: [d.key] } }) }];
  const target = { ...base, prefix: d.key, keys: [] };
  return [
    { id: 'share-upload', label: t('menu.upload'), run: () => openShareDialog({ kind: 'upload', target }) },
    { id: 'share-grant', label: t('menu.grant'), run: () => openShareDialog({ kind: 'grant', target }) },
  ];
};

addObjectActions(shareActions);
addDetailsActions(shareDetailsActions);

function ShareOverlay(): ReactElement | null {
  const dialog = shareStore.use((s) => s.dialog);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'links':
      return <LinksDialog target={dialog.target} onClose={closeShareDialog} />;
    case 'upload':
      return <UploadLinkDialog target={dialog.target} onClose={closeShareDialog} />;
    case 'grant':
      return <GrantDialog target={dialog.target} onClose={closeShareDialog} />;
    case 'history':
      return <HistoryDialog onClose={closeShareDialog} />;
  }
}

export const feature: ShellFeature = { id: 'share', order: 60, slots: { overlay: ShareOverlay } };
