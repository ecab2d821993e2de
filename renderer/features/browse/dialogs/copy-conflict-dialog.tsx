/**
 * "3 items already exist in photos/": asked before a paste, drag or "Move to…" would land
 * on names that are taken. Names the first few ("and N more") and offers Replace, Keep
 * both, Skip those and Cancel. Focus starts on Skip (nothing is replaced, nothing is lost);
 * Escape cancels.
 */
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button';
import { Dialog } from '../../../ui/dialog';
import { formatCount } from '../format';

export type CopyConflictChoice = 'replace' | 'keepBoth' | 'skip' | 'cancel';

/** Names listed in the dialog; the rest are "and N more". */
const NAMED = 5;

export interface CopyConflictDialogProps {
  /** Taken names in the target folder (folders end with '/'). */
  names: string[];
  /** The target as the user knows it (e.g. "oss://bucket/photos/"). */
  target: string;
  move: boolean;
  onChoose(choice: CopyConflictChoice): void;
}

export function CopyConflictDialog({ names, target, move, onChoose }: CopyConflictDialogProps): ReactElement {
  const { t, i18n } = useTranslation('browse');
  const n = (x: number) => formatCount(x, i18n.language);
  const count = names.length;
  return (
    <Dialog
      title={count === 1 ? t('conflict.titleOne', { name: names[0] }) : t('conflict.title', { n: n(count) })}
      onClose={() => onChoose('cancel')}
      testId="copy-conflict-dialog"
      role="alertdialog"
      wide
      footer={
        <>
          <Button onClick={() => onChoose('cancel')} data-testid="conflict-cancel">
            {t('action.cancel')}
          </Button>
          <Button tone="danger" onClick={() => onChoose('replace')} data-testid="conflict-replace">
            {t('conflict.replace', { count })}
          </Button>
          <Button onClick={() => onChoose('keepBoth')} data-testid="conflict-keep-both">
            {t('conflict.keepBoth')}
          </Button>
          <Button tone="primary" onClick={() => onChoose('skip')} data-testid="conflict-skip" data-autofocus>
            {t('conflict.skip', { count })}
          </Button>
        </>
      }
    >
      <p>{t(move ? 'conflict.messageMove' : 'conflict.messageCopy', { count, n: n(count), target })}</p>
      {count > 1 && (
        <ul className="browse-confirm__items" aria-label={t('conflict.itemsLabel')} data-testid="conflict-names">
          {names.slice(0, NAMED).map((name) => (
            <li key={name} className="browse-mono">
              {name}
            </li>
          ))}
          {count > NAMED && <li className="browse-muted">{t('delete.andMore', { n: n(count - NAMED) })}</li>}
        </ul>
      )}
      <p className="browse-muted">{t('conflict.help', { count })}</p>
    </Dialog>
  );
}
