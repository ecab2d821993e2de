/** The authentication errors OSS returns (codes, messages, ECs and extra elements), in one place so every signature path answers alike. */
import { OssError } from '../core/contract';

/** The authentication errors OSS returns, with its messages and EC codes. */
export const authErrors = {
  invalidAccessKeyId: (accessKeyId: string) =>
    new OssError(403, 'InvalidAccessKeyId', 'The OSS Access Key Id you provided does not exist in our records.', '0002-00000002', {
      OSSAccessKeyId: accessKeyId,
    }),
  invalidSecurityToken: () => new OssError(403, 'InvalidSecurityToken', 'The security token you provided is invalid.', '0002-00000006'),
  securityTokenExpired: () => new OssError(403, 'SecurityTokenExpired', 'The security token you provided has expired.', '0002-00000007'),
  signatureMismatch: (extra: Record<string, string>) =>
    new OssError(
      403,
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      '0002-00000040',
      extra,
    ),
  expired: (expires: Date, now: Date) =>
    new OssError(403, 'AccessDenied', 'Request has expired.', '0002-00000069', {
      Expires: isoSeconds(expires),
      ServerTime: isoSeconds(now),
    }),
  notYetValid: (date: Date, now: Date) =>
    new OssError(403, 'AccessDenied', 'Request is not valid yet: x-oss-date is later than the current time.', '0002-00000235', {
      RequestTime: isoSeconds(date),
      ServerTime: isoSeconds(now),
    }),
  skewed: (requestTime: string, now: Date) =>
    new OssError(403, 'RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', '0002-00000504', {
      RequestTime: requestTime,
      ServerTime: isoSeconds(now),
      MaxAllowedSkewMilliseconds: '900000',
    }),
  badDate: (what: string) => new OssError(403, 'AccessDenied', `${what} is missing or not a valid date.`, '0002-00000505'),
  invalidArgument: (message: string, ec = '0002-00000201') => new OssError(400, 'InvalidArgument', message, ec),
};

/** `2024-01-02T03:04:05Z`: ISO 8601 without milliseconds, as OSS prints times in errors. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Hex bytes separated by spaces, as OSS's <StringToSignBytes>. */
export function hexBytes(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}
