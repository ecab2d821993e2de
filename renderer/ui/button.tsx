/**
 * Buttons: text buttons in three tones, and icon buttons that always carry an accessible
 * name and a visible tooltip (shown on hover and on keyboard focus, not only `title`).
 */
import { forwardRef, type ButtonHTMLAttributes, type ReactElement, type ReactNode } from 'react';

export type ButtonTone = 'default' | 'primary' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  tone?: ButtonTone;
  small?: boolean;
  /** An icon shown before the label. */
  icon?: ReactNode;
}

/** The class list for a button, for places that need a plain <button> or <a>. */
export function buttonClass(tone: ButtonTone = 'default', small = false, extra?: string): string {
  return ['ui-button', tone !== 'default' && `ui-button--${tone}`, small && 'ui-button--small', extra].filter(Boolean).join(' ');
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button({ tone = 'default', small = false, icon, className, children, type, ...rest }, ref): ReactElement {
  return (
    <button ref={ref} type={type ?? 'button'} className={buttonClass(tone, small, className)} {...rest}>
      {icon}
      {children}
    </button>
  );
});

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'aria-label' | 'children'> {
  /** The accessible name, and the tooltip text unless `tooltip` is given. */
  label: string;
  /** A longer tooltip (e.g. with the keyboard shortcut). */
  tooltip?: string;
  icon: ReactNode;
  /** Where the tooltip opens (default below). */
  tooltipSide?: 'below' | 'above' | 'left';
}

export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton({ label, tooltip, icon, tooltipSide = 'below', className, type, ...rest }, ref): ReactElement {
  return (
    <button
      ref={ref}
      type={type ?? 'button'}
      aria-label={label}
      data-tooltip={tooltip ?? label}
      data-tooltip-side={tooltipSide}
      className={['ui-icon-button', className].filter(Boolean).join(' ')}
      {...rest}
    >
      {icon}
    </button>
  );
});
