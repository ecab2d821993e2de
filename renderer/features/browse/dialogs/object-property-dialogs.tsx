/** Object ACL, storage class and Archive restore: each a small form over one object. */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { OBJECT_ACLS, STORAGE_CLASSES, type ObjectAcl, type ObjectDetails, type StorageClass } from '../../../../shared/object-types';
import { ErrorPanel } from '../../../ui/error-panel';
import { call } from '../../../lib/oss-api';
import { formatDate } from '../format';
import { Dialog } from '../../../ui/dialog';
import { useSubmit } from '../../../ui/use-submit';

export interface ObjectDialogProps {
  profileId: string;
  bucket: string;
  objectKey: string;
  onClose(): void;
  /** Called after a successful change. */
  onChanged(): void;
}

/** Loads the object's details once for a dialog's initial values. */
function useDetails(p: ObjectDialogProps) {
  const [details, setDetails] = useState<ObjectDetails | null>(null);
  const s = useSubmit();
  const { run } = s;
  useEffect(() => {
    void run(async () => setDetails(await call('objects:head', { profileId: p.profileId, bucket: p.bucket, key: p.objectKey })));
  }, [p.profileId, p.bucket, p.objectKey, run]);
  return { details, ...s };
}

function Footer({ onClose, onSave, disabled, label }: { onClose(): void; onSave(): void; disabled: boolean; label?: string }): ReactElement {
  const { t } = useTranslation('browse');
  return (
    <>
      <button type="button" className="ui-button" onClick={onClose}>
        {t('action.cancel')}
      </button>
      <button type="button" className="ui-button ui-button--primary" disabled={disabled} onClick={onSave}>
        {label ?? t('action.save')}
      </button>
    </>
  );
}

export function AclDialog(p: ObjectDialogProps): ReactElement {
  const { t } = useTranslation('browse');
  const { details, busy, error, run } = useDetails(p);
  const [acl, setAcl] = useState<ObjectAcl | null>(null);
  const value = acl ?? details?.acl ?? 'default';
  const save = () =>
    void run(async () => {
      await call('objects:set-acl', { profileId: p.profileId, bucket: p.bucket, key: p.objectKey, acl: value });
      p.onChanged();
      p.onClose();
    });
  return (
    <Dialog title={t('acl.title')} onClose={p.onClose} testId="acl-dialog" footer={<Footer onClose={p.onClose} onSave={save} disabled={busy || !details} />}>
      <p className="browse-mono browse-muted">{p.objectKey}</p>
      <fieldset className="browse-radio-group">
        <legend>{t('acl.legend')}</legend>
        {OBJECT_ACLS.map((a) => (
          <label key={a} className="browse-radio-group__option">
            <input type="radio" name="acl" value={a} checked={value === a} onChange={() => setAcl(a)} />
            <span>{t(`acl.${a}`)}</span>
            <span className="browse-muted">{t(`acl.help.${a}`)}</span>
          </label>
        ))}
      </fieldset>
      {error && <ErrorPanel error={error} compact />}
    </Dialog>
  );
}

export function StorageClassDialog(p: ObjectDialogProps): ReactElement {
  const { t } = useTranslation('browse');
  const { details, busy, error, run } = useDetails(p);
  const [cls, setCls] = useState<StorageClass | null>(null);
  const value = cls ?? (details?.storageClass as StorageClass | undefined) ?? 'Standard';
  const save = () =>
    void run(async () => {
      await call('objects:set-storage-class', { profileId: p.profileId, bucket: p.bucket, key: p.objectKey, storageClass: value });
      p.onChanged();
      p.onClose();
    });
  return (
    <Dialog title={t('storageClass.title')} onClose={p.onClose} testId="storage-class-dialog" footer={<Footer onClose={p.onClose} onSave={save} disabled={busy || !details} />}>
      <p className="browse-mono browse-muted">{p.objectKey}</p>
      <label className="ui-field">
        <span>{t('storageClass.label')}</span>
        <select value={value} onChange={(e) => setCls(e.target.value as StorageClass)}>
          {STORAGE_CLASSES.map((c) => (
            <option key={c} value={c}>
              {t(`storageClass.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="browse-muted">{t('storageClass.note')}</p>
      {error && <ErrorPanel error={error} compact />}
    </Dialog>
  );
}

export function RestoreDialog(p: ObjectDialogProps): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const { details, busy, error, run } = useDetails(p);
  const [days, setDays] = useState('1');
  const [state, setState] = useState<string | null>(null);
  const n = Number(days);
  const valid = Number.isInteger(n) && n >= 1 && n <= 365;
  const restore = details?.restore;
  const save = () =>
    void run(async () => {
      const r = await call('objects:restore', { profileId: p.profileId, bucket: p.bucket, key: p.objectKey, days: n });
      setState(r.state);
      p.onChanged();
    });
  const current = state ?? restore?.state ?? null;
  return (
    <Dialog
      title={t('restore.title')}
      onClose={p.onClose}
      testId="restore-dialog"
      footer={<Footer onClose={p.onClose} onSave={save} disabled={busy || !valid || !details || current === 'not-needed'} label={t('restore.submit')} />}
    >
      <p className="browse-mono browse-muted">{p.objectKey}</p>
      {current && (
        <p data-testid="restore-state">
          {t('restore.current')}: <strong>{t(`restore.${current}`)}</strong>
          {restore?.expiresAt ? ` — ${t('restore.until', { date: formatDate(restore.expiresAt, i18n.language) })}` : ''}
        </p>
      )}
      <label className="ui-field">
        <span>{t('restore.days')}</span>
        <input type="number" min={1} max={365} value={days} onChange={(e) => setDays(e.target.value)} aria-invalid={!valid} />
      </label>
      {!valid && <p className="ui-field__error">{t('restore.daysInvalid')}</p>}
      {error && <ErrorPanel error={error} compact />}
    </Dialog>
  );
}
