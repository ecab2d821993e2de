/** Bucket create (name checked live, before any request) and bucket info. */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { BUCKET_ACLS, STORAGE_CLASSES, type BucketAcl, type BucketInfo, type BucketRow, type StorageClass } from '../../../../shared/object-types';
import { DEFAULT_REGION, REGIONS } from '../../../../shared/regions';
import { ErrorPanel } from '../../../ui/error-panel';
import { call } from '../../../lib/oss-api';
import { formatDate } from '../format';
import { bucketNameProblem } from '../model/bucket-name-check';
import { Dialog } from '../../../ui/dialog';
import { useSubmit } from '../../../ui/use-submit';

export function BucketCreateDialog({ profileId, onClose, onCreated }: { profileId: string; onClose(): void; onCreated(b: BucketRow): void }): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const [name, setName] = useState('');
  const [region, setRegion] = useState(DEFAULT_REGION);
  const [storageClass, setStorageClass] = useState<StorageClass>('Standard');
  const [acl, setAcl] = useState<BucketAcl>('private');
  const { busy, error, run } = useSubmit();
  const problem = bucketNameProblem(name);
  const lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const create = () =>
    void run(async () => {
      const b = await call('buckets:create', { profileId, name, region, storageClass, acl });
      onCreated(b);
      onClose();
    });
  return (
    <Dialog
      title={t('bucket.createTitle')}
      onClose={onClose}
      testId="bucket-create-dialog"
      footer={
        <>
          <button type="button" className="ui-button" onClick={onClose}>
            {t('action.cancel')}
          </button>
          <button type="button" className="ui-button ui-button--primary" disabled={!!problem || busy} onClick={create}>
            {t('bucket.create')}
          </button>
        </>
      }
    >
      <label className="ui-field">
        <span>{t('bucket.name')}</span>
        <input
          data-autofocus
          value={name}
          spellCheck={false}
          aria-invalid={!!problem && name !== ''}
          aria-describedby="bucket-name-rule"
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !problem) create();
          }}
        />
      </label>
      <p id="bucket-name-rule" className={problem && name !== '' ? 'ui-field__error' : 'browse-muted'} role={problem && name !== '' ? 'alert' : undefined}>
        {problem && name !== '' ? t(`bucket.problem.${problem}`) : t('bucket.rule')}
      </p>
      <label className="ui-field">
        <span>{t('bucket.region')}</span>
        <select value={region} onChange={(e) => setRegion(e.target.value)}>
          {REGIONS.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name[lang]} ({r.id})
            </option>
          ))}
        </select>
      </label>
      <label className="ui-field">
        <span>{t('storageClass.label')}</span>
        <select value={storageClass} onChange={(e) => setStorageClass(e.target.value as StorageClass)}>
          {STORAGE_CLASSES.map((c) => (
            <option key={c} value={c}>
              {t(`storageClass.${c}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="ui-field">
        <span>{t('details.acl')}</span>
        <select value={acl} onChange={(e) => setAcl(e.target.value as BucketAcl)}>
          {BUCKET_ACLS.map((a) => (
            <option key={a} value={a}>
              {t(`acl.${a}`)}
            </option>
          ))}
        </select>
      </label>
      {error && <ErrorPanel error={error} compact />}
    </Dialog>
  );
}

export function BucketInfoDialog({ profileId, bucket, onClose }: { profileId: string; bucket: string; onClose(): void }): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const [info, setInfo] = useState<BucketInfo | null>(null);
  const { error, run } = useSubmit();
  useEffect(() => {
    void run(async () => setInfo(await call('buckets:info', { profileId, bucket })));
  }, [profileId, bucket, run]);
  return (
    <Dialog
      title={t('bucket.infoTitle', { bucket })}
      onClose={onClose}
      testId="bucket-info-dialog"
      footer={
        <button type="button" className="ui-button ui-button--primary" onClick={onClose}>
          {t('action.close')}
        </button>
      }
    >
      {info && (
        <dl className="browse-facts">
          <dt>{t('bucket.region')}</dt>
          <dd>{info.region}</dd>
          <dt>{t('details.storageClass')}</dt>
          <dd>{t(`storageClass.${info.storageClass || 'Standard'}`)}</dd>
          <dt>{t('details.acl')}</dt>
          <dd>{t(`acl.${info.acl}`, { defaultValue: info.acl })}</dd>
          <dt>{t('bucket.created')}</dt>
          <dd>{formatDate(info.creationDate, i18n.language)}</dd>
          <dt>{t('bucket.extranet')}</dt>
          <dd className="browse-mono">{info.extranetEndpoint}</dd>
          <dt>{t('bucket.intranet')}</dt>
          <dd className="browse-mono">{info.intranetEndpoint}</dd>
          <dt>{t('bucket.versioning')}</dt>
          <dd>{info.versioning || '—'}</dd>
          <dt>{t('bucket.cors')}</dt>
          <dd>
            {info.cors.rules === 0
              ? t('bucket.corsNone')
              : t('bucket.corsSummary', { count: info.cors.rules, origins: info.cors.allowedOrigins.join(', '), methods: info.cors.allowedMethods.join(', ') })}
          </dd>
        </dl>
      )}
      {!info && !error && <p className="browse-muted">{t('details.loading')}</p>}
      {error && <ErrorPanel error={error} compact />}
    </Dialog>
  );
}
