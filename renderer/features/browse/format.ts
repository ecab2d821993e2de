/** Number, size and date formatting for the browse views, following the UI language. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** 1536 → "1.5 KB" (binary multiples, the way file managers show sizes). */
export function humanSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${bytes} B` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ${UNITS[u]}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** 12000 → "12,000" in the UI language. */
export function formatCount(n: number, lang: string): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang);
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

/** Epoch ms → a short local date and time; '' for 0 (folders). */
export function formatDate(ms: number, lang: string): string {
  if (!ms) return '';
  let f = dateFormats.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    dateFormats.set(lang, f);
  }
  return f.format(ms);
}

const IMAGE = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'svg', 'ico', 'avif']);
const AUDIO = new Set(['mp3', 'wav', 'ogg', 'oga', 'm4a', 'aac', 'flac', 'opus']);
const VIDEO = new Set(['mp4', 'webm', 'ogv', 'mov', 'm4v']);
const TEXT = new Set([
  'txt', 'md', 'markdown', 'json', 'xml', 'csv', 'tsv', 'log', 'yaml', 'yml', 'toml', 'ini', 'conf', 'cfg', 'html', 'htm', 'css', 'js', 'mjs', 'cjs', 'ts',
  'tsx', 'jsx', 'py', 'rb', 'go', 'rs', 'java', 'kt', 'c', 'h', 'cpp', 'hpp', 'cs', 'php', 'sh', 'bash', 'zsh', 'sql', 'swift', 'lua', 'pl', 'r',
  'scala', 'vue', 'svelte', 'properties', 'env', 'gitignore', 'dockerfile', 'makefile', 'srt', 'vtt',
]);

export type PreviewKind = 'image' | 'audio' | 'video' | 'pdf' | 'text' | 'none';

/** Which viewer a file opens in, from its extension. */
export function previewKindOf(ext: string): PreviewKind {
  if (IMAGE.has(ext)) return 'image';
  if (AUDIO.has(ext)) return 'audio';
  if (VIDEO.has(ext)) return 'video';
  if (ext === 'pdf') return 'pdf';
  if (TEXT.has(ext)) return 'text';
  return 'none';
}
