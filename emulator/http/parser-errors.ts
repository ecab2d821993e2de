/**
 * What a client sees when Node's HTTP parser refuses a request before any handler runs: OSS
 * error XML with a request ID (Node's default is a bare `400 Bad Request` with no body), then
 * the connection closes, because the parser cannot find the next request on it.
 */
import type { Socket } from 'node:net';
import { OssError } from '../core/contract';
import { renderErrorXml } from './error-response';
import { newRequestId } from './request-id';

/** Node's parser error codes that mean "headers too large" (431 on Node's default path too). */
const TOO_LARGE = new Set(['HPE_HEADER_OVERFLOW']);

/** The error a parser-level rejection is reported as (code and message are ours: OSS documents none). */
export function parserError(err: NodeJS.ErrnoException): OssError {
  if (err.code && TOO_LARGE.has(err.code)) {
    return new OssError(431, 'RequestHeaderFieldsTooLarge', 'The request headers are too large.', '0000-00000000');
  }
  const reason = err.message.replace(/^Parse Error:\s*/, '');
  return new OssError(400, 'InvalidRequest', `The HTTP request could not be parsed: ${reason}.`.replace(/\.\.$/, '.'), '0000-00000000');
}

/** `clientError` listener: answers the parser's refusal as OSS XML on the raw socket. */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const requestId = newRequestId();
  const ossError = parserError(err);
  const body = Buffer.from(renderErrorXml(ossError, requestId, ''), 'utf8');
  const head = [
    `HTTP/1.1 ${ossError.status} ${ossError.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}`,
    'Server: AliyunOSS',
    'Content-Type: application/xml',
    `Content-Length: ${body.length}`,
    `x-oss-request-id: ${requestId}`,
    `x-oss-ec: ${ossError.ec}`,
    'Connection: close',
    '',
    '',
  ].join('\r\n');
  socket.end(Buffer.concat([Buffer.from(head, 'latin1'), body]));
}
