/**
 * What the browser view can do to objects, as plain functions over a context: the toolbar,
 * the context menu and the keyboard all call these. Long operations start in main and are
 * followed with an OperationRun; when they finish the listing is patched locally (delete,
 * rename, new folder) so a 100,000-row folder is not listed again.
 */
import type { TFunction } from 'i18next';
import type { ObjectRow, OperationProgress } from '../../../shared/object-types';
import { call, on } from '../../lib/oss-api';
import { forgetListings } from './hooks/use-folder-listing';
import type { FolderListing } from './model/folder-listing';
import type { ListingModel } from './model/listing-model';
import type { Location } from './model/nav-history';
import { OperationRun } from './model/operation-run';
import type { CopyConflictChoice } from './dialogs/copy-conflict-dialog';

/** One thing an action applies to. */
export interface Item {
  bucket: string;
  key: string;
  isPrefix: boolean;
  rowId: number;
}

/** Keys copied or cut, waiting for Paste (kept across folders and buckets). */
export interface Clipboard {
  bucket: string;
  items: Item[];
  cut: boolean;
}

/** Which dialog is open. */
export type DialogState =
  | { kind: 'newFolder' }
  | { kind: 'rename'; item: Item }
  | { kind: 'move'; items: Item[] }
  | { kind: 'delete'; items: Item[] }
  | { kind: 'operation'; title: string; run: OperationRun; action?: 'rename' }
  | { kind: 'copyConflict'; names: string[]; target: string; move: boolean; onChoose(choice: CopyConflictChoice): void }
  | { kind: 'acl' | 'headers' | 'storageClass' | 'restore'; key: string }
  | { kind: 'symlink'; target: string }
  | { kind: 'multipart' }
  | { kind: 'bucketInfo' }
  | { kind: 'preview'; key: string }
  | null;

export interface ActionContext {
  profileId: string;
  location: Location;
  model: ListingModel | null;
  listing: FolderListing | null;
  t: TFunction;
  setDialog(d: DialogState): void;
  setProgress(p: OperationProgress | null): void;
  reload(): void;
  /** Bumps the listing's version after a local patch. */
  changed(): void;
  /** Selects one row (the item a rename just produced). */
  select?(rowId: number): void;
}

/** Converts a row back into the contract's row shape (for local patches after a rename). */
export function rowFromModel(model: ListingModel, rowId: number, key: string): ObjectRow {
  const c = model.cols;
  const isPrefix = c.isFolder(rowId);
  const name = key.slice(key.lastIndexOf('/', key.length - 2) + 1).replace(/\/$/, '');
  return {
    key,
    name,
    isPrefix,
    size: c.sizes[rowId]!,
    lastModified: c.mtimes[rowId]!,
    etag: c.etags[rowId]!,
    storageClass: c.storageClassOf(rowId),
    type: c.objectTypeOf(rowId) || undefined,
  };
}

/** How long a quiet operation (one rename or move) may run before its progress dialog opens. */
export const QUIET_DIALOG_DELAY_MS = 1000;

/**
 * Starts a long operation, shows its dialog, and resolves with the final progress. A
 * `quiet` one (a single rename or move) opens no dialog unless it runs longer than
 * QUIET_DIALOG_DELAY_MS or ends with a failure; when it succeeds quickly the dialog that
 * started it closes.
 */
export async function runOperation(
  ctx: ActionContext,
  title: string,
  start: () => Promise<{ operationId: string }>,
  options: { quiet?: boolean; action?: 'rename' } = {},
): Promise<OperationProgress> {
  const run = new OperationRun(
    {
      cancel: (operationId) => call('objects:operation-cancel', { operationId }),
      subscribe: (l) => on('objects:operation-progress', l),
    },
    (p) => ctx.setProgress(p),
  );
  let shown = false;
  const show = () => {
    if (shown) return;
    shown = true;
    ctx.setDialog({ kind: 'operation', title, run, action: options.action });
  };
  ctx.setProgress(null);
  const timer = options.quiet ? setTimeout(show, QUIET_DIALOG_DELAY_MS) : undefined;
  if (!options.quiet) show();
  let final: OperationProgress;
  try {
    run.started((await start()).operationId);
    final = await run.done;
  } catch (e) {
    run.abandon();
    const err = e as { code?: string; message?: string; requestId?: string; ec?: string; hint?: string };
    final = {
      operationId: '',
      kind: 'delete',
      done: 0,
      total: 0,
      scanning: false,
      failed: [],
      failedCount: 0,
      finished: true,
      cancelled: false,
      error: { code: String(err.code ?? 'Internal'), message: String(err.message ?? e), requestId: err.requestId, ec: err.ec, hint: err.hint },
    };
    ctx.setProgress(final);
  }
  clearTimeout(timer);
  // Keys left alone ("Skip those") are said too, so nobody thinks they were replaced.
  if (final.failedCount > 0 || final.error || final.cancelled || final.skipped) show();
  else if (!shown) ctx.setDialog(null);
  return final;
}

/** Items that finished without a failure (a folder fails when any key under it failed). */
export function succeeded(items: Item[], final: OperationProgress): Item[] {
  if (final.cancelled && final.done === 0) return [];
  const failed = final.failed.map((f) => f.key);
  return items.filter((it) => !failed.some((k) => (it.isPrefix ? k.startsWith(it.key) : k === it.key)));
}

