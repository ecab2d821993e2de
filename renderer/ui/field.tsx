/**
 * A labelled form field: the label, the control, a hint and the field's own error right
 * under it (announced, linked with aria-describedby, aria-invalid on the control). The
 * control is rendered by the caller with the props it is given, so any input fits.
 */
import { useId, type ReactElement, type ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

export interface FieldProps {
  label: ReactNode;
  /** A translated problem with the value, shown under the control. */
  error?: string | null;
  hint?: ReactNode;
  className?: string;
  children(control: ControlProps): ReactNode;
}

export function Field({ label, error, hint, className, children }: FieldProps): ReactElement {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={['ui-field', error ? 'ui-field--invalid' : '', className].filter(Boolean).join(' ')}>
      <label className="ui-field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': !!error, ...(described ? { 'aria-describedby': described } : {}) })}
      {hint && (
        <p className="ui-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="ui-field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Focuses the first control marked invalid inside `root` (after a failed submit). */
export function focusFirstInvalid(root: HTMLElement | null): boolean {
  const el = root?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (!el) return false;
  el.focus();
  el.scrollIntoView?.({ block: 'nearest' });
  return true;
}
