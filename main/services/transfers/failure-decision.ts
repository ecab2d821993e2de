/**
 * What becomes of an item whose run threw: paused or cancelled by the user, waiting for
 * fresh credentials, skipped because the target appeared, retried later (with backoff), or
 * failed for good with its hint. A pure decision, so the engine only applies it.
 */
import type { TransferState } from '../../../shared/contract/transfers';
import { StoppedError, backoffMs, classify, retryReason } from './transfer-errors';

/** Runs of one item (not requests: those retry inside the task) before it is shown as failed. */
export const ITEM_ATTEMPTS = 3;

export type FailureDecision =
  | { kind: 'state'; state: Extract<TransferState, 'paused' | 'queued' | 'cancelled'> }
  | { kind: 'wait-credentials' }
  | { kind: 'skipped' }
  | { kind: 'retry'; attempt: number; reason: ReturnType<typeof retryReason>; delayMs: number }
  | { kind: 'failed' };

/** `attempt` is this item's run number (1-based); `closing` = the engine is shutting down. */
export function decideFailure(err: unknown, attempt: number, closing: boolean, retryBaseMs: number): FailureDecision {
  const kind = classify(err);
  if (kind === 'cancelled') {
    if ((err as StoppedError).reason === 'paused') return { kind: 'state', state: closing ? 'queued' : 'paused' };
    return { kind: 'state', state: 'cancelled' };
  }
  if (kind === 'credentials') return { kind: 'wait-credentials' };
  if (kind === 'exists') return { kind: 'skipped' };
  if (kind === 'retry' && attempt < ITEM_ATTEMPTS && !closing) {
    return { kind: 'retry', attempt, reason: retryReason(err), delayMs: backoffMs(attempt, retryBaseMs) };
  }
  return { kind: 'failed' };
}
