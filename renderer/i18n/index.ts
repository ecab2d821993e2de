/**
 * i18n wiring. Strings live in JSON files found at build time:
 *   locales/<lang>.json        -> the "common" namespace (shell strings)
 *   locales/<lang>/<ns>.json   -> namespace <ns> (one per feature: profiles, browse…)
 * Adding a feature namespace is adding two files; nothing here changes.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const supportedLanguages = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '中文' },
] as const;

export type LanguageCode = (typeof supportedLanguages)[number]['code'];

const STORAGE_KEY = 'oss-browser.language';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** Groups globbed locale modules by language and namespace. */
export function collectResources(modules: Record<string, { default: Record<string, unknown> }>): Resources {
  const resources: Resources = {};
  for (const [file, mod] of Object.entries(modules)) {
    const match = /locales\/(?:([^/]+)\/([^/]+)|([^/]+))\.json$/.exec(file);
    if (!match) continue;
    const lang = match[1] ?? match[3]!;
    const ns = match[2] ?? 'common';
    (resources[lang] ??= {})[ns] = mod.default;
  }
  return resources;
}

const localeModules = import.meta.glob<{ default: Record<string, unknown> }>('./locales/**/*.json', { eager: true });

/** Picks the saved language, else the OS/browser language, else English. */
export function detectLanguage(saved: string | null, preferred: readonly string[]): LanguageCode {
  if (saved && supportedLanguages.some((l) => l.code === saved)) return saved as LanguageCode;
  for (const tag of preferred) {
    if (/^zh\b/i.test(tag)) return 'zh-CN';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'en';
}

function savedLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Initialises i18next once; returns the instance (tests call it too). */
export function initI18n(language?: LanguageCode): i18n {
  const resources = collectResources(localeModules);
  const lng = language ?? detectLanguage(savedLanguage(), navigator.languages ?? [navigator.language]);
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng,
      fallbackLng: 'en',
      defaultNS: 'common',
      ns: [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  } else if (language) {
    void i18next.changeLanguage(language);
  }
  document.documentElement.lang = i18next.language;
  return i18next;
}

/** Switches the UI language and remembers the choice. */
export async function changeLanguage(language: LanguageCode): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be unavailable; the choice then lasts for this session only.
  }
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}
