/**
 * Profile and credential errors show their hint in the user's language: the error panel
 * looks up errors:hint.<code> (dotted STS codes included) and falls back to main's English.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { profileErrorHints } from '../../../shared/profile-types';
import { ErrorPanel } from '../../ui/error-panel';
import { changeLanguage, initI18n } from '../../i18n';
import en from '../../i18n/locales/en/errors.json';
import zhCN from '../../i18n/locales/zh-CN/errors.json';

/** Codes whose English hint main words per platform or cause: translated, not in en. */
const CONTEXTUAL = ['KeychainUnavailable', 'InvalidEndpoint'];
const CJK = /[\u4e00-\u9fff]/;

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function shownHint(code: string, englishFromMain: string): string {
  render(<ErrorPanel error={{ code, message: 'm', hint: englishFromMain }} />);
  const text = screen.getByRole('alert').querySelector('.ui-error__hint')?.textContent ?? '';
  cleanup();
  return text;
}

beforeAll(() => {
  initI18n('en');
});
afterEach(async () => {
  cleanup();
  await changeLanguage('en');
});

describe('profile error hints', () => {
  const codes = Object.keys(profileErrorHints) as Array<keyof typeof profileErrorHints>;

  it('every English hint in the locale file is the text main sends, and zh-CN translates every English key', () => {
    for (const code of codes) expect(keys(en).includes(`hint.${code}`) ? code : `missing ${code}`).toBe(code);
    const zhKeys = new Set(keys(zhCN));
    expect(keys(en).filter((k) => !zhKeys.has(k))).toEqual([]);
    for (const code of CONTEXTUAL) expect(zhKeys.has(`hint.${code}`)).toBe(true);
  });

  it('shows each profile code\'s hint in English and in Chinese, dotted STS codes included', async () => {
    for (const code of codes) expect(shownHint(code, 'fallback')).toContain(profileErrorHints[code]);
    await changeLanguage('zh-CN');
    for (const code of [...codes, ...CONTEXTUAL]) {
      const hint = shownHint(code, 'English from main');
      expect([code, CJK.test(hint)]).toEqual([code, true]);
    }
    expect(shownHint('AuthenticationFail.OIDCToken.Expired', 'x')).toMatch(/OIDC 令牌已过期/);
  });

  it('keeps main\'s own English for the contextual codes, which vary by platform', () => {
    expect(shownHint('KeychainUnavailable', 'Open Keychain Access, unlock the login keychain.')).toContain('Open Keychain Access, unlock the login keychain.');
  });
});
