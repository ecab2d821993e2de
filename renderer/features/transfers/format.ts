/**
 * Numbers a transfer row shows: sizes, speeds, time left and percentages, in the UI
 * language. Pure functions so the panel's wording is tested without React.
 */

import { formatBytes } from '../../lib/number-format';

export { formatBytes, formatCount } from '../../lib/number-format';

/** Bytes per second → "4.2 MB/s"; '' when nothing is moving. */
export function formatSpeed(bytesPerSecond: number): string {
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond <= 0) return '';
  return `${formatBytes(bytesPerSecond)}/s`;
}

/**
 * Seconds left at the current speed, or null when it cannot be told (no speed yet, or
 * nothing left to send). Rounded up: "1 s" left is never shown as "0 s".
 */
export function etaSeconds(totalBytes: number, doneBytes: number, bytesPerSecond: number): number | null {
  const left = totalBytes - doneBytes;
  if (!(bytesPerSecond > 0) || !(left > 0) || !Number.isFinite(left)) return null;
  return Math.ceil(left / bytesPerSecond);
}

/** The parts of a duration, largest first, at most two (e.g. 1 h 5 min, 3 min 20 s). */
export interface DurationParts {
  d?: number;
  h?: number;
  min?: number;
  s?: number;
}

/** Splits seconds into at most two units: 3725 → { h: 1, min: 2 }. */
export function durationParts(seconds: number): DurationParts {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return { s };
  if (s < 3600) return { min: Math.floor(s / 60), s: s % 60 };
  if (s < 86400) return { h: Math.floor(s / 3600), min: Math.floor((s % 3600) / 60) };
  return { d: Math.floor(s / 86400), h: Math.floor((s % 86400) / 3600) };
}

/** Unit labels per language: English spaces its units, Chinese writes them closed up. */
const DURATION_UNITS: Record<string, { d: string; h: string; min: string; s: string; sep: string }> = {
  en: { d: ' d', h: ' h', min: ' min', s: ' s', sep: ' ' },
  'zh-CN': { d: ' 天', h: ' 小时', min: ' 分', s: ' 秒', sep: ' ' },
};

/** 200 → "3 min 20 s" / "3 分 20 秒"; a zero second part is left out ("2 min"). */
export function formatDuration(seconds: number, lang: string): string {
  const u = DURATION_UNITS[lang] ?? DURATION_UNITS.en!;
  const p = durationParts(seconds);
  const out: string[] = [];
  for (const k of ['d', 'h', 'min', 's'] as const) {
    const v = p[k];
    if (v === undefined || (v === 0 && out.length > 0)) continue;
    out.push(`${v}${u[k]}`);
  }
  return out.join(u.sep);
}

/** Done/total → a whole percentage, never 100 before the last byte (99.6% shows 99). */
export function percent(doneBytes: number, totalBytes: number): number {
  if (!(totalBytes > 0)) return doneBytes > 0 ? 100 : 0;
  if (doneBytes >= totalBytes) return 100;
  return Math.max(0, Math.min(99, Math.floor((doneBytes / totalBytes) * 100)));
}
