/** Number, size and date formatting for the browse views, following the UI language. */

export { formatBytes as humanSize, formatCount } from '../../lib/number-format';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

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