export async function deleteItems(ctx: ActionContext, items: Item[]): Promise<void> {
  const bucket = items[0]!.bucket;
  const final = await runOperation(ctx, ctx.t('operation.deleteTitle'), () =>
    call('objects:delete-start', { profileId: ctx.profileId, bucket, items: items.map(({ key, isPrefix }) => ({ key, isPrefix })) }),
  );
  for (const it of items) if (it.isPrefix) forgetListings(ctx.profileId, bucket, it.key);
  // A cancelled delete may have removed some keys already: list again to show the truth.
  if (final.cancelled) return ctx.reload();
  const gone = succeeded(items, final);
  if (ctx.model && gone.length) {
    ctx.model.remove(gone.map((i) => i.rowId));
    ctx.changed();
  }
}

export async function renameItem(ctx: ActionContext, item: Item, newName: string): Promise<void> {
  const parent = item.key.slice(0, item.key.lastIndexOf('/', item.key.length - 2) + 1);
  const toKey = parent + newName + (item.isPrefix ? '/' : '');
  const final = await runOperation(ctx, ctx.t('operation.renameTitle'), () =>
    call('objects:rename-start', { profileId: ctx.profileId, bucket: item.bucket, fromKey: item.key, toKey, isPrefix: item.isPrefix }),
    { quiet: true, action: 'rename' },
  );
  if (item.isPrefix) forgetListings(ctx.profileId, item.bucket, item.key);
  if (final.failedCount > 0 || final.cancelled || final.error) return ctx.reload();
  const m = ctx.model;
  if (m) {
    const row = rowFromModel(m, item.rowId, toKey);
    m.remove([item.rowId]);
    m.append([row]);
    ctx.changed();
    // The renamed item stays selected, as it was before.
    const id = m.cols.findKey(toKey);
    if (id >= 0) ctx.select?.(id);
  }
}

/** The folder an item sits in ('' at the bucket root). */
function parentOf(it: Item): string {
  return it.key.slice(0, it.key.lastIndexOf('/', it.key.length - 2) + 1);
}

/** What a copy does with names already taken at the target. */
interface CopyMode {
  overwrite: boolean;
  keepBoth: boolean;
}

/**
 * Asks which items already exist at the target and, when some do, what to do with them.
 * Null: the user cancelled. When the check itself fails the copy goes ahead without
 * replacing anything (taken keys are then reported as skipped).
 */
async function chooseCopyMode(ctx: ActionContext, items: Item[], target: Location, move: boolean): Promise<CopyMode | null> {
  let names: string[] = [];
  try {
    names = (await call('objects:copy-conflicts', { profileId: ctx.profileId, items: items.map(({ key, isPrefix }) => ({ key, isPrefix })), targetBucket: target.bucket, targetPrefix: target.prefix })).names;
  } catch {
    names = [];
  }
  if (names.length === 0) return { overwrite: false, keepBoth: false };
  const choice = await new Promise<CopyConflictChoice>((resolve) =>
    ctx.setDialog({ kind: 'copyConflict', names, target: `oss://${target.bucket}/${target.prefix}`, move, onChoose: resolve }),
  );
  if (choice === 'cancel') {
    ctx.setDialog(null);
    return null;
  }
  return { overwrite: choice === 'replace', keepBoth: choice === 'keepBoth' };
}

export async function copyItems(ctx: ActionContext, items: Item[], target: Location, move: boolean): Promise<void> {
  const here = items.filter((it) => it.bucket === target.bucket && parentOf(it) === target.prefix);
  // Moving items into the folder they are in changes nothing.
  if (move && here.length > 0) items = items.filter((it) => !here.includes(it));
  if (items.length === 0) return;
  // A copy into its own folder keeps both ("name (copy).ext"); elsewhere taken names are asked about.
  const mode = !move && here.length > 0 ? { overwrite: false, keepBoth: true } : await chooseCopyMode(ctx, items, target, move);
  if (!mode) return;
  const final = await runOperation(ctx, ctx.t(move ? 'operation.moveTitle' : 'operation.copyTitle'), () =>
    call('objects:copy-start', {
      profileId: ctx.profileId,
      bucket: items[0]!.bucket,
      items: items.map(({ key, isPrefix }) => ({ key, isPrefix })),
      targetBucket: target.bucket,
      targetPrefix: target.prefix,
      move,
      overwrite: mode.overwrite,
      keepBoth: mode.keepBoth,
    }),
    // One item moved or copied is quick: no progress dialog unless it takes long or fails.
    { quiet: items.length === 1 },
  );
  forgetListings(ctx.profileId, target.bucket, target.prefix);
  if (move) for (const it of items) if (it.isPrefix) forgetListings(ctx.profileId, it.bucket, it.key);
  const shown = ctx.location;
  if (target.bucket === shown.bucket && target.prefix === shown.prefix) return ctx.reload();
  // A skipped key's original stays where it was: list again rather than guess which rows went.
  if (move && final.skipped) return ctx.reload();
  if (move && ctx.model && items[0]!.bucket === shown.bucket) {
    const gone = succeeded(items, final).filter((i) => i.rowId >= 0);
    ctx.model.remove(gone.map((i) => i.rowId));
    ctx.changed();
  }
}

export async function createFolder(ctx: ActionContext, name: string): Promise<void> {
  const row = await call('objects:create-folder', { profileId: ctx.profileId, bucket: ctx.location.bucket, key: ctx.location.prefix + name + '/' });
  if (ctx.model && ctx.model.cols.findKey(row.key) < 0) {
    ctx.model.append([row]);
    ctx.changed();
  }
}

export async function createSymlink(ctx: ActionContext, name: string, target: string): Promise<void> {
  const row = await call('objects:symlink-create', { profileId: ctx.profileId, bucket: ctx.location.bucket, key: ctx.location.prefix + name, target });
  if (ctx.model) {
    const old = ctx.model.cols.findKey(row.key);
    if (old >= 0) ctx.model.remove([old]);
    ctx.model.append([{ ...row, type: row.type ?? 'Symlink' }]);
    ctx.changed();
  }
}
