/**
 * The transfers feature's state and its calls to main: the queue (a TransferList patched
 * by 'transfers:progress'), conflict plans waiting for an answer, the panel's open state
 * and the last problem to show. Components read it through `transfersStore`; nothing here
 * imports React, so the logic is tested without rendering.
 */
import type { ConflictPlan, EnqueueResult, TransferItem, TransferProgressEvent } from '../../../shared/contract/transfers';
import { AppException, ErrorCode, toAppError, type AppError } from '../../../shared/errors';
import type { RequestChannel, RequestInput, RequestOutput } from '../../../shared/ipc-contract';
import { call, on } from '../../lib/oss-api';
import { createStore } from '../../state/create-store';
import { TransferList } from './model/transfer-list';

/** Something to tell the user: an error (with its hint) or a plain message. */
export type TransferNotice = { kind: 'error'; error: AppError } | { kind: 'rejected'; items: Array<{ name: string; reason: string }> } | { kind: 'noPath' } | { kind: 'dragQueued'; count: number };

export interface TransfersUi {
  /** Bumped whenever `transferList` changed. */
  version: number;
  loaded: boolean;
  panelOpen: boolean;
  settingsOpen: boolean;
  plans: ConflictPlan[];
  notice: TransferNotice | null;
  /** The item whose error details are open. */
  detailsId: string | null;
}

export const transferList = new TransferList();
export const transfersStore = createStore<TransfersUi>({ version: 0, loaded: false, panelOpen: false, settingsOpen: false, plans: [], notice: null, detailsId: null });

/** Ids per request: the contract's bound on one call. */
export const MAX_IDS_PER_CALL = 10_000;
const PAGE = 1000;

export function asAppError(e: unknown): AppError {
  if (e instanceof AppException) return toAppError(e);
  return { code: ErrorCode.Internal, message: e instanceof Error ? e.message : String(e) };
}

/** Tells the user about a failed call instead of losing it in a rejected promise. */
export function showError(e: unknown): void {
  transfersStore.set({ notice: { kind: 'error', error: asAppError(e) } });
}

/** Calls main and reports a failure in the panel; resolves undefined when it failed. */
export async function attempt<C extends RequestChannel>(channel: C, input: RequestInput<C>): Promise<RequestOutput<C> | undefined> {
  try {
    return await (call as (c: C, i: RequestInput<C>) => Promise<RequestOutput<C>>)(channel, input);
  } catch (e) {
    showError(e);
    return undefined;
  }
}

export function openPanel(open = true): void {
  transfersStore.set({ panelOpen: open });
}

const bump = () => transfersStore.set({ version: transferList.version });

/** Listeners for upload items that just finished (browse refreshes the folder on screen). */
const landedListeners = new Set<(items: TransferItem[]) => void>();
export function onUploadsLanded(listener: (items: TransferItem[]) => void): () => void {
  landedListeners.add(listener);
  return () => landedListeners.delete(listener);
}

/** Applies a progress event and reports uploads that reached 'done' in it. */
export function applyProgress(event: TransferProgressEvent): void {
  const landed = event.items.filter((it) => it.direction === 'upload' && it.state === 'done' && transferList.get(it.id)?.state !== 'done');
  transferList.apply(event);
  bump();
  if (landed.length > 0) for (const l of landedListeners) l(landed);
}

function addPlan(plan: ConflictPlan): void {
  transfersStore.set((s) => ({ plans: [...s.plans.filter((p) => p.batchId !== plan.batchId), plan] }));
}

let stop: (() => void) | null = null;

/**
 * Subscribes to main's events and reads the queue once. Events that arrive while the
 * pages are still being read are held and applied after them, so a fast item is never
 * overwritten by an older page. Returns the function that unsubscribes.
 */
export function startTransfers(): () => void {
  if (stop) return stop;
  let held: TransferProgressEvent[] | null = [];
  const offs = [
    on('transfers:progress', (e) => (held ? held.push(e) : applyProgress(e))),
    on('transfers:conflict-plan', (plan) => addPlan(plan)),
  ];
  let live = true;
  void (async () => {
    try {
      for (let offset = 0; live; offset += PAGE) {
        const page = await call('transfers:list', { offset, limit: PAGE });
        transferList.addPage(page.items, page.totals);
        if (page.items.length < PAGE || offset + PAGE >= page.total) break;
      }
      for (const plan of await call('transfers:conflict-pending')) addPlan(plan);
    } catch (e) {
      showError(e);
    } finally {
      const pending = held ?? [];
      held = null;
      for (const e of pending) applyProgress(e);
      transfersStore.set({ loaded: true, version: transferList.version });
    }
  })();
  stop = () => {
    live = false;
    for (const off of offs) off();
    stop = null;
  };
  return stop;
}

/** Splits a long list into calls the contract accepts. */
export function chunks<T>(list: readonly T[], size = MAX_IDS_PER_CALL): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** After an enqueue: show the panel, and say which dropped paths were refused and why. */
export function enqueued(results: Array<EnqueueResult | undefined>): void {
  const ok = results.filter((r): r is EnqueueResult => !!r);
  if (ok.some((r) => r.batchId)) openPanel();
  const rejected = ok.flatMap((r) => r.rejected);
  if (rejected.length > 0) transfersStore.set({ notice: { kind: 'rejected', items: rejected } });
}

type Target = { all: true } | { ids: string[] };
type Command = 'transfers:pause' | 'transfers:resume' | 'transfers:cancel' | 'transfers:retry';

/** Pause, resume, cancel or retry some items (split into calls of ≤ 10,000 ids) or all. */
export async function command(channel: Command, target: Target): Promise<void> {
  if ('all' in target) {
    await attempt(channel, target);
    return;
  }
  for (const ids of chunks(target.ids)) await attempt(channel, { ids });
}

/** Answers the first waiting plan; with `toAll`, every waiting plan gets the same answer. */
export async function answerPlans(batchIds: string[], policy: 'overwrite' | 'skip' | 'skip-identical' | 'keep-both' | 'cancel', remember: boolean): Promise<void> {
  for (const batchId of batchIds) {
    try {
      await call('transfers:conflict-answer', { batchId, policy, remember: remember && policy !== 'cancel' });
    } catch (e) {
      showError(e);
    }
    transfersStore.set((s) => ({ plans: s.plans.filter((p) => p.batchId !== batchId) }));
  }
}

/** Drops the subscription and everything held (tests, and a fresh start after sign-out). */
export function resetTransfers(): void {
  stop?.();
  transferList.reset();
  transfersStore.set({ version: transferList.version, loaded: false, panelOpen: false, settingsOpen: false, plans: [], notice: null, detailsId: null });
}
