/**
 * Every icon the app shows comes from lucide-react (inline SVG: the CSP allows no icon font,
 * and glyphs like ⧉ have no font on many systems). Icons are decorative: the button or
 * row around them carries the accessible name.
 */
import {
  ArrowLeft,
  CircleAlert,
  ArrowRight,
  ArrowUp,
  Bookmark,
  ChevronDown,
  ChevronUp,
  ClipboardPaste,
  Copy,
  File,
  FileArchive,
  FileCode,
  FileImage,
  FileMusic,
  FileSpreadsheet,
  FileSymlink,
  FileText,
  FileVideoCamera,
  Folder,
  FolderPlus,
  LayoutGrid,
  List,
  PanelRight,
  Pencil,
  Presentation,
  RefreshCw,
  Search,
  Settings,
  Star,
  Trash,
  X,
  type LucideIcon,
} from 'lucide-react';
import type { ReactElement } from 'react';

/** The named icons features use; add here rather than importing lucide-react directly. */
export const Icons = {
  alert: CircleAlert,
  back: ArrowLeft,
  forward: ArrowRight,
  up: ArrowUp,
  bookmark: Bookmark,
  bookmarked: Star,
  close: X,
  copy: Copy,
  delete: Trash,
  edit: Pencil,
  newFolder: FolderPlus,
  paste: ClipboardPaste,
  refresh: RefreshCw,
  search: Search,
  settings: Settings,
  list: List,
  grid: LayoutGrid,
  details: PanelRight,
  sortAsc: ChevronUp,
  sortDesc: ChevronDown,
} satisfies Record<string, LucideIcon>;

export type IconName = keyof typeof Icons;

/** One icon at the app's sizes (16 in rows and toolbars). */
export function Icon({ name, size = 16, className }: { name: IconName; size?: number; className?: string }): ReactElement {
  const C = Icons[name];
  return <C size={size} aria-hidden="true" focusable="false" className={['ui-icon', className].filter(Boolean).join(' ')} />;
}

export type FileKind = 'folder' | 'shortcut' | 'image' | 'video' | 'audio' | 'document' | 'sheet' | 'slides' | 'archive' | 'code' | 'pdf' | 'text' | 'other';

const EXT_KIND: Record<string, FileKind> = {};
const KIND_EXTS: Array<[FileKind, string]> = [
  ['image', 'png jpg jpeg gif webp bmp svg ico avif heic heif tif tiff psd raw'],
  ['video', 'mp4 webm ogv mov m4v avi mkv wmv flv mpg mpeg 3gp'],
  ['audio', 'mp3 wav ogg oga m4a aac flac opus wma amr mid midi'],
  ['document', 'doc docx odt rtf pages wps'],
  ['sheet', 'xls xlsx xlsm ods csv tsv numbers et'],
  ['slides', 'ppt pptx odp key dps'],
  ['archive', 'zip rar 7z tar gz tgz bz2 xz zst jar war iso dmg'],
  ['code', 'js mjs cjs ts tsx jsx json xml yaml yml toml ini py rb go rs java kt c h cpp hpp cs php sh bash zsh sql swift lua pl r scala vue svelte html htm css'],
  ['pdf', 'pdf'],
  ['text', 'txt md markdown log srt vtt conf cfg properties env'],
];
for (const [kind, exts] of KIND_EXTS) for (const e of exts.split(' ')) EXT_KIND[e] = kind;

/** The kind of file an extension (lower case, without the dot) suggests. */
export function fileKindOf(ext: string): FileKind {
  return EXT_KIND[ext.toLowerCase()] ?? 'other';
}

const KIND_ICON: Record<FileKind, LucideIcon> = {
  folder: Folder,
  shortcut: FileSymlink,
  image: FileImage,
  video: FileVideoCamera,
  audio: FileMusic,
  document: FileText,
  sheet: FileSpreadsheet,
  slides: Presentation,
  archive: FileArchive,
  code: FileCode,
  pdf: FileText,
  text: FileText,
  other: File,
};

/** The icon of a listing row or tile: folder, shortcut, or the file's kind. */
export function FileTypeIcon({ kind, size = 16 }: { kind: FileKind; size?: number }): ReactElement {
  const C = KIND_ICON[kind];
  return <C size={size} aria-hidden="true" focusable="false" data-kind={kind} className={`ui-icon ui-file-icon ui-file-icon--${kind}`} />;
}
