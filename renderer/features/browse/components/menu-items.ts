/** The context menu for the current selection (or the folder, when nothing is selected). */
import type { TFunction } from 'i18next';
import type { Clipboard, DialogState, Item } from '../browse-actions';
import { copyText } from '../clipboard-text';
import { previewKindOf } from '../format';
import type { ListingModel } from '../model/listing-model';
import type { MenuItem } from '../../../ui/context-menu';

export interface MenuContext {
  t: TFunction;
  items: Item[];
  focus: Item | undefined;
  model: ListingModel | null;
  clipboard: Clipboard | null;
  inSearch: boolean;
  bucket: string;
  setDialog(d: DialogState): void;
  setClipboard(c: Clipboard | null): void;
  openItem(it: Item): void;
  paste(): void;
  reload(): void;
  showDetails(): void;
}

const ARCHIVE = new Set(['Archive', 'ColdArchive', 'DeepColdArchive']);

export function buildMenu(c: MenuContext): MenuItem[] {
  const { t, items, focus, model } = c;
  const out: MenuItem[] = [];
  const folderActions = () => {
    if (!c.inSearch) out.push({ id: 'newFolder', label: t('action.newFolder'), run: () => c.setDialog({ kind: 'newFolder' }) });
    if (c.clipboard) out.push({ id: 'paste', label: t('action.pasteN', { count: c.clipboard.items.length }), shortcut: 'Ctrl+V', run: c.paste });
    out.push({ id: 'refresh', label: t('action.refresh'), shortcut: 'F5', run: c.reload });
    out.push({ id: 'multipart', label: t('multipart.menu'), separated: true, run: () => c.setDialog({ kind: 'multipart' }) });
    out.push({ id: 'bucketInfo', label: t('bucket.info'), run: () => c.setDialog({ kind: 'bucketInfo' }) });
  };
  if (items.length === 0) {
    folderActions();
    return out;
  }
  const single = items.length === 1 ? items[0]! : undefined;
  const file = single && !single.isPrefix ? single : undefined;
  if (focus && items.length === 1) {
    const previewable = file && model && previewKindOf(model.cols.extOf(file.rowId)) !== 'none';
    // "Preview as text" stays available when Enter opens the file in the OS's app instead.
    const asText = !single?.isPrefix && !previewable;
    out.push({ id: 'open', label: single?.isPrefix ? t('action.open') : previewable ? t('action.preview') : t('action.previewText'), shortcut: asText ? undefined : 'Enter', run: () => (asText ? c.setDialog({ kind: 'preview', key: focus.key }) : c.openItem(focus)) });
  }
  if (single) out.push({ id: 'rename', label: t('action.rename'), shortcut: 'F2', run: () => c.setDialog({ kind: 'rename', item: single }) });
  out.push({ id: 'copy', label: t('action.copy'), shortcut: 'Ctrl+C', run: () => c.setClipboard({ bucket: c.bucket, items, cut: false }) });
  out.push({ id: 'cut', label: t('action.cut'), shortcut: 'Ctrl+X', run: () => c.setClipboard({ bucket: c.bucket, items, cut: true }) });
  if (single) out.push({ id: 'copyAddress', label: t('action.copyAddress'), run: () => void copyText(`oss://${c.bucket}/${single.key}`).catch(() => undefined) });
  out.push({ id: 'move', label: t('action.moveTo'), run: () => c.setDialog({ kind: 'move', items }) });
  if (c.clipboard && !c.inSearch) out.push({ id: 'paste', label: t('action.pasteN', { count: c.clipboard.items.length }), run: c.paste });
  if (file) {
    const cls = model ? model.cols.storageClassOf(file.rowId) : '';
    out.push({ id: 'acl', label: t('action.acl'), separated: true, run: () => c.setDialog({ kind: 'acl', key: file.key }) });
    out.push({ id: 'headers', label: t('action.headers'), run: () => c.setDialog({ kind: 'headers', key: file.key }) });
    out.push({ id: 'storageClass', label: t('action.storageClass'), run: () => c.setDialog({ kind: 'storageClass', key: file.key }) });
    if (ARCHIVE.has(cls)) out.push({ id: 'restore', label: t('action.restore'), run: () => c.setDialog({ kind: 'restore', key: file.key }) });
    if (!c.inSearch) out.push({ id: 'symlink', label: t('action.symlink'), run: () => c.setDialog({ kind: 'symlink', target: file.key }) });
    out.push({ id: 'details', label: t('action.details'), run: c.showDetails });
  }
  out.push({ id: 'delete', label: t('action.deleteN', { count: items.length }), shortcut: 'Del', danger: true, separated: true, run: () => c.setDialog({ kind: 'delete', items }) });
  return out;
}
