import { describe, expect, it } from 'vitest';
import { BINARY_SNIFF_BYTES, decodeText, looksBinary } from './text-decoding';

const gbk = (s: string): Uint8Array => {
  // 中文测试 in GBK, built from known code points so the test does not need an encoder.
  const table: Record<string, number[]> = { 中: [0xd6, 0xd0], 文: [0xce, 0xc4], 测: [0xb2, 0xe2], 试: [0xca, 0xd4] };
  return Uint8Array.from([...s].flatMap((c) => table[c] ?? [c.charCodeAt(0)]));
};

describe('decodeText', () => {
  it('decodes UTF-8 with and without a BOM', () => {
    const text = 'héllo 中文 😀';
    expect(decodeText(new TextEncoder().encode(text), false)).toEqual({ text, encoding: 'utf-8' });
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeText(withBom, false)).toEqual({ text, encoding: 'utf-8' });
  });

  it('detects GBK text as gb18030', () => {
    expect(decodeText(gbk('中文测试 ok'), false)).toEqual({ text: '中文测试 ok', encoding: 'gb18030' });
  });

  it('decodes UTF-16 by BOM', () => {
    const le = Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0x2d, 0x4e]);
    expect(decodeText(le, false)).toEqual({ text: 'A中', encoding: 'utf-16le' });
    const be = Uint8Array.from([0xfe, 0xff, 0x00, 0x41, 0x4e, 0x2d]);
    expect(decodeText(be, false)).toEqual({ text: 'A中', encoding: 'utf-16be' });
  });

  it('drops a multi-byte character cut by the size cap instead of failing over to another encoding', () => {
    const full = new TextEncoder().encode('abc中文');
    const cut = full.subarray(0, full.length - 1);
    expect(decodeText(cut, true)).toEqual({ text: 'abc中', encoding: 'utf-8' });
    const g = gbk('中文测试');
    expect(decodeText(g.subarray(0, 7), true)).toEqual({ text: '中文测', encoding: 'gb18030' });
  });
});

describe('looksBinary', () => {
  it('calls content with a NUL byte in the first KB binary, UTF-16 with a BOM and plain text not', () => {
    // The start of a .docx (a zip): "PK\x03\x04\x14\x00".
    expect(looksBinary(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toBe(true);
    expect(looksBinary(new TextEncoder().encode('plain text, 中文\n'))).toBe(false);
    expect(looksBinary(Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toBe(false);
    const lateNul = new Uint8Array(BINARY_SNIFF_BYTES + 10).fill(0x61);
    lateNul[BINARY_SNIFF_BYTES + 5] = 0;
    expect(looksBinary(lateNul)).toBe(false);
    lateNul[BINARY_SNIFF_BYTES - 1] = 0;
    expect(looksBinary(lateNul)).toBe(true);
  });
});
