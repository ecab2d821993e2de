/**
 * Access codes: one pasteable string carrying temporary (STS) credentials and where to open,
 * so a colleague can hand out access to one bucket/prefix. Format: `ossac1.` followed by
 * base64url(JSON {v:1, accessKeyId, accessKeySecret, securityToken, expiration, bucket,
 * prefix, region, endpoint?, actions}). Imported as an STS profile that opens at its path.
 */
import { z } from 'zod';

export const ACCESS_CODE_PREFIX = 'ossac1.';

/** Operations the issuer meant to allow; informative (OSS enforces the real policy). */
export const ACCESS_CODE_ACTIONS = ['list', 'read', 'write', 'delete'] as const;

export const accessCodeSchema = z.object({
  v: z.literal(1, { error: 'This access code was made by a newer version of the app.' }),
  accessKeyId: z.string().min(3).max(256),
  accessKeySecret: z.string().min(1).max(4096),
  securityToken: z.string().min(1).max(8192),
  expiration: z.iso.datetime({ offset: true, error: 'The code has no valid expiry time.' }),
  bucket: z.string().regex(/^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, 'The code names an invalid bucket.'),
  prefix: z.string().max(1023).default(''),
  region: z.string().regex(/^oss-[a-z0-9-]+$/, 'The code names an invalid region.'),
  endpoint: z.url({ protocol: /^https?$/ }).optional(),
  actions: z.array(z.enum(ACCESS_CODE_ACTIONS)).min(1),
});
export type AccessCode = z.infer<typeof accessCodeSchema>;

/** Why a pasted code was refused, in words a user can act on. */
export class AccessCodeError extends Error {
  constructor(
    message: string,
    readonly reason: 'format' | 'version' | 'fields' | 'expired',
  ) {
    super(message);
    this.name = 'AccessCodeError';
  }
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new AccessCodeError('The access code contains characters that do not belong in it. Copy it again in full.', 'format');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let bin: string;
  try {
    bin = atob(b64);
  } catch {
    throw new AccessCodeError('The access code is damaged. Copy it again in full.', 'format');
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

/** Encodes a code (used by tests now, by the share feature later). */
export function encodeAccessCode(code: AccessCode): string {
  return ACCESS_CODE_PREFIX + toBase64Url(JSON.stringify(accessCodeSchema.parse(code)));
}

/**
 * Decodes and validates a pasted code. `now` lets callers refuse expired codes with a clear
 * message instead of a confusing OSS error later.
 */
export function decodeAccessCode(text: string, now: Date = new Date()): AccessCode {
  const trimmed = text.trim().replace(/\s+/g, '');
  if (!trimmed.startsWith(ACCESS_CODE_PREFIX)) {
    if (/^ossac\d+\./.test(trimmed)) {
      throw new AccessCodeError('This access code was made by a newer version of the app. Update the app and paste it again.', 'version');
    }
    throw new AccessCodeError('This is not an OSS Browser access code (it should start with "ossac1.").', 'format');
  }
  let json: unknown;
  try {
    json = JSON.parse(fromBase64Url(trimmed.slice(ACCESS_CODE_PREFIX.length)));
  } catch (e) {
    if (e instanceof AccessCodeError) throw e;
    throw new AccessCodeError('The access code is damaged. Copy it again in full.', 'format');
  }
  const parsed = accessCodeSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const reason = first?.path[0] === 'v' ? 'version' : 'fields';
    throw new AccessCodeError(`The access code is incomplete: ${first?.path.join('.') || 'value'} — ${first?.message ?? 'invalid'}.`, reason);
  }
  if (Date.parse(parsed.data.expiration) <= now.getTime()) {
    throw new AccessCodeError(`This access code expired at ${parsed.data.expiration}. Ask for a new one.`, 'expired');
  }
  return parsed.data;
}
