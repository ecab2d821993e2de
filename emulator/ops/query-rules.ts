/**
 * What the router accepts beyond an operation's own sub-resources: the query parameters every
 * request may carry (signatures, tokens), the documented sub-resources a request may name, and
 * the request headers of features the emulator lacks. A known sub-resource (or a bare `?name`)
 * that the chosen operation does not accept, or such a header, is answered with 501 — never
 * silently dropped, so a feature we lack cannot quietly do something else.
 */
import { OssError, type RequestContext } from '../core/contract';
import { SIGNED_SUB_RESOURCES } from '../auth/sub-resources';

/** Signature and token parameters of presigned URLs: any operation takes them. */
export const AUTH_PARAMS: ReadonlySet<string> = new Set([
  'OSSAccessKeyId', 'Expires', 'Signature', 'security-token',
  'x-oss-signature-version', 'x-oss-credential', 'x-oss-date', 'x-oss-expires', 'x-oss-signature',
  'x-oss-additional-headers', 'x-oss-security-token',
]);

/**
 * Parameters OSS tolerates on every operation: `x-oss-traffic-limit` throttles the seven data
 * operations (see TRAFFIC_LIMITED_ACTIONS) and is ignored by the rest, as OSS does.
 */
const TOLERATED_PARAMS: ReadonlySet<string> = new Set(['x-oss-traffic-limit']);

/**
 * Sub-resources OSS documents that the V1 signing list (auth/sub-resources.ts) lacks, because
 * they came later and V4 signs every parameter. Any other bare `?name` is treated as a
 * sub-resource too, so this list only needs the names that may carry a value.
 */
const LATER_SUB_RESOURCES = ['regions', 'publicAccessBlock', 'policyStatus', 'httpsConfig', 'accessPoint', 'archiveDirectRead', 'resourcePool', 'overwriteConfig'];

/** OSS's whole documented list of sub-resources (the 501 sweep walks it). */
export const KNOWN_SUB_RESOURCES: readonly string[] = [...new Set([...SIGNED_SUB_RESOURCES, ...LATER_SUB_RESOURCES])].filter((name) => !AUTH_PARAMS.has(name));

const KNOWN: ReadonlySet<string> = new Set(KNOWN_SUB_RESOURCES);

/**
 * Request headers that switch on a feature the emulator does not have. Accepting them would
 * store an object unencrypted that the caller asked to encrypt, skip a callback, or bill the
 * wrong party, so they get 501 instead.
 */
export const UNSUPPORTED_HEADERS: readonly string[] = [
  'x-oss-server-side-encryption',
  'x-oss-server-side-data-encryption',
  'x-oss-server-side-encryption-key-id',
  'x-oss-callback',
  'x-oss-callback-var',
  'x-oss-request-payer',
];

/** The 501 the emulator answers for anything it does not implement. */
export function notImplemented(what: string): OssError {
  return new OssError(501, 'NotImplemented', `${what} is not implemented by the emulator.`, '0000-00000000');
}

/** Whether a query parameter names a sub-resource: on OSS's list, or sent bare (`?name`). */
export function isSubResource(name: string, value: string): boolean {
  return KNOWN.has(name) || value === '';
}

/**
 * Throws 501 for the first sub-resource the operation does not accept, for a parameter of
 * the operation that the emulator does not implement (`unsupported`), and for a header in
 * UNSUPPORTED_HEADERS. Other parameters (`?v=2` cache busters, list paging) pass.
 */
export function assertQueryAccepted(ctx: RequestContext, operation: string, accepts: readonly string[], unsupported: readonly string[] = []): void {
  for (const [name, value] of ctx.query) {
    if (AUTH_PARAMS.has(name) || TOLERATED_PARAMS.has(name) || accepts.includes(name)) continue;
    if (unsupported.includes(name)) throw notImplemented(`The parameter "${name}" of ${operation}`);
    if (isSubResource(name, value)) throw notImplemented(`The sub-resource "${name}" (on ${ctx.method} ${ctx.key ? 'object' : ctx.bucket ? 'bucket' : 'service'})`);
  }
  for (const name of UNSUPPORTED_HEADERS) {
    if (ctx.req.headers[name] !== undefined) throw notImplemented(`The header ${name}`);
  }
}
