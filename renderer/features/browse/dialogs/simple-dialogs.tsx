/** Name entry (new folder, rename, move, symlink) and confirmation dialogs. */
import { useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../../ui/error-panel';
import { Dialog } from '../../../ui/dialog';
import { useSubmit } from '../../../ui/use-submit';

export interface NameDialogProps {
  title: string;
  label: string;
  initial: string;
  submitLabel: string;
  /** A translated problem with the value, or null when it is acceptable. */
  validate(value: string): string | null;
  onSubmit(value: string): Promise<void>;
  onClose(): void;
  /** Extra fields or notes under the input. */
  children?: ReactNode;
  /** Characters of `initial` to select (e.g. the name without its extension). */
  selectTo?: number;
}

export function NameDialog(p: NameDialogProps): ReactElement {
  const { t } = useTranslation('browse');
  const [value, setValue] = useState(p.initial);
  const { busy, error, run } = useSubmit();
  const problem = p.validate(value);
  const submit = () => {
    if (problem || busy) return;
    void run(() => p.onSubmit(value));
  };
  return (
    <Dialog
      title={p.title}
      onClose={p.onClose}
      testId="name-dialog"
      footer={
        <>
          <button type="button" className="ui-button" onClick={p.onClose}>
            {t('action.cancel')}
          </button>
          <button type="button" className="ui-button ui-button--primary" disabled={!!problem || busy} onClick={submit}>
            {p.submitLabel}
          </button>
        </>
      }
    >
      <label className="ui-field">
        <span>{p.label}</span>
        <input
          data-autofocus
          value={value}
          spellCheck={false}
          aria-invalid={!!problem}
          onChange={(e) => setValue(e.target.value)}
          onFocus={(e) => e.target.setSelectionRange(0, p.selectTo ?? e.target.value.length)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit();
          }}
        />
      </label>
      {problem && value !== '' && (
        <p className="ui-field__error" role="alert">
          {problem}
        </p>
      )}
      {p.children}
      {error && <ErrorPanel error={error} compact />}
    </Dialog>
  );
}

export interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): Promise<void> | void;
  onClose(): void;
}

export function ConfirmDialog(p: ConfirmDialogProps): ReactElement {
  const { t } = useTranslation('browse');
  const { busy, error, run } = useSubmit();
  return (
    <Dialog
      title={p.title}
      onClose={p.onClose}
      testId="confirm-dialog"
      footer={
        <>
          <button type="button" className="ui-button" onClick={p.onClose} data-autofocus>
            {t('action.cancel')}
          </button>
          <button
            type="button"
            className={`ui-button ${p.danger ? 'ui-button--danger' : 'ui-button--primary'}`}
            disabled={busy}
            onClick={() => void run(async () => p.onConfirm())}
          >
            {p.confirmLabel}
          </button>
        </>
      }
    >
      <div className="browse-confirm__message">{p.message}</div>
      {error && <ErrorPanel error={error} compact />}
    </Dialog>
  );
}
