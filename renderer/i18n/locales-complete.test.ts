/**
 * zh-CN is complete and typographically Chinese: every key of every English namespace file
 * exists in zh-CN (i18next plural forms count as the key), no zh-CN string is left in
 * English, and zh-CN strings use full-width punctuation next to Chinese text (URLs aside).
 */
import { describe, expect, it } from 'vitest';

const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/**/*.json', { eager: true });

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value !== 'object' || value === null) return { [prefix]: String(value) };
  return Object.assign({}, ...Object.entries(value).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

/** `a.b_one` / `a.b_other` → `a.b` (languages differ in plural forms). */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

function namespaces(lang: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [file, mod] of Object.entries(files)) {
    const m = /locales\/(?:([^/]+)\/([^/]+)|([^/]+))\.json$/.exec(file)!;
    if ((m[1] ?? m[3]) !== lang) continue;
    out[m[2] ?? 'common'] = flatten(mod.default);
  }
  return out;
}

const en = namespaces('en');
const zh = namespaces('zh-CN');
const CJK = /[\u3400-\u9fff]/;
/** ASCII punctuation touching a Chinese character (either side). */
const MIXED = /[\u3400-\u9fff][,;:!?()]|[,;:!?(]\s*[\u3400-\u9fff]|[\u3400-\u9fff]\.(\s|$)/;
/** Values that are the same in both languages on purpose (names, codes, units). */
const SAME_OK = /^(EC|ETag|CRC64|URL|ID|OSS Browser|English|中文|[A-Z][A-Za-z]* ID|[A-Z0-9 ._/:{}\-…()]+|\{\{[^}]+\}\}.*)$/;

describe('zh-CN translations', () => {
  it('has every namespace and every key English has', () => {
    const missing: string[] = [];
    for (const [ns, keys] of Object.entries(en)) {
      const zhKeys = new Set(Object.keys(zh[ns] ?? {}).map(base));
      for (const k of Object.keys(keys)) if (!zhKeys.has(base(k))) missing.push(`${ns}:${k}`);
    }
    expect(missing).toEqual([]);
  });

  it('leaves no English sentence untranslated', () => {
    const english: string[] = [];
    for (const [ns, keys] of Object.entries(zh)) {
      for (const [k, v] of Object.entries(keys)) {
        if (!CJK.test(v) && /[a-z]{3,}\s+[a-z]{2,}/i.test(v) && !SAME_OK.test(v) && en[ns]?.[k] === v) english.push(`${ns}:${k} = ${v}`);
      }
    }
    expect(english).toEqual([]);
  });

  it('uses full-width punctuation next to Chinese text', () => {
    const mixed = Object.entries(zh).flatMap(([ns, keys]) => Object.entries(keys).filter(([, v]) => MIXED.test(v.replace(/https?:\/\/\S+/g, ''))).map(([k, v]) => `${ns}:${k} = ${v}`));
    expect(mixed).toEqual([]);
  });
});
