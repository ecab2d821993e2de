/** Incomplete multipart uploads in a bucket: listed page by page, aborted one by one or all. */
import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MultipartUploadPage, MultipartUploadRow } from '../../../../shared/object-types';
import { ErrorPanel } from '../../../ui/error-panel';
import { call } from '../../../lib/oss-api';
import { formatCount, formatDate } from '../format';
import { Dialog } from '../../../ui/dialog';
import { useSubmit } from '../../../ui/use-submit';

export function MultipartDialog({ profileId, bucket, onClose }: { profileId: string; bucket: string; onClose(): void }): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const [uploads, setUploads] = useState<MultipartUploadRow[] | null>(null);
  const [next, setNext] = useState<MultipartUploadPage['next']>(null);
  const { busy, error, run } = useSubmit();

  const load = useCallback(
    (marker: MultipartUploadPage['next'], append: boolean) =>
      run(async () => {
        const page = await call('multipart:list', { profileId, bucket, ...(marker ?? {}) });
        setUploads((u) => (append && u ? [...u, ...page.uploads] : page.uploads));
        setNext(page.next);
      }),
    [profileId, bucket, run],
  );
  useEffect(() => {
    void load(null, false);
  }, [load]);

  const abort = (rows: MultipartUploadRow[]) =>
    run(async () => {
      for (const u of rows) {
        await call('multipart:abort', { profileId, bucket, key: u.key, uploadId: u.uploadId });
        setUploads((list) => (list ?? []).filter((x) => x.uploadId !== u.uploadId));
      }
    });

  return (
    <Dialog
      title={t('multipart.title', { bucket })}
      onClose={onClose}
      wide
      testId="multipart-dialog"
      footer={
        <>
          <button type="button" className="ui-button ui-button--danger" disabled={busy || !uploads?.length} onClick={() => void abort(uploads ?? [])}>
            {t('multipart.abortAll')}
          </button>
          <button type="button" className="ui-button ui-button--primary" onClick={onClose}>
            {t('action.close')}
          </button>
        </>
      }
    >
      {uploads === null ? (
        <p className="browse-muted">{t('details.loading')}</p>
      ) : uploads.length === 0 ? (
        <p data-testid="multipart-empty">{t('multipart.none')}</p>
      ) : (
        <>
          <p>{t('multipart.count', { n: formatCount(uploads.length, i18n.language) })}</p>
          <table className="browse-multipart__table" data-testid="multipart-table">
            <thead>
              <tr>
                <th>{t('operation.key')}</th>
                <th>{t('multipart.initiated')}</th>
                <th>{t('multipart.uploadId')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {uploads.map((u) => (
                <tr key={u.uploadId}>
                  <td className="browse-mono">{u.key}</td>
                  <td>{formatDate(u.initiated, i18n.language)}</td>
                  <td className="browse-mono browse-ellipsis" title={u.uploadId}>
                    {u.uploadId}
                  </td>
                  <td>
                    <button type="button" className="ui-button ui-button--small" disabled={busy} onClick={() => void abort([u])}>
                      {t('multipart.abort')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {next && (
            <button type="button" className="ui-button ui-button--small" disabled={busy} onClick={() => void load(next, true)}>
              {t('multipart.more')}
            </button>
          )}
        </>
      )}
      {error && <ErrorPanel error={error} compact />}
    </Dialog>
  );
}
