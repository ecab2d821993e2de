/**
 * Where other features plug into the browser without editing it: extra context-menu
 * actions for the selection (e.g. Download from the transfers feature), a handler for
 * files dropped on the listing, a folder row or a sidebar bucket (uploads), news of objects
 * changed elsewhere (an upload landed), "Open" for files with no preview, rows dragged out
 * to the desktop and buttons in the preview dialog. Nothing is shown for a slot nobody fills. It lives in renderer/state so
 * features register here without importing the browse feature (features never import
 * each other); browse re-exports it from features/browse/extension-points.ts.
 */
import type { MenuItem } from '../ui/context-menu';

export type { MenuItem };

/** An action another feature offers (context menu, toolbar, preview): a menu item of the UI kit. */
export type ExtensionAction = MenuItem;

/** What an action provider or drop handler is told about the place and the selection. */
export interface BrowseContext {
  profileId: string;
  bucket: string;
  /** The folder on screen ('' at the bucket root). */
  prefix: string;
  /** Selected objects and folders (folders end with '/'). */
  items: Array<{ key: string; isPrefix: boolean }>;
}

export type ObjectActionProvider = (ctx: BrowseContext) => ExtensionAction[];
/** Buttons for the object or folder shown in the details pane (e.g. "Share link…"). */
export type DetailsActionProvider = (ctx: { profileId: string; bucket: string; key: string; isFolder: boolean }) => ExtensionAction[];
export type DropHandler = (ctx: BrowseContext, files: File[]) => void;

const actionProviders = new Set<ObjectActionProvider>();
const dropHandlers = new Set<DropHandler>();

/** Adds context-menu actions; returns the function that removes them. */
export function addObjectActions(provider: ObjectActionProvider): () => void {
  actionProviders.add(provider);
  return () => actionProviders.delete(provider);
}

/** Handles files dropped on the listing; returns the function that removes the handler. */
export function addDropHandler(handler: DropHandler): () => void {
  dropHandlers.add(handler);
  return () => dropHandlers.delete(handler);
}

/** Menu items every provider offers for this context. */
export function extraActions(ctx: BrowseContext): ExtensionAction[] {
  return [...actionProviders].flatMap((p) => p(ctx));
}

/** True when a drop on the listing would be handled. */
export function acceptsDrops(): boolean {
  return dropHandlers.size > 0;
}

/** Passes dropped files to every handler. */
export function dropFiles(ctx: BrowseContext, files: File[]): void {
  for (const h of dropHandlers) h(ctx, files);
}

/** Rows dragged out of the list (to the desktop); `sizes` follow `ctx.items` (folders 0). */
export type DragOutHandler = (ctx: BrowseContext, sizes: number[]) => void;
let dragOutHandler: DragOutHandler | null = null;

/** Sets what a drag of rows out of the list does (transfers); rows are draggable only when set. */
export function setDragOutHandler(handler: DragOutHandler): () => void {
  dragOutHandler = handler;
  return () => {
    if (dragOutHandler === handler) dragOutHandler = null;
  };
}

export function currentDragOutHandler(): DragOutHandler | null {
  return dragOutHandler;
}

/** An object that appeared or changed (e.g. an upload landed); the folder on screen refreshes. */
export interface ObjectChange {
  profileId: string;
  bucket: string;
  key: string;
}

const changeListeners = new Set<(change: ObjectChange) => void>();

/** Tells the browser an object changed outside its own actions. */
export function objectsChanged(change: ObjectChange): void {
  for (const l of changeListeners) l(change);
}

/** Listens for objects changed by other features; returns the function that stops. */
export function onObjectsChanged(listener: (change: ObjectChange) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Where a file the browser cannot preview is opened (e.g. downloaded and opened by the OS). */
export type FileOpener = (ctx: { profileId: string; bucket: string }, key: string) => void;
let fileOpener: FileOpener | null = null;

/** Handles "Open" on files with no preview; returns the function that removes it. */
export function setFileOpener(opener: FileOpener): () => void {
  fileOpener = opener;
  return () => {
    if (fileOpener === opener) fileOpener = null;
  };
}

/** The registered opener, or null (the browser then shows the file as text). */
export function currentFileOpener(): FileOpener | null {
  return fileOpener;
}

/** Buttons other features add to the preview dialog ("Save as…"). */
export type PreviewActionProvider = (ctx: { profileId: string; bucket: string; key: string }) => ExtensionAction[];
const previewProviders = new Set<PreviewActionProvider>();

/** Adds preview-dialog buttons; returns the function that removes them. */
export function addPreviewActions(provider: PreviewActionProvider): () => void {
  previewProviders.add(provider);
  return () => previewProviders.delete(provider);
}

/** Buttons every provider offers for the previewed object. */
export function previewActions(ctx: { profileId: string; bucket: string; key: string }): ExtensionAction[] {
  return [...previewProviders].flatMap((p) => p(ctx));
}

/** Buttons other features add to the folder toolbar ("Upload files…"); shown inside a bucket. */
export type ToolbarActionProvider = (ctx: BrowseContext) => ExtensionAction[];
const toolbarProviders = new Set<ToolbarActionProvider>();

/** Adds toolbar buttons; returns the function that removes them. */
export function addToolbarActions(provider: ToolbarActionProvider): () => void {
  toolbarProviders.add(provider);
  return () => toolbarProviders.delete(provider);
}

/** Buttons every provider offers for the folder on screen. */
export function toolbarActions(ctx: BrowseContext): ExtensionAction[] {
  return [...toolbarProviders].flatMap((p) => p(ctx));
}

const detailsProviders = new Set<DetailsActionProvider>();

/** Adds buttons to the details pane; returns the function that removes them. */
export function addDetailsActions(provider: DetailsActionProvider): () => void {
  detailsProviders.add(provider);
  return () => detailsProviders.delete(provider);
}

/** Buttons every details provider offers for this object or folder. */
export function detailsActions(ctx: Parameters<DetailsActionProvider>[0]): ExtensionAction[] {
  return [...detailsProviders].flatMap((p) => p(ctx));
}
