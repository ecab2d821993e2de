/**
 * The first thing a new user sees: no profiles yet, and two ways forward. The buttons
 * call the commands the profiles feature provides; features may render this component
 * themselves with their own handlers.
 */
import { useTranslation } from 'react-i18next';
import { useShellCommands } from '../../app/shell-context';

export interface WelcomeEmptyStateProps {
  onAddProfile?: () => void;
  onTrySandbox?: () => void | Promise<void>;
}

export function WelcomeEmptyState(props: WelcomeEmptyStateProps) {
  const { t } = useTranslation();
  const commands = useShellCommands();
  const addProfile = props.onAddProfile ?? commands.addProfile;
  const trySandbox = props.onTrySandbox ?? commands.trySandbox;
  return (
    <section className="empty-state" aria-labelledby="welcome-title">
      <svg className="empty-state__art" viewBox="0 0 64 64" aria-hidden="true">
        <rect x="8" y="18" width="48" height="34" rx="6" />
        <path d="M8 26h48M20 10h24l6 8H14z" />
      </svg>
      <h1 id="welcome-title" className="empty-state__title">
        {t('welcome.title')}
      </h1>
      <p className="empty-state__body">{t('welcome.body')}</p>
      <div className="empty-state__actions">
        <button
          type="button"
          className="ui-button ui-button--primary"
          disabled={!addProfile}
          title={addProfile ? undefined : t('welcome.unavailable')}
          onClick={() => addProfile?.()}
        >
          {t('welcome.addProfile')}
        </button>
        <button
          type="button"
          className="ui-button"
          disabled={!trySandbox}
          title={trySandbox ? undefined : t('welcome.unavailable')}
          onClick={() => void trySandbox?.()}
        >
          {t('welcome.trySandbox')}
        </button>
      </div>
    </section>
  );
}
