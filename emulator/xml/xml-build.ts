/** Builds the XML bodies OSS returns, byte-stable and correctly escaped. */

/** Pre-rendered, already escaped XML (hot paths such as listing entries). */
export class RawXml {
  constructor(readonly xml: string) {}
}

/** A value in an XML tree: arrays repeat the tag, undefined omits it, RawXml is inserted as is. */
export type XmlValue = string | number | boolean | bigint | RawXml | XmlNode | XmlValue[] | undefined | null;
export interface XmlNode {
  [tag: string]: XmlValue;
}

/**
 * Escapes element text the way OSS does: `&`, `<`, `>` only (quotes stay literal, so an
 * ETag reads `<ETag>"…"</ETag>`); CR becomes `&#13;` so parsers do not fold it into LF.
 */
export function escapeXml(text: string): string {
  if (!/[<>&\r]/.test(text)) return text;
  return text.replace(/[<>&\r]/g, (c) => {
    switch (c) {
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '&': return '&amp;';
      default: return '&#13;';
    }
  });
}

function render(tag: string, value: XmlValue, out: string[]): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) render(tag, item, out);
    return;
  }
  if (value instanceof RawXml) {
    out.push(`<${tag}>`, value.xml, `</${tag}>`);
    return;
  }
  if (typeof value === 'object') {
    out.push(`<${tag}>`);
    for (const [child, childValue] of Object.entries(value)) render(child, childValue, out);
    out.push(`</${tag}>`);
    return;
  }
  out.push(`<${tag}>${escapeXml(String(value))}</${tag}>`);
}

/** A full document with OSS's declaration. */
export function buildXml(root: string, body: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  render(root, body, out);
  return out.join('');
}
