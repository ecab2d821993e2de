/** Renders whichever browse dialog is open, wired to the actions. */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationProgress } from '../../../../shared/object-types';
import { keyByteLength } from '../../../../shared/oss-path';
import { createFolder, createSymlink, copyItems, deleteItems, renameItem, type ActionContext, type DialogState } from '../browse-actions';
import { formatCount } from '../format';
import { parseAddress, formatAddress } from '../model/address';
import { PreviewDialog } from '../preview/preview-dialog';
import { BucketInfoDialog } from './bucket-dialogs';
import { HeadersDialog } from './headers-dialog';
import { MultipartDialog } from './multipart-dialog';
import { AclDialog, RestoreDialog, StorageClassDialog } from './object-property-dialogs';
import { OperationDialog } from './operation-dialog';
import { ConfirmDialog, NameDialog } from './simple-dialogs';
import { DeleteConfirm } from './delete-confirm';
import { CopyConflictDialog } from './copy-conflict-dialog';
import './dialogs.css';

export interface DialogHostProps {
  dialog: DialogState;
  ctx: ActionContext;
  progress: OperationProgress | null;
  onClose(): void;
  /** After an edit of one object (ACL, headers…): refresh the details pane. */
  onObjectChanged(): void;
  onPreviewStep(delta: 1 | -1): void;
}

export function DialogHost({ dialog, ctx, progress, onClose, onObjectChanged, onPreviewStep }: DialogHostProps): ReactElement | null {
  const { t, i18n } = useTranslation('browse');
  if (!dialog) return null;
  const { profileId, location } = ctx;
  /** A file or folder name: not empty, no '/', and the whole key within 1023 bytes. */
  const nameProblem = (name: string, parent: string, exists?: (n: string) => boolean): string | null => {
    if (name === '') return t('name.required');
    if (name.includes('/')) return t('name.noSlash');
    if (keyByteLength(parent + name + '/') > 1023) return t('name.tooLong');
    if (exists?.(name)) return t('name.exists');
    return null;
  };
  const objectProps = { profileId, bucket: location.bucket, onClose, onChanged: onObjectChanged };
  switch (dialog.kind) {
    case 'newFolder':
      return (
        <NameDialog
          title={t('newFolder.title')}
          label={t('newFolder.label')}
          initial=""
          submitLabel={t('newFolder.submit')}
          validate={(n) => nameProblem(n, location.prefix, (x) => (ctx.model?.cols.findKey(location.prefix + x + '/') ?? -1) >= 0)}
          onSubmit={async (n) => {
            await createFolder(ctx, n);
            onClose();
          }}
          onClose={onClose}
        />
      );
    case 'rename': {
      const it = dialog.item;
      const parent = it.key.slice(0, it.key.lastIndexOf('/', it.key.length - 2) + 1);
      const current = it.key.slice(parent.length).replace(/\/$/, '');
      const dot = current.lastIndexOf('.');
      return (
        <NameDialog
          title={t('rename.title')}
          label={t('rename.label')}
          initial={current}
          selectTo={!it.isPrefix && dot > 0 ? dot : undefined}
          submitLabel={t('rename.submit')}
          validate={(n) => (n === current ? t('name.unchanged') : nameProblem(n, parent))}
          onSubmit={async (n) => {
            await renameItem(ctx, it, n);
          }}
          onClose={onClose}
        />
      );
    }
    case 'move':
      return (
        <NameDialog
          title={t('move.title', { n: formatCount(dialog.items.length, i18n.language) })}
          label={t('move.label')}
          initial={formatAddress(location)}
          submitLabel={t('move.submit')}
          validate={(v) => {
            const r = parseAddress(v.endsWith('/') || !v.includes('/') ? v : v + '/');
            if (!r.ok) return t(`address.error.${r.error}`);
            return r.location ? null : t('move.needBucket');
          }}
          onSubmit={async (v) => {
            const r = parseAddress(v.endsWith('/') || !v.includes('/') ? v : v + '/');
            if (r.ok && r.location) await copyItems(ctx, dialog.items, r.location, true);
          }}
          onClose={onClose}
        />
      );
    case 'delete':
      return <DeleteConfirm ctx={ctx} items={dialog.items} onClose={onClose} onConfirm={() => void deleteItems(ctx, dialog.items)} />;
    case 'operation':
      return <OperationDialog title={dialog.title} progress={progress} action={dialog.action} onCancel={() => void dialog.run.cancel()} onClose={onClose} />;
    case 'copyConflict':
      return <CopyConflictDialog names={dialog.names} target={dialog.target} move={dialog.move} onChoose={dialog.onChoose} />;
    case 'acl':
      return <AclDialog {...objectProps} objectKey={dialog.key} />;
    case 'headers':
      return <HeadersDialog {...objectProps} objectKey={dialog.key} />;
    case 'storageClass':
      return <StorageClassDialog {...objectProps} objectKey={dialog.key} />;
    case 'restore':
      return <RestoreDialog {...objectProps} objectKey={dialog.key} />;
    case 'symlink':
      return (
        <NameDialog
          title={t('symlink.title')}
          label={t('symlink.label')}
          initial={(dialog.target.slice(dialog.target.lastIndexOf('/') + 1) || 'link') + '.lnk'}
          submitLabel={t('symlink.submit')}
          validate={(n) => nameProblem(n, location.prefix)}
          onSubmit={async (n) => {
            await createSymlink(ctx, n, dialog.target);
            onClose();
          }}
          onClose={onClose}
        >
          <p className="browse-muted">
            {t('symlink.target')}: <span className="browse-mono">{dialog.target}</span>
          </p>
        </NameDialog>
      );
    case 'multipart':
      return <MultipartDialog profileId={profileId} bucket={location.bucket} onClose={onClose} />;
    case 'bucketInfo':
      return <BucketInfoDialog profileId={profileId} bucket={location.bucket} onClose={onClose} />;
    case 'preview':
      return <PreviewDialog profileId={profileId} bucket={location.bucket} objectKey={dialog.key} onClose={onClose} onStep={onPreviewStep} />;
    default:
      return <ConfirmDialog title="" message="" confirmLabel="" onConfirm={onClose} onClose={onClose} />;
  }
}
