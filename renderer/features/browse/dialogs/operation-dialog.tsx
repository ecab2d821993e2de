/**
 * Progress of a long operation (delete, copy, move, rename): a bar, the counts, Cancel,
 * and when it ends with failures the exact keys that failed and why.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationProgress } from '../../../../shared/object-types';
import { ErrorPanel } from '../../../app/error-panel';
import { formatCount } from '../format';
import { Dialog } from './dialog';

export interface OperationDialogProps {
  title: string;
  progress: OperationProgress | null;
  onCancel(): void;
  onClose(): void;
}

export function OperationDialog({ title, progress, onCancel, onClose }: OperationDialogProps): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const n = (x: number) => formatCount(x, i18n.language);
  const finished = !!progress?.finished;
  const pct = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  let summary: string;
  if (!progress) summary = t('operation.starting');
  else if (!finished) summary = progress.scanning ? t('operation.scanning', { done: n(progress.done), total: n(progress.total) }) : t('operation.progress', { done: n(progress.done), total: n(progress.total) });
  else if (progress.cancelled) summary = t('operation.cancelled', { done: n(progress.done - progress.failedCount), total: n(progress.total) });
  else if (progress.failedCount > 0) summary = t('operation.partial', { ok: n(progress.done - progress.failedCount), failed: n(progress.failedCount) });
  else summary = t('operation.done', { count: progress.done, n: n(progress.done) });
  return (
    <Dialog
      title={title}
      onClose={finished ? onClose : onCancel}
      testId="operation-dialog"
      wide={!!progress && progress.failed.length > 0}
      footer={
        finished ? (
          <button type="button" className="browse-button is-primary" onClick={onClose} data-autofocus>
            {t('action.close')}
          </button>
        ) : (
          <button type="button" className="browse-button" onClick={onCancel} data-autofocus>
            {t('action.cancel')}
          </button>
        )
      }
    >
      <p data-testid="operation-summary" data-finished={finished}>
        {summary}
      </p>
      <progress className="browse-progress" max={100} value={finished && !progress?.cancelled ? 100 : pct} aria-label={summary} />
      {progress?.error && <ErrorPanel error={progress.error} compact />}
      {progress && progress.failed.length > 0 && (
        <div className="browse-failures">
          <h3 className="browse-subheading">{t('operation.failedKeys', { n: n(progress.failedCount) })}</h3>
          <table className="browse-failure-table" data-testid="failed-keys">
            <thead>
              <tr>
                <th>{t('operation.key')}</th>
                <th>{t('operation.code')}</th>
                <th>{t('operation.reason')}</th>
                <th>{t('operation.requestId')}</th>
              </tr>
            </thead>
            <tbody>
              {progress.failed.slice(0, 500).map((f) => (
                <tr key={f.key}>
                  <td className="browse-mono">{f.key}</td>
                  <td className="browse-mono">{f.code}</td>
                  <td>{f.message}</td>
                  <td className="browse-mono">{f.requestId ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Dialog>
  );
}
