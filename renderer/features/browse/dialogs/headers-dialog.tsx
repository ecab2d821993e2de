/** Edits an object's HTTP headers and its x-oss-meta-* metadata (saved as one REPLACE copy). */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectHeaders } from '../../../../shared/object-types';
import { ErrorPanel } from '../../../ui/error-panel';
import { call } from '../../../lib/oss-api';
import { Dialog } from '../../../ui/dialog';
import type { ObjectDialogProps } from './object-property-dialogs';
import { useSubmit } from '../../../ui/use-submit';

const HEADER_FIELDS: Array<keyof ObjectHeaders> = ['contentType', 'contentDisposition', 'cacheControl', 'contentEncoding', 'contentLanguage', 'expires'];
const META_NAME = /^[A-Za-z0-9_-]{1,128}$/;

interface MetaRow {
  id: number;
  name: string;
  value: string;
}

export function HeadersDialog(p: ObjectDialogProps): ReactElement {
  const { t } = useTranslation('browse');
  const { busy, error, run } = useSubmit();
  const [loaded, setLoaded] = useState(false);
  const [headers, setHeaders] = useState<ObjectHeaders>({});
  const [meta, setMeta] = useState<MetaRow[]>([]);
  const [nextId, setNextId] = useState(1);

  useEffect(() => {
    void run(async () => {
      const d = await call('objects:head', { profileId: p.profileId, bucket: p.bucket, key: p.objectKey });
      setHeaders(d.headers);
      const rows = Object.entries(d.meta).map(([name, value], i) => ({ id: i + 1, name, value }));
      setMeta(rows);
      setNextId(rows.length + 1);
      setLoaded(true);
    });
  }, [p.profileId, p.bucket, p.objectKey, run]);

  const badMeta = meta.filter((m) => m.name !== '' && !META_NAME.test(m.name));
  const names = meta.map((m) => m.name.toLowerCase()).filter(Boolean);
  const duplicate = names.length !== new Set(names).size;
  const save = () =>
    void run(async () => {
      const out: Record<string, string> = {};
      for (const m of meta) if (m.name) out[m.name.toLowerCase()] = m.value;
      const clean: ObjectHeaders = {};
      for (const f of HEADER_FIELDS) if (headers[f]) clean[f] = headers[f];
      await call('objects:set-headers', { profileId: p.profileId, bucket: p.bucket, key: p.objectKey, headers: clean, meta: out });
      p.onChanged();
      p.onClose();
    });

  return (
    <Dialog
      title={t('headers.title')}
      onClose={p.onClose}
      wide
      testId="headers-dialog"
      footer={
        <>
          <button type="button" className="ui-button" onClick={p.onClose}>
            {t('action.cancel')}
          </button>
          <button type="button" className="ui-button ui-button--primary" disabled={!loaded || busy || badMeta.length > 0 || duplicate} onClick={save}>
            {t('action.save')}
          </button>
        </>
      }
    >
      <p className="browse-mono browse-muted">{p.objectKey}</p>
      <div className="browse-form-grid">
        {HEADER_FIELDS.map((f) => (
          <label key={f} className="ui-field">
            <span>{t(`headers.${f}`)}</span>
            <input value={headers[f] ?? ''} spellCheck={false} onChange={(e) => setHeaders({ ...headers, [f]: e.target.value })} />
          </label>
        ))}
      </div>
      <h3 className="browse-subheading">{t('details.meta')}</h3>
      <div className="browse-meta">
        {meta.map((m) => (
          <div key={m.id} className="browse-meta__row">
            <span className="browse-mono browse-muted">x-oss-meta-</span>
            <input
              aria-label={t('headers.metaName')}
              value={m.name}
              spellCheck={false}
              aria-invalid={m.name !== '' && !META_NAME.test(m.name)}
              onChange={(e) => setMeta(meta.map((x) => (x.id === m.id ? { ...x, name: e.target.value } : x)))}
            />
            <input
              aria-label={t('headers.metaValue')}
              value={m.value}
              spellCheck={false}
              onChange={(e) => setMeta(meta.map((x) => (x.id === m.id ? { ...x, value: e.target.value } : x)))}
            />
            <button type="button" className="ui-icon-button" aria-label={t('headers.removeMeta')} onClick={() => setMeta(meta.filter((x) => x.id !== m.id))}>
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="ui-button ui-button--small"
          onClick={() => {
            setMeta([...meta, { id: nextId, name: '', value: '' }]);
            setNextId(nextId + 1);
          }}
        >
          {t('headers.addMeta')}
        </button>
      </div>
      {badMeta.length > 0 && <p className="ui-field__error">{t('headers.badMetaName')}</p>}
      {duplicate && <p className="ui-field__error">{t('headers.duplicateMeta')}</p>}
      {error && <ErrorPanel error={error} compact />}
    </Dialog>
  );
}
