/** Sizes and counts as every feature shows them (browse rows, the transfer panel), in the UI language. */

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

/** 1536 → "1.5 KB" (binary multiples, the way file managers show sizes); '' for a negative or unknown size. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${Math.round(bytes)} B` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ${UNITS[u]}`;
}

const countFormats = new Map<string, Intl.NumberFormat>();

/** 12000 → "12,000" in the UI language. */
export function formatCount(n: number, lang: string): string {
  let f = countFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang);
    countFormats.set(lang, f);
  }
  return f.format(n);
}
