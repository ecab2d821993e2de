/**
 * Share strings: English and Chinese have the same keys, every literal key the share code
 * asks for exists, the STS hints main sends match the English locale word for word and each
 * has its own Chinese text, and the menu offers the right actions for a selection.
 */
import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en/share.json';
import zh from '../../i18n/locales/zh-CN/share.json';
import enErrors from '../../i18n/locales/en/errors.json';
import zhErrors from '../../i18n/locales/zh-CN/errors.json';
import { grantErrorHints } from '../../../shared/share-hints';
import { qrPath } from './qr-code';
import { shareActions, shareDetailsActions } from './index';
import { detailsActions } from '../../state/browse-extensions';
import { shareStore } from './share-store';

type Tree = { [k: string]: string | Tree };
const flatten = (tree: Tree, prefix = ''): string[] => Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : flatten(v, `${prefix}${k}.`)));
const sources = import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./**/*.test.ts'], { query: '?raw', import: 'default', eager: true });

describe('share strings', () => {
  it('has the same keys in English and Simplified Chinese', () => {
    expect(flatten(zh as Tree).sort()).toEqual(flatten(en as Tree).sort());
  });

  it('defines every literal key the share code asks for', () => {
    const keys = new Set(flatten(en as Tree));
    const used = new Set<string>();
    for (const text of Object.values(sources)) for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !keys.has(k))).toEqual([]);
  });

  it('shows each STS failure with its own hint, the same English as main sends, and a Chinese one', () => {
    const enHints = (enErrors as unknown as { hint: Record<string, string> }).hint;
    const zhHints = (zhErrors as unknown as { hint: Record<string, string> }).hint;
    const codes = Object.keys(grantErrorHints) as Array<keyof typeof grantErrorHints>;
    for (const code of codes) {
      expect(enHints[code]).toBe(grantErrorHints[code]);
      expect(zhHints[code], code).toMatch(/[\u4e00-\u9fff]/);
      expect(zhHints[code]).toMatch(/[。：，]/);
    }
    expect(new Set(codes.map((c) => grantErrorHints[c])).size).toBe(codes.length);
  });
});

describe('share menu and QR code', () => {
  const ctx = { profileId: 'p', bucket: 'b', prefix: 'in/' };
  it('offers links for files, upload and access for a folder', () => {
    const files = shareActions({ ...ctx, items: [{ key: 'in/a.txt', isPrefix: false }, { key: 'in/b.txt', isPrefix: false }] }).map((i) => i.id);
    expect(files).toEqual(['share-links', 'share-history']);
    expect(shareActions({ ...ctx, items: [] }).map((i) => i.id)).toEqual(['share-upload', 'share-grant', 'share-history']);
    expect(shareActions({ ...ctx, items: [{ key: 'in/sub/', isPrefix: true }] }).map((i) => i.id)).toEqual(['share-upload', 'share-grant', 'share-history']);
  });

  it('puts share buttons in the details pane through its extension point', () => {
    expect(detailsActions({ profileId: 'p', bucket: 'b', key: 'in/a.txt', isFolder: false }).map((a) => a.id)).toEqual(['share-links']);
    expect(shareDetailsActions({ profileId: 'p', bucket: 'b', key: 'in/sub/', isFolder: true }).map((a) => a.id)).toEqual(['share-upload', 'share-grant']);
    shareDetailsActions({ profileId: 'p', bucket: 'b', key: 'in/sub/', isFolder: true })[1]!.run();
    expect(shareStore.get().dialog).toEqual({ kind: 'grant', target: { profileId: 'p', bucket: 'b', prefix: 'in/sub/', keys: [] } });
  });

  it('draws a QR code as one path with a quiet zone, longer text → more modules', () => {
    const small = qrPath('https://a.example/x');
    const big = qrPath(`https://bucket.oss-cn-hangzhou.aliyuncs.com/${'k'.repeat(300)}?x-oss-signature=abc`);
    expect(small.size).toBeGreaterThanOrEqual(21 + 8);
    expect(big.size).toBeGreaterThan(small.size);
    expect(small.d).toMatch(/^M\d+ \d+h1v1h-1z/);
    // Finder pattern: the top-left module (after the 4-module quiet zone) is dark.
    expect(small.d.startsWith('M4 4h1v1h-1z')).toBe(true);
  });
});
