/**
 * Presigned GET links for the selected files: expiry, download or open-in-browser, then one
 * row per link with Copy and a QR code, the effective expiry and its warnings (credentials
 * that expire first, an embedded STS token, public-read files), and CSV export through
 * main's save dialog.
 */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import type { LinkBatch, LinkEndpointKind } from '../../../shared/contract/share';
import { ErrorPanel } from '../../ui/error-panel';
import { call } from '../../lib/oss-api';
import { Dialog } from '../../ui/dialog';
import { CopyField } from './copy-field';
import { DEFAULT_EXPIRY, ExpiryPicker, expirySeconds, type ExpiryValue } from './expiry-picker';
import { QrCode } from './qr-code';
import type { ShareTarget } from './share-store';
import { formatTime, useSignatureVersion } from './use-signature-version';

const nameOf = (key: string) => key.split('/').filter(Boolean).pop() ?? key;

export function LinksDialog({ target, onClose }: { target: ShareTarget; onClose(): void }): ReactElement {
  const { t, i18n } = useTranslation('share');
  const version = useSignatureVersion(target.profileId);
  const [expiry, setExpiry] = useState<ExpiryValue>(DEFAULT_EXPIRY);
  const [disposition, setDisposition] = useState<'attachment' | 'inline'>('attachment');
  const [endpointKind, setEndpointKind] = useState<LinkEndpointKind>('public');
  const [batch, setBatch] = useState<LinkBatch | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [qrFor, setQrFor] = useState<string | null>(null);
  const [exported, setExported] = useState(false);
  const checked = expirySeconds(expiry, version);
  const count = target.keys.length;

  const make = async () => {
    if (!('seconds' in checked)) return;
    setBusy(true);
    setError(null);
    try {
      setBatch(await call('share:links', { profileId: target.profileId, bucket: target.bucket, keys: target.keys, expiresSeconds: checked.seconds, disposition, endpointKind }));
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  };
  const exportCsv = async () => {
    if (!batch) return;
    setError(null);
    try {
      setExported((await call('share:export-csv', { batchId: batch.batchId })).saved);
    } catch (e) {
      setError(e as AppError);
    }
  };
  const time = (iso: string) => formatTime(iso, i18n.language);

  return (
    <Dialog
      title={count === 1 ? t('links.title') : t('links.titleN', { count })}
      onClose={onClose}
      wide
      testId="share-links-dialog"
      footer={
        <>
          {batch && (
            <button type="button" className="ui-button" onClick={() => void exportCsv()}>
              {t('links.exportCsv')}
            </button>
          )}
          {exported && <span role="status">{t('links.exported')}</span>}
          <button type="button" className="ui-button" onClick={onClose}>
            {t('common.close')}
          </button>
          {!batch && (
            <button type="button" className="ui-button ui-button--primary" disabled={busy || !('seconds' in checked)} onClick={() => void make()}>
              {busy ? t('common.working') : count === 1 ? t('links.make') : t('links.makeN', { count })}
            </button>
          )}
        </>
      }
    >
      <p>{t('links.intro')}</p>
      {!batch && (
        <div className="share-form">
          <ExpiryPicker value={expiry} onChange={setExpiry} problem={'problem' in checked ? checked.problem : undefined} />
          <fieldset className="share-field">
            <legend>{t('links.kind')}</legend>
            {(['attachment', 'inline'] as const).map((d) => (
              <label key={d} className="share-choice">
                <input type="radio" name="share-disposition" checked={disposition === d} onChange={() => setDisposition(d)} />
                {d === 'attachment' ? t('links.download') : t('links.open')}
              </label>
            ))}
          </fieldset>
          <label className="share-field">
            {t('links.endpoint')}
            <select value={endpointKind} onChange={(e) => setEndpointKind(e.target.value as LinkEndpointKind)}>
              <option value="public">{t('links.endpointPublic')}</option>
              <option value="internal">{t('links.endpointInternal')}</option>
              <option value="accelerate">{t('links.endpointAccelerate')}</option>
            </select>
          </label>
        </div>
      )}
      {error && <ErrorPanel error={error} compact />}
      {batch && (
        <div className="share-result" data-testid="share-links-result">
          <p data-testid="share-links-expiry">{t('links.expiresAt', { time: time(batch.expiresAt) })}</p>
          {batch.shortenedByCredentials && batch.credentialsExpireAt && (
            <p className="share-warning" role="note">
              {t('links.shortened', { time: time(batch.credentialsExpireAt) })}
            </p>
          )}
          {batch.carriesSecurityToken && (
            <p className="share-warning" role="note">
              {t('links.token')}
            </p>
          )}
          {batch.publicReadKeys.length > 0 && (
            <p className="share-warning" role="note">
              {t('links.publicRead', { count: batch.publicReadKeys.length })}
            </p>
          )}
          <p className="share-muted">{t('links.host', { host: batch.host })}</p>
          <ul className="share-link-list" aria-label={t('links.result')}>
            {batch.links.map((link) => (
              <li key={link.key} data-testid="share-link">
                <CopyField label={nameOf(link.key)} value={link.url} />
                {link.plainUrl && <CopyField label={t('links.plain')} value={link.plainUrl} />}
                <button type="button" className="ui-button" aria-expanded={qrFor === link.key} onClick={() => setQrFor(qrFor === link.key ? null : link.key)}>
                  {qrFor === link.key ? t('links.hideQr') : t('links.qr')}
                </button>
                {qrFor === link.key && <QrCode text={link.url} label={t('links.qrLabel', { name: nameOf(link.key) })} />}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Dialog>
  );
}
