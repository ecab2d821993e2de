/**
 * The object browser for one profile: address bar and history, the folder listing (or
 * search results) in a virtualized table or thumbnail grid, the details pane, the context
 * menu and every dialog. Listing, sorting and selection live in ./model; actions in
 * ./browse-actions.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperationProgress } from '../../../shared/object-types';
import { ErrorPanel } from '../../ui/error-panel';
import { selectBucket, selectionStore } from '../../state/selection-store';
import type { ActionContext, Clipboard, DialogState, Item } from './browse-actions';
import { copyItems } from './browse-actions';
import { AddressBar } from './components/address-bar';
import { BookmarksMenu } from './components/bookmarks-menu';
import { BucketTable } from './components/bucket-list';
import { ContextMenu } from './components/context-menu';
import { DetailsPane, type DetailsTarget } from './components/details-pane';
import { ListingStatus } from './components/listing-status';
import { ObjectTable } from './components/object-table';
import { SearchBar } from './components/search-bar';
import { buildMenu } from './components/menu-items';
import { DialogHost } from './dialogs/dialog-host';
import { currentDragOutHandler, currentFileOpener, extraActions, toolbarActions } from './extension-points';
import { previewKindOf } from './format';
import { useDropTarget } from './hooks/use-drop-target';
import { useExternalChanges } from './hooks/use-external-changes';
import { useFolderListing } from './hooks/use-folder-listing';
import { useSearch } from './hooks/use-search';
import { parentPrefix } from './model/address';
import { filterIds } from './model/filter-index';
import { ListingColumns } from './model/listing-columns';
import type { ListCommand } from './model/keyboard-commands';
import { back, canGoBack, canGoForward, current, forward, push, startHistory, type Location } from './model/nav-history';
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
}

export function BrowseView({ profileId, start }: BrowseViewProps): ReactElement {
  const { t } = useTranslation('browse');
  const storeBucket = selectionStore.use((s) => s.bucket) ?? '';
  const [history, setHistory] = useState(() =>
    startHistory(start && (!storeBucket || storeBucket === start.bucket) ? start : { bucket: storeBucket, prefix: '' }),
  );
  const loc = current(history);
  const [synced, setSynced] = useState(storeBucket);
  useEffect(() => {
    // Tell the sidebar which bucket a start path opened.
    if (start && !storeBucket) selectBucket(start.bucket);
    // Only at mount: later bucket changes come from the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
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
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);
  const [detailsKey, setDetailsKey] = useState(0);
  const [, setLocalVersion] = useState(0);


  // A bucket picked in the sidebar opens its root.
  if (storeBucket !== synced) {
    setSynced(storeBucket);
    if (storeBucket !== loc.bucket) {
      setHistory(push(history, { bucket: storeBucket, prefix: '' }));
      setSelection(EMPTY_SELECTION);
      setFilter('');
    }
  }

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

  // The entry that had the focus in each visited folder, so Back lands on it again.
  const lastFocus = useRef(new Map<string, string>());
  const go = (next: typeof history, focusName?: string) => {
    const target = current(next);
    const focusKey = sel.focus >= 0 && model ? model.cols.keys[sel.focus] : undefined;
    if (focusKey && !search.session) lastFocus.current.set(`${loc.bucket}\n${loc.prefix}`, focusKey);
    const remembered = lastFocus.current.get(`${target.bucket}\n${target.prefix}`);
    setPendingFocus(focusName ?? (remembered?.startsWith(target.prefix) ? remembered.slice(target.prefix.length) : null));
    setSynced(target.bucket);
    setHistory(next);
    setFilter('');
    setSelection(EMPTY_SELECTION);
    if ((selectionStore.get().bucket ?? '') !== target.bucket) selectBucket(target.bucket || null);
  };
  const navigate = (to: Location, focusName?: string) => go(push(history, to), focusName);

  // Select the entry an address without a trailing slash pointed at, once it is listed.
  if (pendingFocus && model && !search.session && snap) {
    const id = Math.max(model.cols.findKey(loc.prefix + pendingFocus), model.cols.findKey(loc.prefix + pendingFocus + '/'));
    if (id >= 0) {
      setSelection({ selected: new Set([id]), anchor: id, focus: id });
      setPendingFocus(null);
    } else if (snap.status !== 'loading') setPendingFocus(null);
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
  const goUp = () => {
    const up = parentPrefix(loc.prefix);
    navigate(up === null ? { bucket: '', prefix: '' } : { bucket: loc.bucket, prefix: up }, loc.prefix ? loc.prefix.slice(up?.length ?? 0, -1) : loc.bucket || undefined);
  };
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
        return go(back(history));
      case 'forward':
        return go(forward(history));
      case 'clearSelection':
        return setSelection(EMPTY_SELECTION);
      default:
        return undefined;
    }
  };

  // Alt+Left/Right anywhere in the view; Ctrl+F focuses the filter.
  const filterRef = useRef<HTMLInputElement>(null);
  const onWindowKey = useRef<(e: KeyboardEvent) => void>(() => undefined);
  useEffect(() => {
    onWindowKey.current = (e: KeyboardEvent) => {
      if (e.altKey && e.key === 'ArrowLeft') go(back(history));
      else if (e.altKey && e.key === 'ArrowRight') go(forward(history));
      else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') filterRef.current?.focus();
      else return;
      e.preventDefault();
    };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => onWindowKey.current(e);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
      canBack={canGoBack(history)}
      canForward={canGoForward(history)}
      onBack={() => go(back(history))}
      onForward={() => go(forward(history))}
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
        {addressBar}
        <BucketTable profileId={profileId} onOpen={(b) => navigate({ bucket: b, prefix: '' })} />
      </div>
    );
  }

  const listingError = search.session ? search.snap?.error : snap?.error;
  const menuItems = buildMenu({ t, items: selectedItems, focus: focusItem, model, clipboard, inSearch: !!search.session, setDialog, setClipboard, openItem, paste, reload: ctx.reload, showDetails: () => setShowDetails(true), bucket: loc.bucket }).concat(extraActions(extensionCtx));
  const empty = filter ? t('empty.filter', { filter }) : search.session ? (search.snap?.running ? t('search.searching') : t('search.none')) : snap?.status === 'loading' ? t('details.loading') : t('empty.folder');

  return (
    <div className="browse-view">
      {addressBar}
      <div className="browse-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
        <button type="button" className="ui-button" onClick={() => setDialog({ kind: 'newFolder' })} disabled={!!search.session}>
          {t('action.newFolder')}
        </button>
        <button type="button" className="ui-button" onClick={paste} disabled={!clipboard}>
          {clipboard ? t('action.pasteN', { count: clipboard.items.length }) : t('action.paste')}
        </button>
        <button type="button" className="ui-button" onClick={() => setDialog({ kind: 'delete', items: selectedItems })} disabled={selectedItems.length === 0}>
          {t('action.delete')}
        </button>
        <button type="button" className="ui-button" onClick={ctx.reload}>
          {t('action.refresh')}
        </button>
        {toolbarActions({ ...extensionCtx, items: [] }).map((a) => (
          <button key={a.id} type="button" className="ui-button" onClick={a.run}>
            {a.label}
          </button>
        ))}
        <span className="browse-toolbar-gap" />
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
        <div className="browse-segmented" role="group" aria-label={t('view.label')}>
          <button type="button" aria-pressed={mode === 'list'} onClick={() => setMode('list')}>
            {t('view.list')}
          </button>
          <button type="button" aria-pressed={mode === 'grid'} onClick={() => setMode('grid')}>
            {t('view.grid')}
          </button>
        </div>
        <button type="button" className="ui-button" aria-pressed={showDetails} onClick={() => setShowDetails(!showDetails)}>
          {t('details.title')}
        </button>
      </div>
      {listingError && (
        // Retry continues a folder listing from the page that failed; a search starts over.
        <ErrorPanel error={listingError} onRetry={search.session || !listing ? ctx.reload : () => listing.start()} compact />
      )}
      <div className="browse-main">
        <div
          className={`browse-listing-area${drop.dragging ? ' is-drop-target' : ''}`}
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
      {search.session && search.snap ? (
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
