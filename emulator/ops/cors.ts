/** Bucket CORS: Put/Get/DeleteBucketCors, preflight OPTIONS, and CORS headers on real requests. */
import { OssError, type RequestContext } from '../core/contract';
import type { Engine } from '../store/engine';
import type { BucketRecord, CorsRule } from '../store/types';
import { listOf, parseXmlBody, textOf, textsOf } from '../xml/xml-parse';
import { header, invalidArgument, readSmallBody, sendEmpty, sendXml } from './http-util';

const METHODS = ['GET', 'PUT', 'DELETE', 'POST', 'HEAD'];

export async function putBucketCors(engine: Engine, ctx: RequestContext): Promise<void> {
  const state = engine.requireBucket(ctx.bucket as string);
  const root = parseXmlBody((await readSmallBody(ctx)).toString('utf8'), 'CORSConfiguration');
  const rules: CorsRule[] = listOf(root, 'CORSRule').map((r) => {
    const rule: CorsRule = {
      allowedOrigins: textsOf(r, 'AllowedOrigin'),
      allowedMethods: textsOf(r, 'AllowedMethod'),
      allowedHeaders: textsOf(r, 'AllowedHeader'),
      exposeHeaders: textsOf(r, 'ExposeHeader'),
    };
    const maxAge = textOf(r, 'MaxAgeSeconds');
    if (maxAge !== undefined) rule.maxAgeSeconds = Number(maxAge);
    if (rule.allowedOrigins.length === 0 || rule.allowedMethods.length === 0) throw invalidArgument('AllowedOrigin and AllowedMethod are required.', 'CORSRule');
    for (const m of rule.allowedMethods) if (!METHODS.includes(m)) throw invalidArgument(`Unsupported method is ${m}`, 'AllowedMethod', m);
    return rule;
  });
  if (rules.length === 0 || rules.length > 10) throw invalidArgument('The number of CORS rules must be between 1 and 10.', 'CORSRule');
  engine.saveBucket({ ...state.record, cors: { rules, responseVary: textOf(root, 'ResponseVary')?.trim() === 'true' } });
  sendEmpty(ctx, 200);
}

export async function getBucketCors(engine: Engine, ctx: RequestContext): Promise<void> {
  const cors = engine.requireBucket(ctx.bucket as string).record.cors;
  if (!cors) throw new OssError(404, 'NoSuchCORSConfiguration', 'The CORS Configuration does not exist.', '0015-00000501', { BucketName: ctx.bucket as string });
  sendXml(ctx, 200, 'CORSConfiguration', {
    CORSRule: cors.rules.map((r) => ({
      AllowedOrigin: r.allowedOrigins,
      AllowedMethod: r.allowedMethods,
      AllowedHeader: r.allowedHeaders,
      ExposeHeader: r.exposeHeaders,
      MaxAgeSeconds: r.maxAgeSeconds,
    })),
    ResponseVary: cors.responseVary,
  });
}

export async function deleteBucketCors(engine: Engine, ctx: RequestContext): Promise<void> {
  const state = engine.requireBucket(ctx.bucket as string);
  engine.saveBucket({ ...state.record, cors: null });
  sendEmpty(ctx, 204);
}

/** `*` in a rule matches any run of characters (OSS allows one per origin/header). */
function wildcardMatch(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i');
  return re.test(value);
}

function matchRule(bucket: BucketRecord, origin: string, method: string, requestHeaders: string[]): CorsRule | null {
  for (const rule of bucket.cors?.rules ?? []) {
    if (!rule.allowedOrigins.some((o) => wildcardMatch(o, origin))) continue;
    if (!rule.allowedMethods.includes(method)) continue;
    if (!requestHeaders.every((h) => rule.allowedHeaders.some((a) => wildcardMatch(a, h)))) continue;
    return rule;
  }
  return null;
}

function corsHeaders(rule: CorsRule, origin: string, vary: boolean): Record<string, string> {
  const h: Record<string, string> = {
    'Access-Control-Allow-Origin': rule.allowedOrigins.includes('*') ? '*' : origin,
    'Access-Control-Allow-Methods': rule.allowedMethods.join(', '),
  };
  if (rule.exposeHeaders.length > 0) h['Access-Control-Expose-Headers'] = rule.exposeHeaders.join(', ');
  if (rule.maxAgeSeconds !== undefined) h['Access-Control-Max-Age'] = String(rule.maxAgeSeconds);
  if (vary) h.Vary = 'Origin';
  return h;
}

/** Answers `OPTIONS` (no authentication, as OSS): 200 with the matching rule, else 403. */
export async function preflight(engine: Engine, ctx: RequestContext): Promise<void> {
  const bucket = engine.requireBucket(ctx.bucket as string).record;
  const origin = header(ctx, 'origin');
  const method = header(ctx, 'access-control-request-method');
  const requested = (header(ctx, 'access-control-request-headers') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const rule = origin && method ? matchRule(bucket, origin, method, requested) : null;
  if (!rule || !origin) {
    throw new OssError(403, 'AccessForbidden', 'CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Requet-Headers are not whitelisted by the resource\'s CORS spec.', '0003-00000001');
  }
  const h = corsHeaders(rule, origin, bucket.cors?.responseVary ?? false);
  if (requested.length > 0) h['Access-Control-Allow-Headers'] = requested.join(', ');
  sendEmpty(ctx, 200, h);
}

/** The CORS headers a browser request gets from the bucket's rules ({} when none match). */
export function corsHeadersFor(engine: Engine, ctx: RequestContext): Record<string, string> {
  const origin = header(ctx, 'origin');
  if (!origin || !ctx.bucket) return {};
  const bucket = engine.bucket(ctx.bucket)?.record;
  if (!bucket?.cors) return {};
  const rule = matchRule(bucket, origin, ctx.method, []);
  return rule ? corsHeaders(rule, origin, bucket.cors.responseVary) : {};
}

/** Adds CORS headers to a normal request from a browser, before the operation runs. */
export function applyCors(engine: Engine, ctx: RequestContext): void {
  for (const [name, value] of Object.entries(corsHeadersFor(engine, ctx))) ctx.res.setHeader(name, value);
}
