/**
 * The transfers feature: uploads and downloads run by main's engine. It plugs into the
 * browser through browse's extension points (drops, context-menu actions, listing refresh
 * when an upload lands), adds the status-bar button and, as overlays, the transfer panel,
 * the conflict prompt, error details and its settings.
 */
import i18next from 'i18next';
import type { ReactElement } from 'react';
import type { ShellFeature } from '../../app/feature-registry';
import { addDropHandler, addObjectActions, addPreviewActions, addToolbarActions, objectsChanged, setDragOutHandler, setFileOpener } from '../../state/browse-extensions';
import { addSettingsSection } from '../../ui/settings-registry';
import { ConflictDialog } from './components/conflict-dialog';
import { ErrorDetailsDialog } from './components/error-details-dialog';
import { TransferNotice } from './components/transfer-notice';
import { TransferPanel } from './components/transfer-panel';
import { TransferSettingsDialog, TransferSettingsForm } from './components/transfer-settings';
import { TransferStatus } from './components/transfer-status';
import { dragOut, openWithDefaultApp, saveAs, transferActions, uploadActions, uploadDropped } from './entry-points';
import { onUploadsLanded } from './transfers-state';
import './transfers.css';
import './transfer-dialogs.css';

addDropHandler((ctx, files) => void uploadDropped(ctx, files));
addObjectActions(transferActions);
// One toolbar button (the toolbar is tight at 1024 px); "Upload folder…" is in the folder's menu, and folders can be dropped.
addToolbarActions((ctx) => uploadActions(ctx).slice(0, 1));
setFileOpener((ctx, key) => void openWithDefaultApp(ctx, key));
setDragOutHandler((ctx, sizes) => void dragOut(ctx, sizes));
addPreviewActions((ctx) => [{ id: 'transfers.saveAs', label: i18next.t('transfers:action.saveAs'), run: () => void saveAs(ctx, ctx.key) }]);
addSettingsSection({ id: 'transfers', order: 50, title: (t) => t('transfers:settings.section'), Component: () => <TransferSettingsForm /> });
onUploadsLanded((items) => {
  for (const it of items) objectsChanged({ profileId: it.profileId, bucket: it.bucket, key: it.key });
});

function TransferOverlays(): ReactElement {
  return (
    <>
      <TransferPanel />
      <TransferNotice />
      <ConflictDialog />
      <ErrorDetailsDialog />
      <TransferSettingsDialog />
    </>
  );
}

export const feature: ShellFeature = {
  id: 'transfers',
  order: 60,
  slots: { statusBar: TransferStatus, overlay: TransferOverlays },
};
