/**
 * Pure helpers for share links: which endpoint a link points at (public unless the user
 * chose otherwise; a bucket's CNAME wins), the RFC 5987 Content-Disposition for download
 * links, expiry limits (ali-oss does not check V4's 1 s – 7 days) and the effective expiry
 * when the signing credentials die first.
 */
import { AppException } from '../../../shared/errors';
import type { EndpointSettings } from '../../../shared/profile-types';
import { V1_MAX_EXPIRES_SECONDS, V4_MAX_EXPIRES_SECONDS, type LinkEndpointKind } from '../../../shared/contract/share';

/**
 * Endpoint settings for links: a link leaves the app, so it uses the bucket's public region
 * endpoint unless the user picked internal/accelerate. Custom endpoints (private clouds, the
 * sandbox) have nothing else to offer and stay as they are.
 */
export function linkEndpointSettings(settings: EndpointSettings, kind: LinkEndpointKind): EndpointSettings {
  if (settings.kind === 'custom') return settings;
  return { ...settings, kind };
}

/** Checks a link's lifetime before anything is signed. */
export function checkExpiry(seconds: number, version: 'v1' | 'v4'): void {
  const max = version === 'v4' ? V4_MAX_EXPIRES_SECONDS : V1_MAX_EXPIRES_SECONDS;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > max) {
    throw new AppException({
      code: 'InvalidLinkExpiry',
      message:
        version === 'v4'
          ? `A link signed with signature V4 must expire between 1 second and 7 days from now (${seconds} s was asked).`
          : `A link must expire between 1 second and 365 days from now (${seconds} s was asked).`,
      hint: 'Pick a shorter expiry, for example 1 day or 7 days.',
    });
  }
}

/** When a link really stops working: its own expiry or the credentials', whichever is first. */
export function effectiveExpiry(now: number, seconds: number, credentialsExpireAt: Date | undefined): { requested: Date; effective: Date; shortened: boolean } {
  const requested = new Date(now + seconds * 1000);
  if (credentialsExpireAt && credentialsExpireAt.getTime() < requested.getTime()) {
    return { requested, effective: credentialsExpireAt, shortened: true };
  }
  return { requested, effective: requested, shortened: false };
}

/** The object's own name (the last path segment), for the download's file name. */
export function fileNameOf(key: string): string {
  const parts = key.split('/').filter((p) => p.length > 0);
  return parts[parts.length - 1] ?? 'download';
}

/** RFC 5987 value characters: encodeURIComponent leaves ' ( ) * unescaped, which 5987 does not allow. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="ascii fallback"; filename*=UTF-8''…`: browsers use the UTF-8 form,
 * old tools the quoted ASCII one (non-ASCII, quotes and backslashes become `_`).
 */
export function attachmentDisposition(key: string): string {
  const name = fileNameOf(key);
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(name)}`;
}

/** Single-quotes a value for a POSIX shell (`'it'\''s'`). */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The command a recipient pastes to upload their file to a PUT link. */
export function curlForUpload(url: string, contentType: string, fileName: string): string {
  return `curl -X PUT -H ${shellQuote(`Content-Type: ${contentType}`)} --upload-file ${shellQuote(fileName)} ${shellQuote(url)}`;
}

/** One CSV field (RFC 4180), with a leading ' before = + - @ so spreadsheets do not run it as a formula. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV a selection's links export to: a header, then key, URL, expires at. */
export function linksCsv(rows: Array<{ key: string; url: string; expiresAt: string }>): string {
  const lines = ['key,url,expires_at', ...rows.map((r) => [r.key, r.url, r.expiresAt].map(csvField).join(','))];
  // A BOM so spreadsheet apps read the UTF-8 keys correctly.
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** UTF-8 length of a key: OSS allows 1..1023 bytes. */
export function checkKeyBytes(key: string): void {
  if (Buffer.byteLength(key, 'utf8') > 1023) {
    throw new AppException({ code: 'InvalidObjectName', message: 'An object name can be at most 1023 bytes long.', hint: 'Pick a shorter name.' });
  }
}
