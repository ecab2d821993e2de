/**
 * Shows an AppError the way users need it: a plain sentence, the address it is about (kept
 * apart from the translated text), what to do next, optional
 * actions (Try again, Edit profile…), and, folded away, the code, raw message, request ID
 * and EC that support asks for, with "Copy details". Reused by every feature.
 */
import { useId, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors';
import { Button } from './button';
import { CopyButton } from './copy-button';
import { errorDetails, plainHint, plainMessage } from './error-text';

export { errorDetails } from './error-text';

export interface ErrorPanelProps {
  error: AppError;
  onRetry?: () => void;
  onDismiss?: () => void;
  /** Smaller layout for inline use (e.g. inside a dialog or the sidebar). */
  compact?: boolean;
  /** Extra buttons next to Try again (e.g. "Edit profile"). */
  actions?: ReactNode;
}

export function ErrorPanel({ error, onRetry, onDismiss, compact = false, actions }: ErrorPanelProps): ReactElement {
  const { t } = useTranslation('ui');
  const messageId = useId();
  const message = plainMessage(t, error);
  const hint = plainHint(t, error);
  return (
    <section className={compact ? 'ui-error ui-error--compact' : 'ui-error'} role="alert" aria-labelledby={messageId} data-error-code={error.code}>
      <p className="ui-error__title">{t('error.title')}</p>
      <p className="ui-error__message" id={messageId} data-testid="error-message">
        {message}
      </p>
      {error.host && (
        <p className="ui-error__host" data-testid="error-host">
          <strong>{t('error.host')}: </strong>
          <code>{error.host}</code>
        </p>
      )}
      {hint && (
        <p className="ui-error__hint">
          <strong>{t('error.whatToDo')}: </strong>
          {hint}
        </p>
      )}
      <details className="ui-error__details">
        <summary>{t('error.details')}</summary>
        <dl className="ui-error__facts">
          <dt>{t('error.code')}</dt>
          <dd data-testid="error-code">{error.code}</dd>
          {error.message !== message && (
            <>
              <dt>{t('error.message')}</dt>
              <dd data-testid="error-raw-message">{error.message}</dd>
            </>
          )}
          {error.requestId && (
            <>
              <dt>{t('error.requestId')}</dt>
              <dd data-testid="error-request-id">{error.requestId}</dd>
            </>
          )}
          {error.ec && (
            <>
              <dt>{t('error.ec')}</dt>
              <dd data-testid="error-ec">{error.ec}</dd>
            </>
          )}
        </dl>
      </details>
      <div className="ui-error__actions">
        {onRetry && (
          <Button tone="primary" small={compact} onClick={onRetry}>
            {t('error.retry')}
          </Button>
        )}
        {actions}
        <CopyButton small={compact} text={() => errorDetails(error)} />
        {onDismiss && (
          <Button small={compact} onClick={onDismiss}>
            {t('error.dismiss')}
          </Button>
        )}
      </div>
    </section>
  );
}
