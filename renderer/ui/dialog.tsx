/**
 * The modal frame every dialog uses: a labelled dialog with a focus trap, Escape to close,
 * focus returned to the opener, and a footer of buttons. Keys do not leak to the page below.
 */
import { useEffect, useId, useRef, type ReactElement, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  children: ReactNode;
  footer: ReactNode;
  onClose(): void;
  wide?: boolean;
  testId?: string;
  /** Extra content right of the title (e.g. an icon button). */
  headerExtra?: ReactNode;
  /** 'alertdialog' for confirmations of something destructive. */
  role?: 'dialog' | 'alertdialog';
}

const TABBABLE = 'a[href], input:not([type="hidden"]), select, textarea, button, summary, [tabindex]:not([tabindex="-1"])';

/** Focusable elements inside `root` in tab order, skipping disabled and hidden ones. */
export function tabbables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((x) => !x.hasAttribute('disabled') && !x.closest('[hidden]') && x.tabIndex >= 0);
}

export function Dialog({ title, children, footer, onClose, wide, testId, headerExtra, role = 'dialog' }: DialogProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = ref.current;
    const opener = document.activeElement as HTMLElement | null;
    const first = el?.querySelector<HTMLElement>('[data-autofocus]') ?? (el ? tabbables(el)[0] : undefined);
    (first ?? el)?.focus();
    return () => {
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <div className="ui-backdrop">
      <div
        ref={ref}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
        className={`ui-dialog${wide ? ' ui-dialog--wide' : ''}`}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
            return;
          }
          if (e.key === 'Tab' && ref.current) {
            const f = tabbables(ref.current);
            if (f.length === 0) return e.preventDefault();
            const i = f.indexOf(document.activeElement as HTMLElement);
            if (e.shiftKey && i <= 0) {
              e.preventDefault();
              f[f.length - 1]!.focus();
            } else if (!e.shiftKey && (i === -1 || i === f.length - 1)) {
              e.preventDefault();
              f[0]!.focus();
            }
          }
        }}
      >
        <div className="ui-dialog__header">
          <h2 id={titleId} className="ui-dialog__title">
            {title}
          </h2>
          {headerExtra}
        </div>
        <div className="ui-dialog__body">{children}</div>
        <div className="ui-dialog__footer">{footer}</div>
      </div>
    </div>
  );
}
