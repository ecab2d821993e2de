/**
 * Codes from the official oss-browser, which people still receive: the STS grant ("授权码",
 * base64 of JSON {id, secret, stoken, privilege, expiration, region, osspath}, as its
 * grant-token dialog builds it) and the sub-account code (base64 of JSON {id, secret, desc,
 * region, osspath, eptpl}, eptpl an endpoint template such as `https://{region}.aliyuncs.com`).
 * Parsed and validated here; the STS form becomes one of our access codes so both go through
 * the same import checks (expiry, endpoint).
 */
import { z } from 'zod';
import type { AccessCode } from './access-code';

export class OssBrowserCodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OssBrowserCodeError';
  }
}

const region = z.string().regex(/^oss-[a-z0-9-]{2,40}$/, 'The code names an invalid region.');
const osspath = z.string().max(1100).regex(/^oss:\/\/[a-z0-9][a-z0-9-]{1,61}[a-z0-9](\/.*)?$/, 'The code names an invalid oss:// path.');

const grantSchema = z.object({
  id: z.string().min(3).max(256),
  secret: z.string().min(1).max(4096),
  stoken: z.string().min(1).max(8192),
  privilege: z.string().max(40).optional(),
  expiration: z.iso.datetime({ offset: true, error: 'The code has no valid expiry time.' }),
  region,
  osspath,
});

const subAccountSchema = z.object({
  id: z.string().min(3).max(256),
  secret: z.string().min(1).max(4096),
  desc: z.string().max(200).optional(),
  region,
  osspath: osspath.optional(),
  eptpl: z.string().max(300).optional(),
});

export type OssBrowserGrant = z.infer<typeof grantSchema>;
export type OssBrowserSubAccount = z.infer<typeof subAccountSchema>;

export type ParsedOssBrowserCode = { kind: 'grant'; code: OssBrowserGrant } | { kind: 'sub-account'; code: OssBrowserSubAccount };

function fromBase64(text: string): string {
  const clean = text.trim().replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean)) throw new OssBrowserCodeError('This is not an oss-browser code: it contains characters that do not belong in it. Copy it again in full.');
  const core = clean.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  let bin: string;
  try {
    bin = atob(core + '='.repeat((4 - (core.length % 4)) % 4));
  } catch {
    throw new OssBrowserCodeError('The oss-browser code is damaged. Copy it again in full.');
  }
  return new TextDecoder('utf-8').decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** Splits `oss://bucket/prefix` into bucket and a prefix ending in '/' (or ''). */
export function splitOssPath(path: string): { bucket: string; prefix: string } {
  const m = /^oss:\/\/([^/]+)\/?(.*)$/.exec(path)!;
  const rest = m[2] ?? '';
  return { bucket: m[1]!, prefix: rest === '' || rest.endsWith('/') ? rest : `${rest}/` };
}

/** Decodes either form; `now` refuses an expired grant with a plain message. */
export function parseOssBrowserCode(text: string, now: Date = new Date()): ParsedOssBrowserCode {
  let json: unknown;
  try {
    json = JSON.parse(fromBase64(text));
  } catch (e) {
    if (e instanceof OssBrowserCodeError) throw e;
    throw new OssBrowserCodeError('The oss-browser code is damaged. Copy it again in full.');
  }
  const isGrant = typeof json === 'object' && json !== null && 'stoken' in json;
  const parsed = isGrant ? grantSchema.safeParse(json) : subAccountSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new OssBrowserCodeError(`The oss-browser code is incomplete: ${first?.path.join('.') || 'value'} — ${first?.message ?? 'invalid'}.`);
  }
  if (isGrant) {
    const grant = parsed.data as OssBrowserGrant;
    if (Date.parse(grant.expiration) <= now.getTime()) throw new OssBrowserCodeError(`This oss-browser code expired at ${grant.expiration}. Ask for a new one.`);
    return { kind: 'grant', code: grant };
  }
  return { kind: 'sub-account', code: parsed.data as OssBrowserSubAccount };
}

/** The endpoint a sub-account code's template names for its region (`{region}` replaced). */
export function endpointFromTemplate(template: string | undefined, regionId: string): string | undefined {
  if (!template) return undefined;
  return template.replace(/\{region\}/g, regionId);
}

/** An oss-browser STS grant as one of our access codes (the same validation path imports it). */
export function grantToAccessCode(grant: OssBrowserGrant): AccessCode {
  const { bucket, prefix } = splitOssPath(grant.osspath);
  const readOnly = (grant.privilege ?? '').toLowerCase() === 'readonly';
  return {
    v: 1,
    accessKeyId: grant.id,
    accessKeySecret: grant.secret,
    securityToken: grant.stoken,
    expiration: grant.expiration,
    bucket,
    prefix,
    region: grant.region,
    actions: readOnly ? ['list', 'read'] : ['list', 'read', 'write', 'delete'],
  };
}

/** Builds the official app's grant code, the way its grant-token dialog does (base64 of the JSON). */
export function encodeOssBrowserGrant(code: { id: string; secret: string; stoken: string; expiration: string; region: string; bucket: string; prefix: string; readOnly: boolean }): string {
  const info = {
    id: code.id,
    secret: code.secret,
    stoken: code.stoken,
    expiration: code.expiration,
    region: code.region,
    osspath: `oss://${code.bucket}/${code.prefix}`,
    privilege: code.readOnly ? 'readOnly' : 'all',
  };
  const bytes = new TextEncoder().encode(JSON.stringify(info));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
