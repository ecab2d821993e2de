/** Switches the UI language; the choice is remembered across restarts. */
import { useTranslation } from 'react-i18next';
import { changeLanguage, supportedLanguages, type LanguageCode } from '../../i18n';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('statusBar.language')}</span>
      <select
        aria-label={t('statusBar.language')}
        value={i18n.language}
        onChange={(event) => void changeLanguage(event.target.value as LanguageCode)}
      >
        {supportedLanguages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
