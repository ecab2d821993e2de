/** Renders an OssError as OSS's error XML (or x-oss-err on HEAD) with request ID and EC. */
import type { ServerResponse } from 'node:http';
import { OssError } from '../core/contract';
import { xmlEscape } from './xml';

/**
 * Renders an OssError the way OSS does: an <Error> document with Code, Message, RequestId,
 * HostId, the extra elements, then EC. HEAD responses carry no body, so OSS puts the
 * base64 of the same document in `x-oss-err` (ali-oss decodes it from there).
 * An extra key with a slash ('AccessDeniedDetail/AuthAction') becomes a nested element.
 */
export function renderErrorXml(err: OssError, requestId: string, hostId: string): string {
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<Error>',
    `  <Code>${xmlEscape(err.code)}</Code>`,
    `  <Message>${xmlEscape(err.message)}</Message>`,
    `  <RequestId>${requestId}</RequestId>`,
    `  <HostId>${xmlEscape(hostId)}</HostId>`,
  ];
  const nested = new Map<string, string[]>();
  for (const [key, value] of Object.entries(err.extra)) {
    const slash = key.indexOf('/');
    if (slash < 0) {
      parts.push(`  <${key}>${xmlEscape(value)}</${key}>`);
      continue;
    }
    const parent = key.slice(0, slash);
    const child = key.slice(slash + 1);
    if (!nested.has(parent)) {
      nested.set(parent, []);
      parts.push(`\u0000${parent}`);
    }
    nested.get(parent)!.push(`    <${child}>${xmlEscape(value)}</${child}>`);
  }
  parts.push(`  <EC>${xmlEscape(err.ec)}</EC>`, '</Error>\n');
  return parts
    .map((line) => {
      if (!line.startsWith('\u0000')) return line;
      const parent = line.slice(1);
      return [`  <${parent}>`, ...nested.get(parent)!, `  </${parent}>`].join('\n');
    })
    .join('\n');
}

/** Sends an OSS error response unless the response has already started. */
export function sendError(res: ServerResponse, err: OssError, requestId: string, hostId: string): void {
  if (res.headersSent) {
    // The body is already streaming: all we can do is cut the connection so the client sees a failure.
    res.destroy();
    return;
  }
  const xml = renderErrorXml(err, requestId, hostId);
  const body = Buffer.from(xml, 'utf8');
  const headers: Record<string, string> = {
    'Content-Type': 'application/xml',
    'x-oss-request-id': requestId,
    'x-oss-ec': err.ec,
    'Content-Length': String(body.length),
  };
  const isHead = res.req?.method === 'HEAD';
  if (isHead) headers['x-oss-err'] = body.toString('base64');
  res.writeHead(err.status, headers);
  res.end(isHead ? undefined : body);
}

/** Normalises anything thrown by an operation into an OssError (500 InternalError for bugs). */
export function toOssError(err: unknown): OssError {
  if (err instanceof OssError) return err;
  return new OssError(500, 'InternalError', 'We encountered an internal error. Please try again.', '0000-00000001');
}
