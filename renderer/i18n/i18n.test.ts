import { describe, expect, it } from 'vitest';
import { collectResources, detectLanguage } from '.';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('i18n', () => {
  it('maps locale files to languages and namespaces', () => {
    const resources = collectResources({
      './locales/en.json': { default: { a: 1 } },
      './locales/zh-CN.json': { default: { a: 2 } },
      './locales/en/profiles.json': { default: { b: 3 } },
    });
    expect(resources).toEqual({ en: { common: { a: 1 }, profiles: { b: 3 } }, 'zh-CN': { common: { a: 2 } } });
  });

  it('prefers the saved language, then the OS language, then English', () => {
    expect(detectLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(detectLanguage('fr', ['zh-Hans-CN', 'en'])).toBe('zh-CN');
    expect(detectLanguage(null, ['en-GB'])).toBe('en');
    expect(detectLanguage(null, ['de-DE'])).toBe('en');
  });

  it('has every shell string in both English and Chinese', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
  });
});
