/**
 * The object browser for one profile: address bar and history, the folder listing (or
 * search results) in a virtualized table or thumbnail grid, the details pane, the context
 * menu and every dialog. Listing, sorting and selection live in ./model; actions in
 * ./browse-actions.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationProgress } from '../../../shared/object-types';
import { Button } from '../../ui/button';
import { ErrorPanel } from '../../ui/error-panel';
import { isProfileError, requestEditProfile } from '../../state/profile-requests';
import type { ActionContext, Clipboard, DialogState, Item } from './browse-actions';
import { copyItems } from './browse-actions';
import { AddressBar } from './components/address-bar';
import { BookmarksMenu } from './components/bookmarks-menu';
import { BrowseToolbar } from './components/browse-toolbar';
import { BucketTable } from './components/bucket-list';
import { ContextMenu } from '../../ui/context-menu';
import { DetailsPane, type DetailsTarget } from './components/details-pane';
import { ListingStatus } from './components/listing-status';
import { ObjectTable } from './components/object-table';
import { SearchBar } from './components/search-bar';
import { buildMenu } from './components/menu-items';
import { DialogHost } from './dialogs/dialog-host';
import { currentDragOutHandler, currentFileOpener, extraActions, toolbarActions } from './extension-points';
import { previewKindOf } from './format';
import { pendingFocusRow, useBrowseNavigation } from './hooks/use-browse-navigation';
import { useDropTarget } from './hooks/use-drop-target';
import { useExternalChanges } from './hooks/use-external-changes';
import { useFocusListOnOpen } from './hooks/use-focus-list';
import { useFolderListing } from './hooks/use-folder-listing';
import { useSearch } from './hooks/use-search';
import { useWindowKeys } from './hooks/use-window-keys';
import { filterIds } from './model/filter-index';
import { ListingColumns } from './model/listing-columns';
import type { ListCommand } from './model/keyboard-commands';
import type { Location } from './model/nav-history';
import { EMPTY_SELECTION, pruneSelection, selectedInViewOrder, type Selection } from './model/selection';
import { DEFAULT_SORT, type SortColumn, type SortSpec } from './model/sort-index';
import { ThumbnailGrid } from './preview/thumbnail-grid';

const EMPTY_VIEW = new Uint32Array(0);
const EMPTY_COLS = new ListingColumns(0);

/** The last header-click sort time, for the listing benchmark to read from the page. */
function publishSortTime(ms: number): void {
  document.documentElement.dataset.browseSortMs = ms.toFixed(2);
}

export interface BrowseViewProps {
  profileId: string;
  /** Where the profile opens (its start path), unless a bucket is already picked. */
  start?: Location | null;
  /** An entry of the start folder to select (and so scroll to) once listed: an oss:// link that named an object. The list takes the keyboard focus on open. */
  startFocus?: string;
}

