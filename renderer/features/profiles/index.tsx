/**
 * The profiles feature's slots: the sidebar's profile list, the credentials countdown in
 * the status bar, the add/edit/delete dialogs, and the shell's "Add profile" / "Try the
 * local sandbox" commands.
 */
import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShellFeature } from '../../app/feature-registry';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { editProfileRequestStore } from '../../state/profile-requests';
import { ProfileDialog } from './profile-dialog';
import { ProfileList } from './profile-list';
import { deleteProfile, openDialog, profilesStore, startSandbox } from './profiles-state';
import { ExpiringPrompt, SessionCountdown } from './session-status';
import './profiles.css';

function DeleteConfirm({ id, name }: { id: string; name: string }): ReactElement {
  const { t } = useTranslation('profiles');
  return (
    <Dialog
      role="alertdialog"
      title={t('dialog.deleteTitle', { name })}
      onClose={() => openDialog(null)}
      testId="profile-delete-dialog"
      footer={
        <>
          <Button onClick={() => openDialog(null)} data-autofocus>
            {t('action.cancel')}
          </Button>
          <Button
            tone="danger"
            onClick={() => {
              openDialog(null);
              void deleteProfile(id).catch(() => undefined);
            }}
          >
            {t('action.delete')}
          </Button>
        </>
      }
    >
      <p>{t('dialog.deleteBody')}</p>
    </Dialog>
  );
}

function ProfileOverlays(): ReactElement {
  const { t } = useTranslation('profiles');
  const dialog = profilesStore.use((s) => s.dialog);
  const starting = profilesStore.use((s) => s.sandboxStarting);
  // Another feature (the browser's error panel) asked for a profile's form.
  const editRequest = editProfileRequestStore.use((s) => s.request);
  useEffect(() => {
    if (!editRequest) return;
    const profile = profilesStore.get().profiles?.find((p) => p.id === editRequest.profileId);
    if (profile) openDialog({ kind: 'edit', profile });
  }, [editRequest]);
  return (
    <>
      <ExpiringPrompt />
      {starting && (
        <div className="notice profiles-expiring" role="status">
          {t('sandbox.starting')}
        </div>
      )}
      {dialog?.kind === 'add' && <ProfileDialog />}
      {dialog?.kind === 'edit' && <ProfileDialog key={dialog.profile.id} profile={dialog.profile} />}
      {dialog?.kind === 'delete' && <DeleteConfirm id={dialog.profile.id} name={dialog.profile.name} />}
    </>
  );
}

export const feature: ShellFeature = {
  id: 'profiles',
  order: 10,
  slots: { sidebarProfiles: ProfileList, statusBar: SessionCountdown, overlay: ProfileOverlays },
  commands: {
    addProfile: () => openDialog({ kind: 'add' }),
    trySandbox: () => startSandbox(),
  },
};
