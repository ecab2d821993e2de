/**
 * "Delete 2,000 objects?": counts every object under the selected folders first, so the
 * confirmation names the real number, not the number of rows clicked, and names the first
 * few items ("and N more").
 */
import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../lib/oss-api';
import type { ActionContext, Item } from '../browse-actions';
import { formatCount, humanSize } from '../format';
import { ConfirmDialog } from './simple-dialogs';

/** Counting stops here so a confirmation for a huge folder comes quickly ("at least …"). */
const COUNT_LIMIT = 100_000;
/** Items named in the confirmation; the rest are "and N more". */
const NAMED = 5;

/** The display name of a key: its last segment, folders with a trailing '/'. */
function nameOf(key: string): string {
  return key.slice(key.lastIndexOf('/', key.length - 2) + 1);
}

export function DeleteConfirm({ ctx, items, onClose, onConfirm }: { ctx: ActionContext; items: Item[]; onClose(): void; onConfirm(): void }): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const [count, setCount] = useState<{ objects: number; bytes: number; complete: boolean } | null>(null);
  const [countFailed, setCountFailed] = useState(false);
  useEffect(() => {
    let live = true;
    const files = items.filter((i) => !i.isPrefix);
    let bytes = 0;
    for (const f of files) bytes += f.rowId >= 0 && ctx.model ? ctx.model.cols.sizes[f.rowId]! : 0;
    const folders = items.filter((i) => i.isPrefix);
    Promise.all(folders.map((i) => call('objects:count', { profileId: ctx.profileId, bucket: i.bucket, prefix: i.key, limit: COUNT_LIMIT }))).then(
      (counts) => {
        if (!live) return;
        const total = { objects: files.length, bytes, complete: true };
        for (const c of counts) {
          total.objects += c.objects;
          total.bytes += c.bytes;
          total.complete = total.complete && c.complete !== false;
        }
        setCount(total);
      },
      () => live && setCountFailed(true),
    );
    return () => {
      live = false;
    };
  }, [items, ctx.profileId, ctx.model]);
  const n = (x: number) => formatCount(x, i18n.language);
  const single = items.length === 1 ? nameOf(items[0]!.key) : '';
  let message: string;
  if (count && !count.complete) message = t('delete.confirmAtLeast', { n: n(count.objects), size: humanSize(count.bytes) });
  else if (count) message = t('delete.confirmCount', { count: count.objects, n: n(count.objects), size: humanSize(count.bytes) });
  else if (countFailed) message = t('delete.confirmItems', { count: items.length, n: n(items.length) });
  else message = t('delete.counting');
  return (
    <ConfirmDialog
      title={single ? t('delete.titleOne', { name: single }) : t('delete.title', { n: n(items.length) })}
      message={
        <>
          <p data-testid="delete-count" data-ready={!!count || countFailed}>
            {message}
          </p>
          {items.length > 1 && (
            <ul className="browse-confirm__items" aria-label={t('delete.itemsLabel')} data-testid="delete-names">
              {items.slice(0, NAMED).map((i) => (
                <li key={i.key}>{nameOf(i.key)}</li>
              ))}
              {items.length > NAMED && <li className="browse-muted">{t('delete.andMore', { n: n(items.length - NAMED) })}</li>}
            </ul>
          )}
          <p className="browse-muted">{t('delete.warning')}</p>
        </>
      }
      confirmLabel={count?.complete ? t('delete.submitCount', { count: count.objects, n: n(count.objects) }) : t('delete.submit')}
      danger
      onClose={onClose}
      onConfirm={onConfirm}
    />
  );
}
