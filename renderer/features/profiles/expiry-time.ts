/** Conversions between the ISO instant main keeps and the date-time picker's local value. */
const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → the picker's local "YYYY-MM-DDTHH:mm:ss" ('' when empty or unreadable). */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The picker's local value → an ISO instant ('' when cleared). */
export function localInputToIso(local: string): string {
  if (!local) return '';
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace(/\.000Z$/, 'Z');
}

/** "in 3 hours" / "3小时后", "2 days ago": the largest unit that fits, in the UI language. */
export function timeLeft(iso: string, now: number, lang: string): string {
  const ms = new Date(iso).getTime() - now;
  const abs = Math.abs(ms);
  const fmt = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (abs >= 86_400_000) return fmt.format(Math.round(ms / 86_400_000), 'day');
  if (abs >= 3_600_000) return fmt.format(Math.round(ms / 3_600_000), 'hour');
  return fmt.format(Math.round(ms / 60_000), 'minute');
}
