/**
 * The right-hand pane: every fact about the selected object (size in human form and bytes,
 * type, dates, ETag, CRC64, storage class, restore state, metadata, ACL, URL), or a summary
 * of a multi-selection.
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import type { ObjectDetails } from '../../../../shared/object-types';
import { ErrorPanel } from '../../../ui/error-panel';
import { call } from '../../../lib/oss-api';
import { formatCount, formatDate, humanSize, previewKindOf } from '../format';
import { extensionOf } from '../model/listing-columns';
import { copyText } from '../clipboard-text';
import { asAppError } from '../../../ui/app-error';
import { detailsActions } from '../extension-points';
import './details-pane.css';

export interface DetailsTarget {
  bucket: string;
  key: string;
  isFolder: boolean;
}

export interface DetailsPaneProps {
  profileId: string;
  target: DetailsTarget | null;
  /** Summary of a multi-selection. */
  multi: { count: number; bytes: number } | null;
  /** Bumped after an edit so the pane reloads. */
  refreshKey: number;
  onClose(): void;
}

function CopyButton({ text }: { text: string }): ReactElement {
  const { t } = useTranslation('browse');
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="ui-button ui-button--small"
      onClick={() => void copyText(text).then(() => setDone(true), () => setDone(false))}
    >
      {done ? t('details.copied') : t('details.copy')}
    </button>
  );
}

/** Objects and bytes under a folder, counted on request (it lists every key below). */
function FolderSize({ profileId, bucket, prefix }: { profileId: string; bucket: string; prefix: string }): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const [state, setState] = useState<{ prefix: string; busy: boolean; count?: { objects: number; bytes: number }; error?: AppError } | null>(null);
  const mine = state?.prefix === prefix ? state : null;
  const count = () => {
    setState({ prefix, busy: true });
    call('objects:count', { profileId, bucket, prefix }).then(
      (c) => setState((s) => (s?.prefix === prefix ? { prefix, busy: false, count: c } : s)),
      (e) => setState((s) => (s?.prefix === prefix ? { prefix, busy: false, error: asAppError(e) } : s)),
    );
  };
  if (mine?.count)
    return (
      <span data-testid="folder-size">
        {t('details.folderSize', { n: formatCount(mine.count.objects, i18n.language), size: humanSize(mine.count.bytes) })}
      </span>
    );
  return (
    <>
      <button type="button" className="ui-button ui-button--small" disabled={mine?.busy} onClick={count}>
        {mine?.busy ? t('details.counting') : t('details.calculate')}
      </button>
      {mine?.error && <ErrorPanel error={mine.error} compact />}
    </>
  );
}

