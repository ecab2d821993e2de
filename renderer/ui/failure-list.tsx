/**
 * A partial failure, said plainly: "2 items could not be changed", one line per error code
 * with what to do, and the items themselves (key, problem, request ID) folded away with
 * "Copy details". Used by every long operation (delete, copy, transfers…).
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors';
import { CopyButton } from './copy-button';
import { plainHint, plainMessage } from './error-text';

/** One item that failed (shape of shared/object-types FailedKey). */
export interface Failure {
  key: string;
  code: string;
  message: string;
  requestId?: string;
  ec?: string;
}

export interface FailureListProps {
  failures: readonly Failure[];
  /** All failures, when `failures` holds only the first of many. */
  total?: number;
  /** Rows shown in the details table (the copy holds all of `failures`). */
  limit?: number;
  /** What was being done to the files: the summary says so ("3 files could not be deleted."). */
  action?: 'delete' | 'copy' | 'move' | 'rename';
}

const SUMMARY_KEY = { delete: 'failures.summaryDelete', copy: 'failures.summaryCopy', move: 'failures.summaryMove', rename: 'failures.summaryRename' } as const;

/** Tab-separated lines a user can paste into a ticket or a spreadsheet. */
export function failureDetails(failures: readonly Failure[]): string {
  return ['Key\tCode\tMessage\tRequest ID\tEC', ...failures.map((f) => [f.key, f.code, f.message, f.requestId ?? '', f.ec ?? ''].join('\t'))].join('\n');
}

/** Failures grouped by code, most frequent first. */
export function groupByCode(failures: readonly Failure[]): Array<{ code: string; count: number; sample: Failure }> {
  const groups = new Map<string, { code: string; count: number; sample: Failure }>();
  for (const f of failures) {
    const g = groups.get(f.code);
    if (g) g.count++;
    else groups.set(f.code, { code: f.code, count: 1, sample: f });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

export function FailureList({ failures, total, limit = 500, action }: FailureListProps): ReactElement {
  const { t, i18n } = useTranslation('ui');
  const count = total ?? failures.length;
  const fmt = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  return (
    <div className="ui-failures" data-testid="failures">
      <p className="ui-failures__summary" data-testid="failures-summary">
        {t(action ? SUMMARY_KEY[action] : 'failures.summary', { count, n: fmt(count) })}
      </p>
      <ul className="ui-failures__reasons">
        {groupByCode(failures).map(({ code, count: c, sample }) => {
          const err: AppError = { code, message: sample.message };
          const hint = plainHint(t, err);
          return (
            <li key={code} data-code={code}>
              <strong>{t('failures.reason', { count: c, n: fmt(c), reason: plainMessage(t, err) })}</strong>
              {hint && <span className="ui-failures__hint"> {hint}</span>}
            </li>
          );
        })}
      </ul>
      <details className="ui-failures__details">
        <summary>{t('failures.showItems', { count: failures.length, n: fmt(failures.length) })}</summary>
        <table className="ui-failures__table" data-testid="failed-keys">
          <thead>
            <tr>
              <th scope="col">{t('failures.item')}</th>
              <th scope="col">{t('failures.problem')}</th>
              <th scope="col">{t('error.requestId')}</th>
            </tr>
          </thead>
          <tbody>
            {failures.slice(0, limit).map((f) => (
              <tr key={f.key}>
                <td className="ui-mono">{f.key}</td>
                <td>
                  <span className="ui-mono">{f.code}</span> {f.message}
                </td>
                <td className="ui-mono">{f.requestId ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {failures.length > limit && <p className="ui-muted">{t('failures.more', { n: fmt(failures.length - limit) })}</p>}
      </details>
      <CopyButton small text={() => failureDetails(failures)} />
    </div>
  );
}
