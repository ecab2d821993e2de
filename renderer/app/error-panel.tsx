/**
 * Shows an AppError the way users need it: what happened, what to do next, and the IDs
 * support asks for (request ID, EC). Reused by every feature.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../shared/errors';

export interface ErrorPanelProps {
  error: AppError;
  onRetry?: () => void;
  onDismiss?: () => void;
  /** Smaller layout for inline use (e.g. inside a dialog). */
  compact?: boolean;
}

/** Text a user can paste into a support ticket (never contains secrets: main redacts). */
export function errorDetails(error: AppError): string {
  return [
    `Code: ${error.code}`,
    `Message: ${error.message}`,
    error.requestId ? `Request ID: ${error.requestId}` : '',
    error.ec ? `EC: ${error.ec}` : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/** An alert box with the error fields and optional retry/dismiss actions. */
export function ErrorPanel({ error, onRetry, onDismiss, compact = false }: ErrorPanelProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const messageId = useId();
  const hint = t(`errors:hint.${error.code}`, { defaultValue: error.hint ?? '' });

  const copy = () => {
    void navigator.clipboard?.writeText(errorDetails(error)).then(() => setCopied(true), () => setCopied(false));
  };

  return (
    <section className={compact ? 'error-panel error-panel--compact' : 'error-panel'} role="alert" aria-labelledby={messageId}>
      <h2 className="error-panel__title">{t('error.title')}</h2>
      <p className="error-panel__message" id={messageId}>
        {error.message}
      </p>
      {hint && (
        <p className="error-panel__hint">
          <strong>{t('error.whatToDo')}: </strong>
          {hint}
        </p>
      )}
      <dl className="error-panel__facts">
        <dt>{t('error.code')}</dt>
        <dd data-testid="error-code">{error.code}</dd>
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
      <div className="error-panel__actions">
        {onRetry && (
          <button type="button" className="button button--primary" onClick={onRetry}>
            {t('error.retry')}
          </button>
        )}
        <button type="button" className="button" onClick={copy}>
          {copied ? t('error.copied') : t('error.copy')}
        </button>
        {onDismiss && (
          <button type="button" className="button" onClick={onDismiss}>
            {t('error.dismiss')}
          </button>
        )}
      </div>
    </section>
  );
}
