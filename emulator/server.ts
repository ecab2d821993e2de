/** The gate: one region's request handler, from addressing through authentication and authorization to the store's operation. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OssError, type Operation, type RequestContext, type Store } from './core/contract';
import { authenticate } from './auth/authenticate';
import { parseTarget, type Target } from './http/addressing';
import { sendError, toOssError } from './http/error-response';
import { newRequestId } from './http/request-id';
import { checkAccess, ramDecision } from './iam/access-control';
import type { IdentityStore } from './iam/identity-store';
import type { Clock } from './faults/clock';
import type { FaultInjector } from './faults/fault-injector';
import { TRAFFIC_LIMITED_OPERATIONS, applyTrafficLimit } from './faults/traffic-limit';

/** Reserved path prefix of the admin API (`_` is never valid in a bucket name). */
export const ADMIN_PREFIX = '/__emulator/';

/** Everything the gate needs; `store()` is a getter because an admin reset swaps the store. */
export interface GateDeps {
  store(): Store;
  identities: IdentityStore;
  clock: Clock;
  faults: FaultInjector;
  /** `localhost:PORT` of each region's endpoint, for the wrong-endpoint error. */
  regionHosts: ReadonlyMap<string, string>;
  admin(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void>;
  /** Custom domains bound to buckets (host name without port → bucket); mutable through the admin API. */
  cnames: Map<string, string>;
  /** Optional access log: one line per response, without query strings (they may hold signatures or tokens). */
  log?: (line: string) => void;
}

/**
 * The request handler of one region's endpoint: request id → admin API (reserved prefix) →
 * addressing → operation lookup (its error is held until after authentication) → faults →
 * region check → authentication → authorization → run. Every failure is rendered as OSS
 * error XML (or `x-oss-err` on HEAD), with the bucket's CORS headers when the store has them.
 */
export function createGateHandler(region: string, deps: GateDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const requestId = newRequestId();
    res.setHeader('x-oss-request-id', requestId);
    res.setHeader('Server', 'AliyunOSS');
    if (deps.log) {
      const log = deps.log;
      res.once('finish', () => {
        const ec = res.getHeader('x-oss-ec');
        log(`${region} ${req.method ?? '?'} ${(req.url ?? '').split('?')[0]} ${res.statusCode}${ec ? ` ec=${String(ec)}` : ''} ${requestId}`);
      });
    }
    const state: { ctx?: RequestContext } = {};
    handle(region, deps, req, res, requestId, state)
      .catch(async (err: unknown) => {
        if (state.ctx) await addCorsHeaders(deps.store(), state.ctx);
        sendError(res, toOssError(err), requestId, req.headers.host ?? '');
      })
      .catch(() => res.destroy());
  };
}

async function handle(
  region: string,
  deps: GateDeps,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  state: { ctx?: RequestContext },
): Promise<void> {
  const rawUrl = req.url ?? '/';
  if (rawUrl.startsWith(ADMIN_PREFIX) || rawUrl === ADMIN_PREFIX.slice(0, -1)) return deps.admin(req, res, requestId);
  const method = (req.method ?? 'GET').toUpperCase();
  const target = parseTarget(rawUrl, req.headers.host, deps.cnames);
  const store = deps.store();
  const ctx = makeContext(region, deps, req, res, requestId, method, target);
  state.ctx = ctx;
  let op: Operation | undefined;
  let resolveError: unknown;
  try {
    op = store.resolve(ctx);
  } catch (err) {
    resolveError = err;
  }
  const path = target.bucket ? `/${target.bucket}/${target.key ?? ''}` : '/';
  const rawQuery = rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '';
  if ((await deps.faults.apply({ method, path, operation: op?.action, query: rawQuery }, req, res)) === 'dropped') return;
  if (target.bucket && !isCreateBucket(method, target)) await checkRegion(deps, store, target.bucket, region);
  if (method !== 'OPTIONS') {
    ctx.principal = authenticate({ method, headers: req.headers, bucket: target.bucket, key: target.key, query: target.query, region, now: ctx.now() }, deps.identities);
  }
  if (!op) throw resolveError;
  if (method !== 'OPTIONS') await checkAccess(ctx, op.action, store);
  if (op.name !== undefined && TRAFFIC_LIMITED_OPERATIONS.has(op.name)) applyTrafficLimit(req, res, target.query);
  await op.handle(ctx);
}

function makeContext(
  region: string,
  deps: GateDeps,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  method: string,
  target: Target,
): RequestContext {
  const ctx: RequestContext = {
    req,
    res,
    requestId,
    method,
    bucket: target.bucket,
    key: target.key,
    query: target.query,
    region,
    host: target.host,
    principal: null,
    now: () => deps.clock.now(),
    authorize: (action, resource) => ramDecision(ctx.principal, action, resource, target.query) === 'allow',
  };
  return ctx;
}

/** Browsers must be able to read the gate's own errors when the bucket's CORS rules allow the origin. */
async function addCorsHeaders(store: Store, ctx: RequestContext): Promise<void> {
  if (!ctx.bucket || ctx.req.headers.origin === undefined || !store.corsHeaders || ctx.res.headersSent) return;
  try {
    for (const [name, value] of Object.entries(await store.corsHeaders(ctx))) ctx.res.setHeader(name, value);
  } catch {
    // No CORS headers is what a browser would see anyway; the error itself still goes out.
  }
}

/** PUT /bucket without sub-resources creates a bucket: that may target any region's endpoint. */
function isCreateBucket(method: string, target: Target): boolean {
  return method === 'PUT' && target.key === null && target.query.size === 0;
}

async function checkRegion(deps: GateDeps, store: Store, bucketName: string, region: string): Promise<void> {
  const bucket = await store.getBucket(bucketName);
  if (!bucket || bucket.region === region) return;
  const endpoint = deps.regionHosts.get(bucket.region) ?? `${bucket.region}.aliyuncs.com`;
  throw new OssError(
    403,
    'AccessDenied',
    'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
    '0003-00001403',
    { Bucket: bucketName, Endpoint: endpoint },
  );
}
