/** The side port: STS, the credentials URI and ECS metadata (with IMDSv2 tokens), for the app's credential providers. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseQuery } from '../http/addressing';
import { sendJson } from '../http/xml';
import type { IdentityStore } from '../iam/identity-store';
import type { Clock } from '../faults/clock';
import { StsService } from './assume-role';
import { isoSeconds } from './role-session';
import { StsError } from './sts-error';

const MAX_BODY = 64 * 1024;
const ECS_CREDENTIALS = '/latest/meta-data/ram/security-credentials/';

/**
 * The side port: STS (`POST /` with the RPC form, as ali-oss's STS class sends it), the
 * credentials-URI endpoint (`GET /credentials`) and an ECS metadata service
 * (`/latest/meta-data/ram/security-credentials/…`, IMDSv2 tokens via `PUT /latest/api/token`).
 * The last two hand out a fresh STS session of the configured role on every call.
 */
export function createSideHandler(identities: IdentityStore, clock: Clock): (req: IncomingMessage, res: ServerResponse) => void {
  const sts = new StsService(identities);
  const imdsTokens = new Map<string, number>();
  return (req, res) => {
    const requestId = randomUUID().toUpperCase();
    route(req, res, requestId).catch((err: unknown) => {
      const e = err instanceof StsError ? err : new StsError(500, 'InternalError', 'The request processing has failed due to some unknown error.');
      sendJson(res, e.status, { RequestId: requestId, HostId: req.headers.host ?? '', Code: e.code, Message: e.message });
    });
  };

  async function route(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (path === '/latest/api/token') return imdsToken(req, res);
    if (path.startsWith('/latest/')) return ecsMetadata(req, res, path);
    if (path === '/credentials') return credentialsUri(res);
    const params = parseQuery(q < 0 ? '' : url.slice(q + 1));
    if (req.method === 'POST') for (const [k, v] of parseQuery(await readBody(req))) params.set(k, v);
    const result = sts.call(req.method ?? 'GET', params, clock.now());
    sendJson(res, 200, { RequestId: requestId, ...result });
  }

  function credentialsUri(res: ServerResponse): void {
    const cfg = identities.config.credentialsUri;
    const ref = cfg && identities.findRole(cfg.roleArn);
    if (!cfg || !ref) return sendJson(res, 404, { Code: 'NotConfigured', Message: 'No credentialsUri role in the emulator config.' });
    const s = identities.issueSession(ref, 'credentials-uri', cfg.durationSeconds, undefined, clock.now());
    sendJson(res, 200, { Code: 'Success', AccessKeyId: s.accessKeyId, AccessKeySecret: s.accessKeySecret, SecurityToken: s.securityToken, Expiration: isoSeconds(s.expiration) });
  }

  function imdsToken(req: IncomingMessage, res: ServerResponse): void {
    const ttl = Number(req.headers['x-aliyun-ecs-metadata-token-ttl-seconds']);
    if (req.method !== 'PUT' || !Number.isInteger(ttl) || ttl < 1 || ttl > 21600) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad Request');
      return;
    }
    const token = randomBytes(24).toString('base64url');
    imdsTokens.set(token, clock.now().getTime() + ttl * 1000);
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end(token);
  }

  function ecsMetadata(req: IncomingMessage, res: ServerResponse, path: string): void {
    const token = req.headers['x-aliyun-ecs-metadata-token'];
    if (typeof token === 'string') {
      const expiry = imdsTokens.get(token);
      if (expiry === undefined || expiry <= clock.now().getTime()) {
        res.writeHead(401, { 'Content-Type': 'text/plain' }).end('Unauthorized');
        return;
      }
    }
    const cfg = identities.config.ecsRole;
    const ref = cfg && identities.findRole(cfg.roleArn);
    if (path === ECS_CREDENTIALS || path === ECS_CREDENTIALS.slice(0, -1)) {
      res.writeHead(ref ? 200 : 404, { 'Content-Type': 'text/plain' }).end(ref ? ref.role.name : 'Not Found');
      return;
    }
    if (!cfg || !ref || !path.startsWith(ECS_CREDENTIALS) || decodeURIComponent(path.slice(ECS_CREDENTIALS.length)) !== ref.role.name) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }
    const now = clock.now();
    const s = identities.issueSession(ref, 'ecs-metadata', cfg.durationSeconds, undefined, now);
    sendJson(res, 200, {
      AccessKeyId: s.accessKeyId,
      AccessKeySecret: s.accessKeySecret,
      Expiration: isoSeconds(s.expiration),
      SecurityToken: s.securityToken,
      LastUpdated: isoSeconds(now),
      Code: 'Success',
    });
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new StsError(400, 'InvalidParameter', 'Request body too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
