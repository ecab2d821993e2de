/**
 * Browse's delete/copy/move operations run as jobs (services/jobs); the renderer knows them
 * by the `objects:operation-progress` shape, which this maps a job's progress onto.
 */
import type { OperationKind, OperationProgress } from '../../../shared/object-types';
import type { JobProgress } from '../jobs/job-types';

/** The event the renderer receives for one job's progress. */
export function toOperationProgress(p: JobProgress<OperationKind>): OperationProgress {
  const progress: OperationProgress = {
    operationId: p.jobId,
    kind: p.kind,
    done: p.done,
    total: p.total,
    scanning: p.scanning,
    failed: p.failed,
    failedCount: p.failedCount,
    finished: p.finished,
    cancelled: p.cancelled,
  };
  // Deletes move no bytes.
  if (p.kind !== 'delete') {
    progress.bytesDone = p.bytesDone;
    progress.bytesTotal = p.bytesTotal;
  }
  if (p.skipped) progress.skipped = p.skipped;
  if (p.error) progress.error = p.error;
  return progress;
}
