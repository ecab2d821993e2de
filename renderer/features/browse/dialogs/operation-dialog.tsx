/**
 * Progress of a long operation (delete, copy, move, rename): a bar, the counts, Cancel,
 * and when it ends with failures a plain summary per reason with the exact keys folded away.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationProgress } from '../../../../shared/object-types';
import { ErrorPanel } from '../../../ui/error-panel';
import { formatCount } from '../format';
import { Dialog } from '../../../ui/dialog';
import { FailureList } from '../../../ui/failure-list';

export interface OperationDialogProps {
  title: string;
  progress: OperationProgress | null;
  /** What the user asked for, when it differs from the operation's kind (a rename runs as a move). */
  action?: 'rename';
  onCancel(): void;
  onClose(): void;
}

export function OperationDialog({ title, progress, action, onCancel, onClose }: OperationDialogProps): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const n = (x: number) => formatCount(x, i18n.language);
  const finished = !!progress?.finished;
  const pct = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  let summary: string;
  if (!progress) summary = t('operation.starting');
  else if (!finished) summary = progress.scanning ? t('operation.scanning', { done: n(progress.done), total: n(progress.total) }) : t('operation.progress', { done: n(progress.done), total: n(progress.total) });
  else if (progress.cancelled) summary = t('operation.cancelled', { done: n(progress.done - progress.failedCount), total: n(progress.total) });
  else if (progress.failedCount > 0) summary = t('operation.partial', { ok: n(progress.done - progress.failedCount), failed: n(progress.failedCount) });
  else if (progress.skipped) summary = t('operation.doneSkipped', { count: progress.skipped, ok: n(progress.done - progress.skipped), skipped: n(progress.skipped) });
  else summary = t('operation.done', { count: progress.done, n: n(progress.done) });
  return (
    <Dialog
      title={title}
      onClose={finished ? onClose : onCancel}
      testId="operation-dialog"
      wide={!!progress && progress.failed.length > 0}
      footer={
        finished ? (
          <button type="button" className="ui-button ui-button--primary" onClick={onClose} data-autofocus>
            {t('action.close')}
          </button>
        ) : (
          <button type="button" className="ui-button" onClick={onCancel} data-autofocus>
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
      {progress && progress.failed.length > 0 && <FailureList failures={progress.failed} total={progress.failedCount} action={action ?? progress.kind} />}
    </Dialog>
  );
}
