/**
 * Buckets: a compact list for the sidebar, and the table the main pane shows at `oss://`
 * with create, delete (only when empty) and info.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { ErrorPanel } from '../../../ui/error-panel';
import { Icon } from '../../../ui/icons';
import { requestEditProfile } from '../../../state/profile-requests';
import { call } from '../../../lib/oss-api';
import { selectBucket, selectionStore } from '../../../state/selection-store';
import { acceptsDrops, dropFiles } from '../extension-points';
import { formatDate } from '../format';
import { BucketCreateDialog, BucketInfoDialog } from '../dialogs/bucket-dialogs';
import { ConfirmDialog } from '../dialogs/simple-dialogs';
import { bucketStore, loadBuckets } from '../state/bucket-store';
import './bucket-list.css';

/** Loads the active profile's buckets when the profile changes. */
function useBuckets(profileId: string | null) {
  const state = bucketStore.use((s) => s);
  useEffect(() => {
    if (profileId) void loadBuckets(profileId);
  }, [profileId]);
  return state.profileId === profileId ? state : { ...state, buckets: null };
}

/** The sidebar's bucket list. */
export function SidebarBuckets(): ReactElement {
  const { t } = useTranslation('browse');
  const profileId = selectionStore.use((s) => s.profileId);
  const active = selectionStore.use((s) => s.bucket);
  const { buckets, error, loading } = useBuckets(profileId);
  // Files dropped on a bucket go to its root; the bucket under the pointer is highlighted.
  const [dropOn, setDropOn] = useState<string | null>(null);
  if (!profileId) return <p className="sidebar__empty">{t('bucket.chooseProfile')}</p>;
  // The main pane explains the error (once, with its actions); the sidebar only marks it.
  if (error)
    return (
      <p className="browse-sidebar-error" data-testid="sidebar-bucket-error" title={t('bucket.loadFailedHint')}>
        <Icon name="alert" size={14} />
        <span>{t('bucket.loadFailed')}</span>
      </p>
    );
  if (!buckets) return <p className="sidebar__empty">{loading ? t('details.loading') : ''}</p>;
  if (buckets.length === 0) return <p className="sidebar__empty">{t('bucket.none')}</p>;
  return (
    <ul className="browse-sidebar-buckets" aria-label={t('bucket.listLabel')}>
      {buckets.map((b) => (
        <li key={b.name}>
          <button
            type="button"
            className={`browse-sidebar-buckets__item${active === b.name ? ' browse-sidebar-buckets__item--active' : ''}${dropOn === b.name ? ' browse-sidebar-buckets__item--drop-target' : ''}`}
            aria-current={active === b.name ? 'true' : undefined}
            onClick={() => selectBucket(b.name)}
            onDragOver={(e) => {
              if (!acceptsDrops() || !e.dataTransfer.types.includes('Files')) return;
              e.preventDefault();
              setDropOn(b.name);
            }}
            onDragLeave={() => setDropOn(null)}
            onDrop={(e) => {
              setDropOn(null);
              if (!acceptsDrops() || e.dataTransfer.files.length === 0) return;
              e.preventDefault();
              dropFiles({ profileId, bucket: b.name, prefix: '', items: [] }, [...e.dataTransfer.files]);
            }}
            title={`${b.name} · ${b.region}`}
          >
            <span className="browse-sidebar-buckets__name">{b.name}</span>
            <span className="browse-muted browse-sidebar-buckets__region">{b.region.replace(/^oss-/, '')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

type BucketDialog = { kind: 'create' } | { kind: 'info'; bucket: string } | { kind: 'delete'; bucket: string } | null;

/** The main pane at `oss://`: every bucket with its region, class and creation date. */
export function BucketTable({ profileId, onOpen }: { profileId: string; onOpen(bucket: string): void }): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const { buckets, error, loading } = useBuckets(profileId);
  const [dialog, setDialog] = useState<BucketDialog>(null);
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div className="browse-buckets">
      <div className="browse-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
        <button type="button" className="ui-button ui-button--primary" onClick={() => setDialog({ kind: 'create' })}>
          {t('bucket.createTitle')}
        </button>
        <button type="button" className="ui-button" onClick={() => void loadBuckets(profileId)} disabled={loading}>
          {t('action.refresh')}
        </button>
        <button type="button" className="ui-button" disabled={!selected} onClick={() => selected && setDialog({ kind: 'info', bucket: selected })}>
          {t('bucket.info')}
        </button>
        <button type="button" className="ui-button ui-button--danger" disabled={!selected} onClick={() => selected && setDialog({ kind: 'delete', bucket: selected })}>
          {t('bucket.delete')}
        </button>
      </div>
      {error && (
        <ErrorPanel
          error={error}
          onRetry={() => void loadBuckets(profileId)}
          actions={<Button onClick={() => requestEditProfile(profileId)}>{t('bucket.editProfile')}</Button>}
        />
      )}
      {/* An error state shows only the error: no empty table, no "No buckets yet". */}
      {!error && (
      <table className="browse-buckets__table" aria-label={t('bucket.listLabel')}>
        <thead>
          <tr>
            <th>{t('column.name')}</th>
            <th>{t('bucket.region')}</th>
            <th>{t('column.storageClass')}</th>
            <th>{t('bucket.created')}</th>
          </tr>
        </thead>
        <tbody>
          {(buckets ?? []).map((b) => (
            <tr
              key={b.name}
              tabIndex={0}
              aria-selected={selected === b.name}
              className={selected === b.name ? 'browse-buckets__row--selected' : ''}
              onClick={() => setSelected(b.name)}
              onDoubleClick={() => onOpen(b.name)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') onOpen(b.name);
                if (e.key === 'Delete') setDialog({ kind: 'delete', bucket: b.name });
              }}
            >
              <td>{b.name}</td>
              <td>{b.region}</td>
              <td>{t(`storageClass.${b.storageClass || 'Standard'}`)}</td>
              <td>{formatDate(b.creationDate, i18n.language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      )}
      {!error && buckets && buckets.length === 0 && <p className="browse-table__empty">{t('bucket.none')}</p>}
      {dialog?.kind === 'create' && (
        <BucketCreateDialog profileId={profileId} onClose={() => setDialog(null)} onCreated={() => void loadBuckets(profileId)} />
      )}
      {dialog?.kind === 'info' && <BucketInfoDialog profileId={profileId} bucket={dialog.bucket} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('bucket.deleteTitle')}
          message={t('bucket.deleteConfirm', { bucket: dialog.bucket })}
          confirmLabel={t('bucket.delete')}
          danger
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await call('buckets:delete', { profileId, bucket: dialog.bucket });
            setDialog(null);
            setSelected(null);
            await loadBuckets(profileId);
          }}
        />
      )}
    </div>
  );
}
