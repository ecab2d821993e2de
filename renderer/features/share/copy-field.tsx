/** A read-only value with a Copy button that says whether the copy worked. */
import { useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText } from '../../lib/clipboard';

export function CopyField({ label, value, multiline, testId }: { label: string; value: string; multiline?: boolean; testId?: string }): ReactElement {
  const { t } = useTranslation('share');
  const id = useId();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    copyText(value).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  return (
    <div className="share-copy-field" data-testid={testId}>
      <label htmlFor={id}>{label}</label>
      <div className="share-copy-row">
        {multiline ? (
          <textarea id={id} readOnly rows={3} value={value} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
        ) : (
          <input id={id} readOnly value={value} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
        )}
        <button type="button" className="ui-button" onClick={() => void copy()} aria-label={`${t('common.copy')}: ${label}`}>
          {state === 'copied' ? t('common.copied') : t('common.copy')}
        </button>
      </div>
      {state === 'failed' && <p role="alert">{t('common.copyFailed')}</p>}
    </div>
  );
}
