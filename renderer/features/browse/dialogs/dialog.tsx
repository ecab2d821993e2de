/**
 * The modal frame every browse dialog uses: a labelled dialog with a focus trap, Escape to
 * close, and a footer of buttons.
 */
import { useEffect, useId, useRef, type ReactElement, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  children: ReactNode;
  footer: ReactNode;
  onClose(): void;
  wide?: boolean;
  testId?: string;
}

export function Dialog({ title, children, footer, onClose, wide, testId }: DialogProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    const first = el?.querySelector<HTMLElement>('[data-autofocus]') ?? el?.querySelector<HTMLElement>('input, select, textarea, button');
    first?.focus();
    return () => opener?.focus?.();
  }, []);
  return (
    <div className="browse-backdrop">
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        className={`browse-dialog${wide ? ' is-wide' : ''}`}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          }
          if (e.key === 'Tab' && ref.current) {
            const f = [...ref.current.querySelectorAll<HTMLElement>('input, select, textarea, button, [tabindex="0"]')].filter((x) => !x.hasAttribute('disabled'));
            if (f.length === 0) return;
            const i = f.indexOf(document.activeElement as HTMLElement);
            if (e.shiftKey && i <= 0) {
              e.preventDefault();
              f[f.length - 1]!.focus();
            } else if (!e.shiftKey && i === f.length - 1) {
              e.preventDefault();
              f[0]!.focus();
            }
          }
        }}
      >
        <h2 id={titleId} className="browse-dialog-title">
          {title}
        </h2>
        <div className="browse-dialog-body">{children}</div>
        <div className="browse-dialog-footer">{footer}</div>
      </div>
    </div>
  );
}
