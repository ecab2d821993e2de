/**
 * Browse's long operations (delete, copy, move) run on the shared job runner; this binds it
 * to the operation kinds and to the per-operation event the renderer listens to. The work
 * of each operation is a function of an OperationContext (a JobContext), so each stays a
 * plain loop over pages of keys.
 */
import type { AppError } from '../../../shared/errors';
import type { OperationKind, OperationProgress } from '../../../shared/object-types';
import { JobRunner } from '../jobs/job-runner';
import type { JobContext } from '../jobs/job-types';
import { toOperationProgress } from './operation-progress';

/** What an operation's work function reports through. */
export type OperationContext = JobContext;

/** The runner browse's operations use. */
export type OperationRunner = JobRunner<OperationKind>;

export interface OperationRunnerOptions {
  emit: (progress: OperationProgress) => void;
  /** Turns a thrown value into the serialisable error the renderer shows. */
  describeError: (error: unknown) => AppError;
  /** Minimum time between intermediate progress events. */
  intervalMs?: number;
}

/** A job runner whose events reach the renderer as `objects:operation-progress`, one per operation. */
export function createOperationRunner(options: OperationRunnerOptions): OperationRunner {
  return new JobRunner<OperationKind>({
    emit: (batch) => {
      for (const p of batch) options.emit(toOperationProgress(p));
    },
    describeError: options.describeError,
    intervalMs: options.intervalMs ?? 150,
  });
}
