/**
 * The Settings screen: a dialog listing every section features registered (renderer/ui's
 * settings registry). This feature adds the two everyone has: Appearance (theme: system,
 * light, dark) and Language. Transfers adds its own section the same way.
 */
import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShellFeature } from '../../app/feature-registry';
import { changeLanguage, supportedLanguages, type LanguageCode } from '../../i18n';
import { setTheme, themeChoices, themeStore } from '../../lib/theme';
import { closeSettings, settingsStore } from '../../state/settings-store';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { EnumSelect } from '../../ui/enum-select';
import { addSettingsSection, useSettingsSections } from '../../ui/settings-registry';
import './settings.css';

function ThemeSetting(): ReactElement {
  const { t } = useTranslation('settings');
  const choice = themeStore.use((s) => s.choice);
  const id = useId();
  return (
    <div className="settings__row">
      <label htmlFor={id}>{t('theme.label')}</label>
      <EnumSelect id={id} value={choice} options={themeChoices} labelOf={(c) => t(`theme.${c}`)} onChange={setTheme} />
    </div>
  );
}

const languageCodes = supportedLanguages.map((l) => l.code);

function LanguageSetting(): ReactElement {
  const { t, i18n } = useTranslation('settings');
  const id = useId();
  const current = languageCodes.find((c) => c === i18n.language) ?? 'en';
  return (
    <div className="settings__row">
      <label htmlFor={id}>{t('language.label')}</label>
      <EnumSelect<LanguageCode>
        id={id}
        value={current}
        options={languageCodes}
        labelOf={(c) => supportedLanguages.find((l) => l.code === c)!.label}
        onChange={(c) => void changeLanguage(c)}
      />
    </div>
  );
}

addSettingsSection({ id: 'appearance', order: 10, title: (t) => t('settings:theme.title'), Component: ThemeSetting });
addSettingsSection({ id: 'language', order: 20, title: (t) => t('settings:language.title'), Component: LanguageSetting });

export function SettingsDialog(): ReactElement {
  const { t } = useTranslation('settings');
  const sections = useSettingsSections();
  return (
    <Dialog
      title={t('title')}
      onClose={closeSettings}
      testId="settings-dialog"
      footer={
        <Button tone="primary" onClick={closeSettings}>
          {t('done')}
        </Button>
      }
    >
      {sections.map(({ id, title, Component }) => (
        <section key={id} className="settings__section" aria-labelledby={`settings-${id}`} data-section={id}>
          <h3 id={`settings-${id}`} className="settings__heading">
            {title(t)}
          </h3>
          <Component />
        </section>
      ))}
    </Dialog>
  );
}

function SettingsOverlay(): ReactElement | null {
  const open = settingsStore.use((s) => s.open);
  return open ? <SettingsDialog /> : null;
}

export const feature: ShellFeature = {
  id: 'settings',
  order: 90,
  slots: { overlay: SettingsOverlay },
};
