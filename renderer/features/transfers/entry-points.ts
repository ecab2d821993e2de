/**
 * Where uploads and downloads start: files dropped on the browser (the folder on screen,
 * a folder row or a sidebar bucket — browse tells us which through the context), the
 * context menu ("Upload files…", "Download", "Download to…", "Open with default app") and
 * the preview's "Save as…". Local paths come only from getPathForFile (a file the user
 * dropped) or from native dialogs main runs; the page never makes one up.
 */
import i18next from 'i18next';
import type { EnqueueResult } from '../../../shared/contract/transfers';
import { getPathForFile } from '../../lib/oss-api';
import type { BrowseContext, ExtensionAction } from '../../state/browse-extensions';
import { MAX_IDS_PER_CALL, attempt, chunks, enqueued, openPanel, transfersStore } from './transfers-state';

const t = (key: string, options?: Record<string, unknown>) => i18next.t(key, { ns: 'transfers', ...options });

/** Uploads files and folders dropped from the desktop into `ctx.prefix` of `ctx.bucket`. */
export async function uploadDropped(ctx: BrowseContext, files: readonly File[]): Promise<void> {
  const paths = files.map((f) => getPathForFile(f)).filter((p) => p !== '');
  if (paths.length === 0) {
    // Dragged from a web page or another app's memory: there is no file on disk to read.
    transfersStore.set({ notice: { kind: 'noPath' } });
    return;
  }
  const results: Array<EnqueueResult | undefined> = [];
  for (const part of chunks(paths)) results.push(await attempt('transfers:upload-paths', { profileId: ctx.profileId, bucket: ctx.bucket, prefix: ctx.prefix, paths: part }));
  enqueued(results);
}

/** "Upload files…" / "Upload folder…": main opens the native dialog and queues the answer. */
export async function uploadWithDialog(ctx: Pick<BrowseContext, 'profileId' | 'bucket' | 'prefix'>, kind: 'files' | 'folder'): Promise<void> {
  enqueued([await attempt('transfers:upload-dialog', { profileId: ctx.profileId, bucket: ctx.bucket, prefix: ctx.prefix, kind })]);
}

/** Downloads the selection to the default folder or to one the user picks. */
export async function download(ctx: BrowseContext, destination: 'default' | 'choose'): Promise<void> {
  const results: Array<EnqueueResult | undefined> = [];
  for (const items of chunks(ctx.items)) {
    const r = await attempt('transfers:download', { profileId: ctx.profileId, bucket: ctx.bucket, basePrefix: ctx.prefix, items, destination });
    results.push(r);
    // The user cancelled the folder dialog: do not ask again for the next chunk.
    if (!r?.batchId) break;
  }
  enqueued(results);
}

/**
 * Rows dragged out of the list to the desktop: main fetches a few small files and hands
 * them to the OS drag; folders, large or many files go to the download folder instead, and
 * the user is told so (a drag cannot wait for them).
 */
export async function dragOut(ctx: BrowseContext, sizes: number[]): Promise<void> {
  if (ctx.items.length === 0 || ctx.items.length > MAX_IDS_PER_CALL) return;
  const r = await attempt('transfers:drag-out', { profileId: ctx.profileId, bucket: ctx.bucket, basePrefix: ctx.prefix, items: ctx.items, sizes });
  if (r?.kind === 'queued' && r.batchId) {
    transfersStore.set({ notice: { kind: 'dragQueued', count: ctx.items.length } });
    enqueued([r]);
  }
}

/** Downloads one object to the cache folder, verified, and opens it with the OS's app. */
export async function openWithDefaultApp(ctx: Pick<BrowseContext, 'profileId' | 'bucket'>, key: string): Promise<void> {
  if (await attempt('transfers:open-object', { profileId: ctx.profileId, bucket: ctx.bucket, key })) openPanel();
}

/** "Save as…": one object to a file named in the native save dialog. */
export async function saveAs(ctx: Pick<BrowseContext, 'profileId' | 'bucket'>, key: string): Promise<void> {
  enqueued([await attempt('transfers:save-as', { profileId: ctx.profileId, bucket: ctx.bucket, key })]);
}

/** "Upload files…" and "Upload folder…" into the folder on screen (toolbar and folder menu). */
export function uploadActions(ctx: BrowseContext): ExtensionAction[] {
  return [
    { id: 'transfers.uploadFiles', label: t('action.uploadFiles'), separated: true, run: () => void uploadWithDialog(ctx, 'files') },
    { id: 'transfers.uploadFolder', label: t('action.uploadFolder'), run: () => void uploadWithDialog(ctx, 'folder') },
  ];
}

/** Context-menu items: uploads for the folder itself, downloads for a selection. */
export function transferActions(ctx: BrowseContext): ExtensionAction[] {
  if (ctx.items.length === 0) return uploadActions(ctx);
  const out: ExtensionAction[] = [
    { id: 'transfers.download', label: t('action.downloadN', { count: ctx.items.length }), separated: true, run: () => void download(ctx, 'default') },
    { id: 'transfers.downloadTo', label: t('action.downloadTo'), run: () => void download(ctx, 'choose') },
  ];
  const single = ctx.items.length === 1 ? ctx.items[0]! : undefined;
  if (single && !single.isPrefix) {
    out.push({ id: 'transfers.openDefault', label: t('action.openDefault'), run: () => void openWithDefaultApp(ctx, single.key) });
    out.push({ id: 'transfers.saveAs', label: t('action.saveAs'), run: () => void saveAs(ctx, single.key) });
  }
  return out;
}
