import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en/browse.json';
import zh from '../../i18n/locales/zh-CN/browse.json';

type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v, `${prefix}${k}.`)));
}

/** Keys without plural suffixes: `items_one`/`items_other` → `items`. */
function baseKeys(tree: Tree): Set<string> {
  return new Set(flatten(tree).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
}

const sources = import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts', '!./**/*.test.tsx'], { query: '?raw', import: 'default', eager: true });

describe('browse strings', () => {
  const enKeys = baseKeys(en as Tree);
  const zhKeys = baseKeys(zh as Tree);

  it('has the same keys in English and Simplified Chinese', () => {
    expect([...enKeys].filter((k) => !zhKeys.has(k))).toEqual([]);
    expect([...zhKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('defines every literal key the browse code asks for', () => {
    const used = new Set<string>();
    for (const text of Object.values(sources)) {
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !enKeys.has(k)).sort()).toEqual([]);
  });

  it('covers every value of the keys built at run time', () => {
    for (const c of ['Standard', 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive']) expect(enKeys.has(`storageClass.${c}`)).toBe(true);
    for (const a of ['default', 'private', 'public-read', 'public-read-write']) {
      expect(enKeys.has(`acl.${a}`)).toBe(true);
      expect(enKeys.has(`acl.help.${a}`)).toBe(true);
    }
    for (const s of ['not-needed', 'archived', 'in-progress', 'restored']) expect(enKeys.has(`restore.${s}`)).toBe(true);
    for (const e of ['scheme', 'bucket', 'leadingSlash', 'tooLong']) expect(enKeys.has(`address.error.${e}`)).toBe(true);
    for (const p of ['length', 'chars', 'hyphenEdge']) expect(enKeys.has(`bucket.problem.${p}`)).toBe(true);
    for (const c of ['name', 'size', 'modified', 'type', 'storageClass']) expect(enKeys.has(`column.${c}`)).toBe(true);
  });
});
