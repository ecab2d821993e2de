/** Collects emitted progress events so tests can assert on what the renderer would see. */
import type { AppError } from '../../shared/errors';
import { describeError } from '../services/oss/describe-error';
import type { OperationProgress, SearchProgress } from '../../shared/object-types';

export interface EventLog {
  operations: OperationProgress[];
  searches: SearchProgress[];
  emitOperation: (p: OperationProgress) => void;
  emitSearch: (p: SearchProgress) => void;
  describeError: (e: unknown) => AppError;
}

export function eventLog(): EventLog {
  const operations: OperationProgress[] = [];
  const searches: SearchProgress[] = [];
  return {
    operations,
    searches,
    emitOperation: (p) => operations.push(p),
    emitSearch: (p) => searches.push(p),
    describeError: describeError,
  };
}
