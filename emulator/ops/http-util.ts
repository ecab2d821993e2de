/** Small response/request helpers shared by the operations. */
import type { RequestContext } from '../core/contract';
import { OssError } from '../core/contract';
import { buildXml, type XmlNode } from '../xml/xml-build';

/** A request header as one string (undefined when absent). */
export function header(ctx: RequestContext, name: string): string | undefined {
  const value = ctx.req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(',') : value;
}

export function sendXml(ctx: RequestContext, status: number, root: string, body: XmlNode, headers: Record<string, string> = {}): void {
  const xml = Buffer.from(buildXml(root, body), 'utf8');
  sendBody(ctx, status, xml, { 'Content-Type': 'application/xml', ...headers });
}

export function sendBody(ctx: RequestContext, status: number, body: Buffer, headers: Record<string, string> = {}): void {
  const res = ctx.res;
  res.setHeader('x-oss-request-id', ctx.requestId);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('Content-Length', String(body.length));
  res.writeHead(status);
  res.end(ctx.method === 'HEAD' ? undefined : body);
}

export function sendEmpty(ctx: RequestContext, status: number, headers: Record<string, string> = {}): void {
  sendBody(ctx, status, Buffer.alloc(0), headers);
}

/** Reads a small request body (XML configurations); larger ones are refused. */
export async function readSmallBody(ctx: RequestContext, limit = 2 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new OssError(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.', '0016-00000609');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** XML timestamps as OSS writes them: 2024-01-02T03:04:05.000Z. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** HTTP dates (Last-Modified, Date). */
export function httpTime(ms: number): string {
  return new Date(ms).toUTCString();
}

/** An Owner element as OSS renders it (account ID doubles as display name). */
export function ownerXml(accountId: string): XmlNode {
  return { ID: accountId, DisplayName: accountId };
}

/** Query parameter lookup. */
export function q(ctx: RequestContext, name: string): string | undefined {
  return ctx.query.get(name);
}

export function invalidArgument(message: string, name?: string, value?: string): OssError {
  const extra: Record<string, string> = {};
  if (name !== undefined) extra.ArgumentName = name;
  if (value !== undefined) extra.ArgumentValue = value;
  return new OssError(400, 'InvalidArgument', message, '0017-00000000', extra);
}

/** Parses an integer query/header value within bounds, or throws InvalidArgument. */
export function intParam(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^-?\d+$/.test(value)) throw invalidArgument(`${name} is invalid.`, name, value);
  const n = Number(value);
  if (n < min || n > max) throw invalidArgument(`${name} must be between ${min} and ${max}.`, name, value);
  return n;
}

/** URL-encodes a key for `encoding-type=url` responses (as OSS: `/` stays, space is %20). */
export function urlEncodeKey(key: string): string {
  return encodeURIComponent(key).replace(/%2F/g, '/');
}
