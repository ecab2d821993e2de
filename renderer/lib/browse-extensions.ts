/**
 * Where other features plug into the browser without editing it: extra context-menu
 * actions for the selection (e.g. Download from the transfers feature, Share from share),
 * buttons in the details pane and a handler for files dropped on the listing (uploads).
 * Nothing is shown for a slot nobody fills. It lives in lib/ (not in the browse feature)
 * because features may not import each other.
 */

/** A menu entry or button another feature contributes (the browse context menu's MenuItem shape). */
export interface MenuItem {
  id: string;
  label: string;
  shortcut?: string;
  danger?: boolean;
  /** Draw a separator above this item. */
  separated?: boolean;
  run(): void;
}

/** What an action provider or drop handler is told about the place and the selection. */
export interface BrowseContext {
  profileId: string;
  bucket: string;
  /** The folder on screen ('' at the bucket root). */
  prefix: string;
  /** Selected objects and folders (folders end with '/'). */
  items: Array<{ key: string; isPrefix: boolean }>;
}

export type ObjectActionProvider = (ctx: BrowseContext) => MenuItem[];
/** Buttons for the object or folder shown in the details pane (e.g. "Share link…"). */
export type DetailsActionProvider = (ctx: { profileId: string; bucket: string; key: string; isFolder: boolean }) => MenuItem[];
export type DropHandler = (ctx: BrowseContext, files: File[]) => void;

const actionProviders = new Set<ObjectActionProvider>();
const dropHandlers = new Set<DropHandler>();
const detailsProviders = new Set<DetailsActionProvider>();

/** Adds buttons to the details pane; returns the function that removes them. */
export function addDetailsActions(provider: DetailsActionProvider): () => void {
  detailsProviders.add(provider);
  return () => detailsProviders.delete(provider);
}

/** Buttons every details provider offers for this object or folder. */
export function detailsActions(ctx: Parameters<DetailsActionProvider>[0]): MenuItem[] {
  return [...detailsProviders].flatMap((p) => p(ctx));
}

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
export function extraActions(ctx: BrowseContext): MenuItem[] {
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
