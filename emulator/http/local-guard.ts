/**
 * Guards for an emulator that other local processes can reach (the app's in-process sandbox
 * listens on loopback; any local user, or a web page through DNS rebinding, can send it
 * requests). `loopbackHostOnly` refuses a Host header that is not this port on a loopback
 * name, so a rebound evil.example name cannot talk to it; `sideToken` makes the
 * credentials-URI and ECS-metadata endpoints (which hand out role credentials to anyone who
 * asks) require a token only the app knows.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** True when `host` is `<loopback name>:<port>` for the port the request arrived on. */
export function isLoopbackHost(host: string | undefined, port: number | undefined): boolean {
  if (!host || !port) return false;
  return LOOPBACK_NAMES.some((name) => host.toLowerCase() === `${name}:${port}`);
}

/** Refuses requests whose Host is not this port on a loopback name (421 Misdirected Request). */
export function loopbackHostOnly(handler: Handler): Handler {
  return (req, res) => {
    if (!isLoopbackHost(req.headers.host, req.socket.localPort)) {
      res.writeHead(421, { 'Content-Type': 'text/plain', Connection: 'close' }).end('Misdirected Request: this server answers only its own loopback address.');
      return;
    }
    handler(req, res);
  };
}

/** Header that carries the side-port token. */
export const SIDE_TOKEN_HEADER = 'x-emulator-side-token';

/** Requires `token` on the credential-issuing paths of the side port (credentials URI, ECS metadata). */
export function requireSideToken(token: string, handler: Handler): Handler {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const issuing = path === '/credentials' || path.startsWith('/latest/');
    if (issuing && req.headers[SIDE_TOKEN_HEADER] !== token) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ Code: 'Unauthorized', Message: 'This endpoint needs the sandbox token.' }));
      return;
    }
    handler(req, res);
  };
}
