/**
 * What a transfer row and the panel header say, as plain strings: state, percentage,
 * speed, time left and the notes users of other tools miss ("resumed at 63%", "verified",
 * "retrying: no data for a while"). Kept apart from React so every wording is testable.
 */
import type { TFunction } from 'i18next';
import type { TransferItem, TransferTotals } from '../../../../shared/contract/transfers';
import type { AppError } from '../../../../shared/errors';
import { plainHint, plainMessage } from '../../../ui/error-text';
import { etaSeconds, formatBytes, formatCount, formatDuration, formatSpeed, percent } from '../format';

/** The item's name to show: the local file for uploads, the object's last segment for downloads. */
export function itemName(it: TransferItem): string {
  if (it.direction === 'upload') return it.localName;
  const k = it.key.endsWith('/') ? it.key.slice(0, -1) : it.key;
  return k.slice(k.lastIndexOf('/') + 1) || it.key;
}

/** Where the item goes (uploads) or comes from (downloads), for the second line. */
export function itemRoute(it: TransferItem, t: TFunction): string {
  const folder = it.key.slice(0, it.key.lastIndexOf('/') + 1);
  return it.direction === 'upload'
    ? t('route.upload', { target: `oss://${it.bucket}/${folder}` })
    : t('route.download', { source: `oss://${it.bucket}/${it.key}`, folder: it.localFolder });
}

/** "45 MB of 200 MB", or only what moved while the size is unknown. */
export function sizeText(it: Pick<TransferItem, 'size' | 'transferred'>, t: TFunction): string {
  return it.size === null ? formatBytes(it.transferred) : t('row.sizeOf', { done: formatBytes(it.transferred), total: formatBytes(it.size) });
}

/**
 * A failure in the user's language: transfer-specific codes (checksum, stall, a file that
 * changed, disk full…) from our strings; OSS and network codes through the shared describer.
 */
export function errorText(error: AppError, t: TFunction): { message: string; hint: string } {
  const own = t(`error.${error.code}.message`, { defaultValue: '' });
  if (own) return { message: own, hint: t(`error.${error.code}.hint`, { defaultValue: '' }) };
  return { message: plainMessage(t, error), hint: plainHint(t, error) };
}

/** The state line: "Uploading · 45% · 4.2 MB/s · 2 min left", "Verified", "Failed: …". */
export function statusText(it: TransferItem, t: TFunction, lang: string): string {
  const pct = percent(it.transferred, it.size ?? 0);
  switch (it.state) {
    case 'running': {
      const parts = [t(it.direction === 'upload' ? 'state.uploading' : 'state.downloading'), `${pct}%`];
      const speed = formatSpeed(it.speed);
      if (speed) parts.push(speed);
      const eta = it.etaSeconds ?? (it.size !== null ? etaSeconds(it.size, it.transferred, it.speed) : null);
      if (eta !== null) parts.push(t('row.left', { time: formatDuration(eta, lang) }));
      return parts.join(' · ');
    }
    case 'paused':
      return t('state.pausedAt', { percent: pct });
    case 'done':
      return it.verified ? t('state.verified') : t('state.doneUnverified');
    case 'skipped':
      return it.note?.kind === 'skipped' && it.note.reason === 'identical' ? t('state.skippedIdentical') : t('state.skippedExists');
    case 'failed':
      return it.error ? t('state.failedWith', { message: errorText(it.error, t).message }) : t('state.failed');
    default:
      return t(`state.${it.state}`);
  }
}

/** The note beside the state, when there is one ("Resumed at 63%", "Retrying: …"). */
export function noteText(it: TransferItem, t: TFunction): string {
  const n = it.note;
  if (!n) return '';
  switch (n.kind) {
    case 'resumed':
      return t('note.resumed', { percent: n.percent });
    case 'retrying':
      return t(`note.retry.${n.reason}`, { attempt: n.attempt });
    case 'renamed':
      return t('note.renamed', { name: n.to });
    default:
      // 'skipped' is already in the state line.
      return '';
  }
}

/** The panel header: files and bytes done, speed, time left, and folders still being counted. */
export function totalsText(s: TransferTotals, t: TFunction, lang: string): string {
  if (s.items === 0) return t('totals.empty');
  const parts = [t('totals.files', { done: formatCount(s.done, lang), count: s.items, total: formatCount(s.items, lang) })];
  if (s.bytesTotal > 0) parts.push(t('row.sizeOf', { done: formatBytes(s.bytesDone), total: formatBytes(s.bytesTotal) }));
  if (s.active > 0) {
    const speed = formatSpeed(s.speed);
    if (speed) parts.push(speed);
    const eta = s.walking > 0 ? null : etaSeconds(s.bytesTotal, s.bytesDone, s.speed);
    if (eta !== null) parts.push(t('row.left', { time: formatDuration(eta, lang) }));
  }
  if (s.failed > 0) parts.push(t('totals.failed', { count: s.failed, n: formatCount(s.failed, lang) }));
  if (s.walking > 0) parts.push(t('totals.walking'));
  return parts.join(' · ');
}

/** The short status-bar label: "Transfers: 45%" while running, "Transfers" when idle. */
export function statusBarText(s: TransferTotals, t: TFunction, lang: string): string {
  if (s.active + s.queued === 0) return s.failed > 0 ? t('statusBar.failed', { count: s.failed, n: formatCount(s.failed, lang) }) : t('statusBar.idle');
  const count = s.active + s.queued;
  return t('statusBar.running', { count, n: formatCount(count, lang), percent: percent(s.bytesDone, s.bytesTotal) });
}