export function BrowseView({ profileId, start, startFocus }: BrowseViewProps): ReactElement {
  const { t } = useTranslation('browse');
  const [reloadKey, setReloadKey] = useState(0);
  const [sort, setSort] = useState<SortSpec>(DEFAULT_SORT);
  const [sortChosen, setSortChosen] = useState(false);
  const [filter, setFilter] = useState('');
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [mode, setMode] = useState<'list' | 'grid'>('list');
  const [showDetails, setShowDetails] = useState(true);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [progress, setProgress] = useState<OperationProgress | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [clipboard, setClipboard] = useState<Clipboard | null>(null);
  const [detailsKey, setDetailsKey] = useState(0);
  const [, setLocalVersion] = useState(0);

  // Read by navigation when leaving a folder; set below once the listing is known.
  const focusKeyRef = useRef<() => string | undefined>(() => undefined);
  const nav = useBrowseNavigation(
    start,
    {
      leavingFocusKey: () => focusKeyRef.current(),
      onMove: () => {
        setFilter('');
        setSelection(EMPTY_SELECTION);
      },
    },
    startFocus,
  );
  const loc = nav.loc;

  const { listing, snap } = useFolderListing(profileId, loc.bucket, loc.prefix, reloadKey, sort);
  const search = useSearch(profileId, loc.bucket, loc.prefix, sort);
  const model = search.session ? search.session.model : (listing?.model ?? null);
  const version = search.session ? (search.snap?.version ?? 0) : (snap?.version ?? 0);
  const view = useMemo(
    () => (model ? filterIds(model.cols, model.sorted, filter) : EMPTY_VIEW),
    // version: rows were appended or removed inside the (mutable) model.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [model, version, filter, sort],
  );
  const sel = useMemo(() => pruneSelection(selection, view), [selection, view]);

  useEffect(() => {
    focusKeyRef.current = () => (sel.focus >= 0 && model && !search.session ? model.cols.keys[sel.focus] : undefined);
  });
  const navigate = nav.navigate;

  // Select the entry an address without a trailing slash (or a Back) pointed at, once listed.
  if (nav.pendingFocus && model && !search.session && snap) {
    const id = pendingFocusRow(model, loc.prefix, nav.pendingFocus, snap.status === 'loading');
    if (id !== null) {
      if (id >= 0) setSelection({ selected: new Set([id]), anchor: id, focus: id });
      nav.clearPendingFocus();
    }
  }

  const itemsOf = useCallback(
    (ids: number[]): Item[] => (model ? ids.map((rowId) => ({ bucket: loc.bucket, key: model.cols.keys[rowId]!, isPrefix: model.cols.isFolder(rowId), rowId })) : []),
    [model, loc.bucket],
  );
  const selectedItems = useMemo(() => itemsOf(selectedInViewOrder(sel, view)), [itemsOf, sel, view]);
  const focusItem = sel.focus >= 0 && sel.selected.has(sel.focus) ? itemsOf([sel.focus])[0] : selectedItems.length === 1 ? selectedItems[0] : undefined;

  const ctx: ActionContext = {
    profileId,
    location: loc,
    model,
    listing,
    t,
    setDialog,
    setProgress,
    reload: () => setReloadKey((k) => k + 1),
    select: (id) => setSelection({ selected: new Set([id]), anchor: id, focus: id }),
    changed: () => {
      if (search.session) search.session.changed();
      else if (listing) listing.changed();
      else setLocalVersion((v) => v + 1);
    },
  };

  const onSort = (column: SortColumn) => {
    const next: SortSpec = sort.column === column ? { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' };
    setSort(next);
    setSortChosen(true);
    if (model) {
      model.setSort(next);
      publishSortTime(model.lastSortMs);
    }
    ctx.changed();
  };

  const openItem = (it: Item | undefined) => {
    if (!it) return;
    const opener = currentFileOpener();
    if (it.isPrefix) navigate({ bucket: it.bucket, prefix: it.key });
    // A file the app cannot preview opens in the OS's app, when a feature offers that.
    else if (opener && model && previewKindOf(model.cols.extOf(it.rowId)) === 'none') opener({ profileId, bucket: it.bucket }, it.key);
    else setDialog({ kind: 'preview', key: it.key });
  };
  const goUp = nav.up;
  const paste = () => {
    if (!clipboard || !loc.bucket) return;
    void copyItems(ctx, clipboard.items, loc, clipboard.cut);
    if (clipboard.cut) setClipboard(null);
  };

  const onCommand = (cmd: ListCommand) => {
    switch (cmd.kind) {
      case 'open':
        return openItem(focusItem);
      case 'parent':
        return goUp();
      case 'delete':
        return selectedItems.length > 0 && setDialog({ kind: 'delete', items: selectedItems });
      case 'rename':
        return focusItem && setDialog({ kind: 'rename', item: focusItem });
      case 'copy':
      case 'cut':
        return selectedItems.length > 0 && setClipboard({ bucket: loc.bucket, items: selectedItems, cut: cmd.kind === 'cut' });
      case 'paste':
        return paste();
      case 'refresh':
        return ctx.reload();
      case 'back':
        return nav.back();
      case 'forward':
        return nav.forward();
      case 'clearSelection':
        return setSelection(EMPTY_SELECTION);
      default:
        return undefined;
    }
  };

  const filterRef = useRef<HTMLInputElement>(null);
  useFocusListOnOpen(loc.bucket, loc.prefix);
  useWindowKeys({ back: nav.back, forward: nav.forward, focusFilter: () => filterRef.current?.focus() });

  const previewStep = (delta: 1 | -1) => {
    if (dialog?.kind !== 'preview' || !model) return;
    const pos = view.findIndex((id) => model.cols.keys[id] === dialog.key);
    for (let i = pos + delta; i >= 0 && i < view.length; i += delta) {
      const id = view[i]!;
      if (!model.cols.isFolder(id) && previewKindOf(model.cols.extOf(id)) !== 'none') {
        setSelection({ selected: new Set([id]), anchor: id, focus: id });
        return setDialog({ kind: 'preview', key: model.cols.keys[id]! });
      }
    }
  };

  const detailsTarget: DetailsTarget | null = useMemo(
    () => (focusItem && selectedItems.length <= 1 ? { bucket: focusItem.bucket, key: focusItem.key, isFolder: focusItem.isPrefix } : null),
    // Items are rebuilt on every render; the key identifies the target.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [focusItem?.key, focusItem?.bucket, selectedItems.length],
  );
  const multi = selectedItems.length > 1 && model ? { count: selectedItems.length, bytes: selectedItems.reduce((a, i) => a + model.cols.sizes[i.rowId]!, 0) } : null;

  const addressBar = (
    <AddressBar
      location={loc}
      canBack={nav.canBack}
      canForward={nav.canForward}
      onBack={nav.back}
      onForward={nav.forward}
      onUp={goUp}
      onNavigate={navigate}
    >
      <BookmarksMenu profileId={profileId} location={loc} onNavigate={navigate} />
    </AddressBar>
  );

  const dragOut = currentDragOutHandler();
  const extensionCtx = { profileId, bucket: loc.bucket, prefix: loc.prefix, items: selectedItems.map(({ key, isPrefix }) => ({ key, isPrefix })) };
  const drop = useDropTarget(extensionCtx);
  useExternalChanges(profileId, loc.bucket, loc.prefix, ctx.reload);

  if (!loc.bucket) {
    return (
      <div className="browse-view">
        <h1 className="visually-hidden" data-testid="browse-heading">{t('heading.buckets')}</h1>
        {addressBar}
        <BucketTable profileId={profileId} onOpen={(b) => navigate({ bucket: b, prefix: '' })} />
      </div>
    );
  }

  const listingError = search.session ? search.snap?.error : snap?.error;
  // A folder that failed to list shows only the error: no "empty folder", no "0 items".
  const errorOnly = !!listingError && view.length === 0;
  const menuItems = buildMenu({ t, items: selectedItems, focus: focusItem, model, clipboard, inSearch: !!search.session, setDialog, setClipboard, openItem, paste, reload: ctx.reload, showDetails: () => setShowDetails(true), bucket: loc.bucket }).concat(extraActions(extensionCtx));
  const empty = filter ? (
    <>
      <p>{t('empty.filter', { filter })}</p>
      {!search.session && (
        <Button onClick={() => search.start(filter)} data-testid="filter-search-subfolders">
          {t('search.button')}
        </Button>
      )}
    </>
  ) : search.session ? (search.snap?.running ? t('search.searching') : t('search.none')) : snap?.status === 'loading' ? t('details.loading') : t('empty.folder');

  return (
    <div className="browse-view">
      {/* The page's level-one heading, for screen readers: the address bar shows the same place. */}
      <h1 className="visually-hidden" data-testid="browse-heading">
        {loc.prefix ? t('heading.folder', { name: loc.prefix.slice(loc.prefix.lastIndexOf('/', loc.prefix.length - 2) + 1, -1), bucket: loc.bucket }) : loc.bucket}
      </h1>
      {addressBar}
      <BrowseToolbar
        inSearch={!!search.session}
        clipboardCount={clipboard?.items.length ?? 0}
        selectedCount={selectedItems.length}
        mode={mode}
        showDetails={showDetails}
        onNewFolder={() => setDialog({ kind: 'newFolder' })}
        onPaste={paste}
        onDelete={() => setDialog({ kind: 'delete', items: selectedItems })}
        onRefresh={ctx.reload}
        onMode={setMode}
        onToggleDetails={() => setShowDetails(!showDetails)}
        extra={toolbarActions({ ...extensionCtx, items: [] })}
        search={
          <SearchBar
            filter={filter}
            onFilter={setFilter}
            inputRef={filterRef}
            search={search.snap}
            query={search.session?.query ?? null}
            onSearch={search.start}
            onCancel={() => void search.session?.cancel()}
            onClear={search.clear}
          />
        }
      />
      {listingError && (
        // Retry continues a folder listing from the page that failed; a search starts over.
        <ErrorPanel
          error={listingError}
          onRetry={search.session || !listing ? ctx.reload : () => listing.start()}
          compact
          actions={isProfileError(listingError.code) ? <Button onClick={() => requestEditProfile(profileId)}>{t('bucket.editProfile')}</Button> : undefined}
        />
      )}
      {!errorOnly && (
      <div className="browse-view__main">
        <div
          className={`browse-view__listing${drop.dragging ? ' browse-view__listing--drop-target' : ''}`}
          data-testid="listing-drop-area"
          onDragOver={drop.onDragOver}
          onDragLeave={drop.onDragLeave}
          onDrop={drop.onDrop}
        >
          {mode === 'list' || !model ? (
            <ObjectTable
              cols={model?.cols ?? EMPTY_COLS}
              view={view}
              version={version}
              selection={sel}
              onSelection={setSelection}
              onCommand={onCommand}
              onOpenRow={(id) => openItem(itemsOf([id])[0])}
              onContextMenuAt={(x, y) => setMenu({ x, y })}
              {...(dragOut ? { onDragRows: (ids: number[]) => dragOut({ ...extensionCtx, items: itemsOf(ids).map(({ key, isPrefix }) => ({ key, isPrefix })) }, ids.map((id) => (model?.cols.isFolder(id) ? 0 : (model?.cols.sizes[id] ?? 0)))) } : {})}
              sort={sort}
              onSort={onSort}
              empty={empty}
              label={search.session ? t('search.resultsLabel') : t('table.label')}
            />
          ) : (
            <ThumbnailGrid profileId={profileId} bucket={loc.bucket} cols={model.cols} view={view} selection={sel} onSelection={setSelection} onOpenRow={(id) => openItem(itemsOf([id])[0])} onContextMenuAt={(x, y) => setMenu({ x, y })} onCommand={onCommand} />
          )}
        </div>
        {showDetails && <DetailsPane profileId={profileId} target={detailsTarget} multi={multi} refreshKey={detailsKey} onClose={() => setShowDetails(false)} />}
      </div>
      )}
      {errorOnly ? null : search.session && search.snap ? (
        <ListingStatus status={search.snap.running ? 'loading' : 'complete'} count={search.snap.matches} shown={view.length} filtered={!!filter} sort={sort} sortChosen={sortChosen} selected={sel.selected.size} onStop={() => void search.session?.cancel()} onResume={() => undefined} />
      ) : (
        snap && <ListingStatus status={snap.status} count={snap.count} shown={view.length} filtered={!!filter} sort={sort} sortChosen={sortChosen} selected={sel.selected.size} onStop={() => listing?.stop()} onResume={() => listing?.start()} />
      )}
      {menu && <ContextMenu x={menu.x} y={menu.y} items={menuItems} label={t('menu.label')} onClose={() => setMenu(null)} />}
      <DialogHost
        dialog={dialog}
        ctx={ctx}
        progress={progress}
        onClose={() => setDialog(null)}
        onObjectChanged={() => setDetailsKey((k) => k + 1)}
        onPreviewStep={previewStep}
      />
    </div>
  );
}
