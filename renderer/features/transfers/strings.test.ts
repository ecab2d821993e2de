import { describe, expect, it } from 'vitest';
import { TRANSFER_STATES, CONFLICT_POLICIES } from '../../../shared/contract/transfers';
import en from '../../i18n/locales/en/transfers.json';
import zh from '../../i18n/locales/zh-CN/transfers.json';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[prefix + k, v] as [string, string]] : flatten(v, `${prefix}${k}.`)));
}

/** Keys without plural suffixes: `files_one`/`files_other` → `files` (Chinese has only _other). */
function baseKeys(tree: Tree): Set<string> {
  return new Set(flatten(tree).map(([k]) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
}

const sources = import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts', '!./**/*.test.tsx'], { query: '?raw', import: 'default', eager: true });

describe('transfers strings', () => {
  const enKeys = baseKeys(en as Tree);
  const zhKeys = baseKeys(zh as Tree);

  it('has the same keys in English and Simplified Chinese', () => {
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('defines every literal key the transfers code asks for', () => {
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !enKeys.has(k)).sort()).toEqual([]);
  });

  it('covers every state and conflict policy named at run time', () => {
    for (const s of TRANSFER_STATES) expect(enKeys.has(`state.${s}`)).toBe(true);
    for (const p of CONFLICT_POLICIES) expect(enKeys.has(`settings.conflict.${p}`)).toBe(true);
    for (const p of CONFLICT_POLICIES.filter((x) => x !== 'ask')) {
      expect(enKeys.has(`conflict.${p}`)).toBe(true);
      expect(enKeys.has(`conflict.${p}Help`)).toBe(true);
    }
    for (const r of ['stalled', 'network', 'server', 'integrity']) expect(enKeys.has(`note.retry.${r}`)).toBe(true);
  });

  it('writes Chinese with full-width punctuation', () => {
    for (const [key, text] of flatten(zh as Tree)) {
      // A comma, colon, semicolon or question mark after a Chinese character must be full-width.
      expect(/[\u4e00-\u9fff][,:;?!]/.test(text), `${key}: ${text}`).toBe(false);
      expect(/[\u4e00-\u9fff]\.(\s|$)/.test(text), `${key}: ${text}`).toBe(false);
    }
  });
});
