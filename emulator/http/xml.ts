/** Low-level XML and JSON response writers for the gate's own answers (errors, STS, admin). */
import type { ServerResponse } from 'node:http';

/** Escapes text for an XML element body or attribute. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Writes a complete XML response with OSS's content type and an exact Content-Length. */
export function sendXml(res: ServerResponse, status: number, xml: string, headers: Record<string, string> = {}): void {
  const body = Buffer.from(xml, 'utf8');
  res.writeHead(status, { ...headers, 'Content-Type': 'application/xml', 'Content-Length': String(body.length) });
  res.end(res.req?.method === 'HEAD' ? undefined : body);
}

/** Writes a JSON response (STS, credential endpoints, admin API). */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(value), 'utf8');
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json;charset=utf-8', 'Content-Length': String(body.length) });
  res.end(body);
}
