/** A presigned PUT for one file name in the current folder, with its Content-Type bound, and a curl command. */
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/errors';
import type { UploadLink } from '../../../shared/contract/share';
import { ErrorPanel } from '../../ui/error-panel';
import { call } from '../../lib/oss-api';
import { Dialog } from '../../ui/dialog';
import { CopyField } from './copy-field';
import { DEFAULT_EXPIRY, ExpiryPicker, expirySeconds, type ExpiryValue } from './expiry-picker';
import type { ShareTarget } from './share-store';
import { formatTime, useSignatureVersion } from './use-signature-version';

const CONTENT_TYPE = /^[\w.+-]+\/[\w.+-]+$/;

export function UploadLinkDialog({ target, onClose }: { target: ShareTarget; onClose(): void }): ReactElement {
  const { t, i18n } = useTranslation('share');
  const version = useSignatureVersion(target.profileId);
  const [name, setName] = useState('');
  const [contentType, setContentType] = useState('application/octet-stream');
  const [expiry, setExpiry] = useState<ExpiryValue>(DEFAULT_EXPIRY);
  const [link, setLink] = useState<UploadLink | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const checked = expirySeconds(expiry, version);
  const nameProblem = !name.trim() ? 'upload.nameRequired' : name.includes('/') ? 'upload.nameSlash' : undefined;
  const ok = 'seconds' in checked && !nameProblem && CONTENT_TYPE.test(contentType);

  const make = async () => {
    if (!ok || !('seconds' in checked)) return;
    setBusy(true);
    setError(null);
    try {
      setLink(await call('share:upload-link', { profileId: target.profileId, bucket: target.bucket, key: target.prefix + name.trim(), contentType, expiresSeconds: checked.seconds }));
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t('upload.title')}
      onClose={onClose}
      wide
      testId="share-upload-dialog"
      footer={
        <>
          <button type="button" className="ui-button" onClick={onClose}>
            {t('common.close')}
          </button>
          {!link && (
            <button type="button" className="ui-button ui-button--primary" disabled={busy || !ok} onClick={() => void make()}>
              {busy ? t('common.working') : t('upload.make')}
            </button>
          )}
        </>
      }
    >
      <p>{t('upload.intro')}</p>
      {!link && (
        <div className="share-form">
          <label className="share-field">
            {t('upload.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} data-autofocus spellCheck={false} />
            <span className="share-muted">{t('upload.folder', { folder: `oss://${target.bucket}/${target.prefix}` })}</span>
          </label>
          {name && nameProblem && <p role="alert" className="share-problem">{t(nameProblem)}</p>}
          <label className="share-field">
            {t('upload.contentType')}
            <input value={contentType} onChange={(e) => setContentType(e.target.value.trim())} spellCheck={false} />
            <span className="share-muted">{t('upload.contentTypeHint')}</span>
          </label>
          <ExpiryPicker value={expiry} onChange={setExpiry} problem={'problem' in checked ? checked.problem : undefined} />
        </div>
      )}
      {error && <ErrorPanel error={error} compact />}
      {link && (
        <div className="share-result" data-testid="share-upload-result">
          <p>{t('upload.expiresAt', { time: formatTime(link.expiresAt, i18n.language) })}</p>
          {link.shortenedByCredentials && link.credentialsExpireAt && <p className="share-warning">{t('links.shortened', { time: formatTime(link.credentialsExpireAt, i18n.language) })}</p>}
          {link.carriesSecurityToken && <p className="share-warning">{t('links.token')}</p>}
          <CopyField label={t('upload.url')} value={link.url} />
          <CopyField label={t('upload.curl')} value={link.curl} multiline />
        </div>
      )}
    </Dialog>
  );
}
