/**
 * Decodes the first bytes of a text file for preview: a BOM decides (UTF-8, UTF-16LE/BE);
 * otherwise strict UTF-8, then GB18030 (a superset of GBK, common for Chinese text files),
 * then UTF-8 with replacement characters. A multi-byte character cut by the size cap is
 * dropped rather than shown as garbage.
 */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
}

/** How much of the start is checked for NUL bytes (text files have none; most binary formats do early). */
export const BINARY_SNIFF_BYTES = 1024;

/**
 * True when `bytes` look like a binary file (a .docx, an image, an executable): a NUL byte in
 * the first KB. A UTF-16 BOM says the NULs are half of each character, so that is text.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  return bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0);
}

/** Length of `bytes` without a trailing incomplete UTF-8 sequence. */
function utf8CompleteLength(bytes: Uint8Array): number {
  const end = bytes.length;
  for (let back = 1; back <= Math.min(4, end); back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? end - back : end;
  }
  return end;
}

/** Decodes `bytes`; `truncated` says the object continues past them. */
export function decodeText(bytes: Uint8Array, truncated: boolean): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3, truncated ? utf8CompleteLength(bytes) : bytes.length)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2, truncated ? bytes.length & ~1 : bytes.length)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2, truncated ? bytes.length & ~1 : bytes.length)), encoding: 'utf-16be' };
  }
  const body = truncated ? bytes.subarray(0, utf8CompleteLength(bytes)) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try the Chinese national encoding next
  }
  try {
    // stream: true holds back a double-byte character cut in half by the size cap.
    return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes, { stream: truncated }), encoding: 'gb18030' };
  } catch {
    return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8' };
  }
}
