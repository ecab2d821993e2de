/** Parses the XML request bodies OSS accepts, keeping text byte-exact (no trimming). */
import { XMLParser } from 'fast-xml-parser';
import { OssError } from '../core/contract';

const REPEATED = new Set(['Object', 'Part', 'CORSRule', 'AllowedOrigin', 'AllowedMethod', 'AllowedHeader', 'ExposeHeader', 'Tag']);

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  processEntities: true,
  htmlEntities: true, // numeric character references (&#x4e2d;) in keys
  isArray: (name) => REPEATED.has(name),
});

/** A parsed element: text for leaves, nested records otherwise. */
export type XmlIn = Record<string, unknown>;

/** Parses a body and returns the root element's content; MalformedXML on any failure. */
export function parseXmlBody(body: string, root: string): XmlIn {
  let doc: unknown;
  try {
    doc = parser.parse(body, true);
  } catch {
    throw malformed();
  }
  const content = (doc as Record<string, unknown>)?.[root];
  if (content === undefined) throw malformed();
  if (typeof content === 'string') return {};
  return content as XmlIn;
}

/** Text of a child element (empty element -> ''), or undefined when absent. */
export function textOf(node: XmlIn, tag: string): string | undefined {
  const value = node[tag];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && '#text' in value) return String((value as XmlIn)['#text']);
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) return '';
  return String(value);
}

/** Child elements that may repeat. */
export function listOf(node: XmlIn, tag: string): XmlIn[] {
  const value = node[tag];
  if (value === undefined) return [];
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => (typeof item === 'object' && item !== null ? (item as XmlIn) : { '#text': item }));
}

/** Text values of a repeated leaf element. */
export function textsOf(node: XmlIn, tag: string): string[] {
  const value = node[tag];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' ? v : ''));
}

/** OSS's MalformedXML error. */
export function malformed(): OssError {
  return new OssError(400, 'MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema.', '0016-00000609');
}