/** A small picture of an image object (resized by OSS where it can be; capped otherwise). */
function ImageThumb({ profileId, bucket, objectKey }: { profileId: string; bucket: string; objectKey: string }): ReactElement | null {
  const [src, setSrc] = useState<{ key: string; url: string } | null>(null);
  useEffect(() => {
    let live = true;
    call('objects:thumbnail-url', { profileId, bucket, key: objectKey, size: 256 }).then(
      (u) => live && u && setSrc({ key: objectKey, url: u.url }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [profileId, bucket, objectKey]);
  return src && src.key === objectKey ? <img className="browse-details__thumb" src={src.url} alt="" /> : null;
}

export function DetailsPane(p: DetailsPaneProps): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const [details, setDetails] = useState<ObjectDetails | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const { target, profileId, refreshKey } = p;
  const wantsHead = !!target && !target.isFolder;

  useEffect(() => {
    if (!target || target.isFolder) return;
    let live = true;
    call('objects:head', { profileId, bucket: target.bucket, key: target.key }).then(
      (d) => {
        if (!live) return;
        setDetails(d);
        setError(null);
      },
      (e) => {
        if (!live) return;
        setDetails(null);
        setError(asAppError(e));
      },
    );
    return () => {
      live = false;
    };
  }, [target, profileId, refreshKey]);

  const lang = i18n.language;
  let body: ReactElement;
  if (p.multi) {
    body = (
      <p>
        {t('details.multi', { n: formatCount(p.multi.count, lang), size: humanSize(p.multi.bytes) })}
      </p>
    );
  } else if (!target) {
    body = <p className="browse-muted">{t('details.none')}</p>;
  } else if (target.isFolder) {
    body = (
      <dl className="browse-facts">
        <dt>{t('details.key')}</dt>
        <dd className="browse-mono">{target.key}</dd>
        <dt>{t('details.type')}</dt>
        <dd>{t('type.folder')}</dd>
        <dt>{t('details.size')}</dt>
        <dd>
          <FolderSize profileId={profileId} bucket={target.bucket} prefix={target.key} />
        </dd>
      </dl>
    );
  } else if (error) {
    body = <ErrorPanel error={error} compact />;
  } else if (!details || details.key !== target.key) {
    body = <p className="browse-muted">{t('details.loading')}</p>;
  } else {
    const d = details;
    const restore = d.restore.state;
    body = (
      <>
        {previewKindOf(extensionOf(d.key)) === 'image' && <ImageThumb profileId={profileId} bucket={d.bucket} objectKey={d.key} />}
        <dl className="browse-facts" data-testid="details-facts">
          <dt>{t('details.key')}</dt>
          <dd className="browse-mono">{d.key}</dd>
          <dt>{t('details.size')}</dt>
          <dd>
            {humanSize(d.size)} <span className="browse-muted">({t('details.bytes', { n: formatCount(d.size, lang) })})</span>
          </dd>
          <dt>{t('details.type')}</dt>
          <dd>{d.headers.contentType || '—'}</dd>
          {/* "Normal" (and a multipart upload, which is normal to a user) says nothing: shown only when different. */}
          {d.objectType !== 'Normal' && d.objectType !== 'Multipart' && (
            <>
              <dt>{t('details.objectType')}</dt>
              <dd data-testid="details-object-type">{t(`objectType.${d.objectType}`, { defaultValue: d.objectType })}</dd>
            </>
          )}
          <dt>{t('details.modified')}</dt>
          <dd>{formatDate(d.lastModified, lang)}</dd>
          <dt>{t('details.storageClass')}</dt>
          <dd data-testid="details-storage-class">{t(`storageClass.${d.storageClass || 'Standard'}`)}</dd>
          <dt>{t('details.restore')}</dt>
          <dd data-testid="details-restore">
            {t(`restore.${restore}`)}
            {d.restore.expiresAt ? ` — ${t('restore.until', { date: formatDate(d.restore.expiresAt, lang) })}` : ''}
          </dd>
          <dt title="ACL">{t('details.acl')}</dt>
          <dd data-testid="details-acl">{t(`acl.${d.acl}`)}</dd>
          {d.symlinkTarget !== undefined && (
            <>
              <dt title="Symlink">{t('details.symlinkTarget')}</dt>
              <dd className="browse-mono">{d.symlinkTarget}</dd>
            </>
          )}
        </dl>
        <h3 className="browse-subheading" title="x-oss-meta-*">
          {t('details.meta')}
        </h3>
        {Object.keys(d.meta).length === 0 ? (
          <p className="browse-muted">{t('details.noMeta')}</p>
        ) : (
          <dl className="browse-facts" data-testid="details-meta">
            {Object.entries(d.meta).map(([k, v]) => (
              <div key={k} className="browse-facts__pair">
                <dt className="browse-mono" title={`x-oss-meta-${k}`}>
                  {k}
                </dt>
                <dd className="browse-mono">{v}</dd>
              </div>
            ))}
          </dl>
        )}
        {/* What support or a developer asks for: checksums and raw HTTP headers. */}
        <details className="browse-details__advanced" data-testid="details-advanced">
          <summary>{t('details.advanced')}</summary>
          <dl className="browse-facts">
            <dt>{t('details.etag')}</dt>
            <dd className="browse-mono">{d.etag}</dd>
            <dt>{t('details.crc64')}</dt>
            <dd className="browse-mono">{d.crc64 ?? '—'}</dd>
            {(['cacheControl', 'contentDisposition', 'contentEncoding', 'contentLanguage', 'expires'] as const)
              .filter((h) => d.headers[h])
              .map((h) => (
                <div key={h} className="browse-facts__pair">
                  <dt>{t(`headers.${h}`)}</dt>
                  <dd className="browse-mono">{d.headers[h]}</dd>
                </div>
              ))}
          </dl>
        </details>
        <h3 className="browse-subheading">{t('details.url')}</h3>
        <div className="browse-url__row">
          <input className="browse-mono browse-url" readOnly value={d.url} aria-label={t('details.url')} onFocus={(e) => e.target.select()} />
          <CopyButton text={d.url} />
        </div>
      </>
    );
  }
  return (
    <aside className="browse-details" aria-label={t('details.title')} data-testid="details-pane" data-loading={wantsHead && !details && !error}>
      <div className="browse-details__head">
        <h2 className="browse-details__title">{t('details.title')}</h2>
        <button type="button" className="ui-icon-button" aria-label={t('details.close')} onClick={p.onClose}>
          ×
        </button>
      </div>
      {body}
      {p.target && (
        <div className="browse-details__actions">
          {detailsActions({ profileId: p.profileId, ...p.target }).map((a) => (
            <button key={a.id} type="button" className="ui-button" onClick={a.run}>
              {a.label}
            </button>
          ))}
        </div>
      )}
    </aside>
  );
}
