import { describe, expect, it } from 'vitest';
import { AccessCodeError } from '../../../shared/access-code';
import { AppException } from '../../../shared/errors';
import { ossErrorHints } from '../../../shared/oss-error-hints';
import { profileErrorHints } from '../../../shared/profile-types';
import { CredentialError } from '../credentials/types';
import { KeychainError } from '../secrets/secret-store';
import { describeError, failureOf, isNotFound } from './describe-error';
import { EndpointError } from './endpoints';

/** What ali-oss throws for an OSS error response (name, code, status, IDs, and a message with the request dump). */
function ossError(code: string, status: number, firstLine: string): Error {
  return Object.assign(new Error(`${firstLine}\nmethod: GET\nurl: http://b.oss/k?OSSAccessKeyId=LTAI5t&Signature=abc%2Fdef`), {
    name: `${code}Error`,
    code,
    status,
    requestId: '5F1A2B3C4D5E6F',
    ecCode: '0003-00000001',
  });
}

describe('describeError', () => {
  it('keeps an OSS error code, request ID, EC and status, with the first line only and a hint', () => {
    const d = describeError(ossError('AccessDenied', 403, 'You have no right to access this object.'));
    expect(d).toEqual({
      code: 'AccessDenied',
      message: 'You have no right to access this object.',
      requestId: '5F1A2B3C4D5E6F',
      ec: '0003-00000001',
      status: 403,
      hint: ossErrorHints.AccessDenied,
    });
  });

  it('redacts secrets from messages and hints it keeps', () => {
    const secret = 'Abcdefghij0123456789KLMNOPqrst';
    const d = describeError(new AppException({ code: 'Boom', message: `failed with accessKeySecret=${secret}`, hint: `try Signature=zzz` }));
    expect(JSON.stringify(d)).not.toContain(secret);
    expect(d.hint).not.toContain('zzz');
    expect(describeError(ossError('SignatureDoesNotMatch', 403, `sig for ${secret} did not match`)).message).not.toContain(secret);
  });

  it('gives an AppException without a hint the hint of its code', () => {
    expect(describeError(new AppException({ code: 'NoSuchKey', message: 'gone' }))).toEqual({ code: 'NoSuchKey', message: 'gone', hint: ossErrorHints.NoSuchKey });
    expect(describeError(new AppException({ code: 'Mine', message: 'x' }))).toEqual({ code: 'Mine', message: 'x' });
  });

  it("keeps the app's typed errors' own codes and hints", () => {
    expect(describeError(new CredentialError('NoPermission', 'Role refused.', profileErrorHints.NoPermission, 403))).toEqual({
      code: 'NoPermission',
      message: 'Role refused.',
      hint: profileErrorHints.NoPermission,
      status: 403,
    });
    expect(describeError(new EndpointError('Not an OSS endpoint.', 'Use oss-cn-hangzhou.aliyuncs.com'))).toEqual({ code: 'InvalidEndpoint', message: 'Not an OSS endpoint.', hint: 'Use oss-cn-hangzhou.aliyuncs.com' });
    const keychain = describeError(new KeychainError('timeout', 'linux'));
    expect(keychain).toMatchObject({ code: 'KeychainUnavailable', hint: expect.any(String) });
    expect(describeError(new AccessCodeError('The access code has expired.', 'expired'))).toEqual({ code: 'InvalidAccessCode', message: 'The access code has expired.', hint: profileErrorHints.InvalidAccessCode });
    expect(describeError(Object.assign(new Error('There is no profile with id x.'), { code: 'NotFound' }))).toEqual({ code: 'NotFound', message: 'There is no profile with id x.' });
  });

  it('turns network failures into NetworkError or Timeout with the hint of their cause', () => {
    expect(describeError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }))).toEqual({
      code: 'NetworkError',
      message: 'connect ECONNREFUSED 127.0.0.1:9',
      hint: ossErrorHints.ECONNREFUSED,
    });
    expect(describeError(Object.assign(new Error('timeout'), { name: 'ResponseTimeoutError', status: -2 }))).toMatchObject({ code: 'Timeout', hint: ossErrorHints.ResponseTimeoutError });
    expect(describeError(Object.assign(new Error('tunneling socket could not be established'), {}))).toMatchObject({ code: 'NetworkError', hint: ossErrorHints.ProxyError });
  });

  it('maps local file errors and anything else without leaking a stack', () => {
    expect(describeError(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }))).toEqual({ code: 'NotFound', message: 'ENOENT: no such file' });
    expect(describeError(new TypeError('x is undefined\n    at foo (a.js:1)'))).toEqual({ code: 'Internal', message: 'x is undefined' });
    expect(describeError('plain')).toEqual({ code: 'Internal', message: 'plain' });
    expect(describeError(null)).toEqual({ code: 'Internal', message: 'null' });
  });
});

describe('failureOf and isNotFound', () => {
  it('a failed key keeps code, message, request ID and EC', () => {
    expect(failureOf('a/b.txt', ossError('AccessDenied', 403, 'Denied.'))).toEqual({ key: 'a/b.txt', code: 'AccessDenied', message: 'Denied.', requestId: '5F1A2B3C4D5E6F', ec: '0003-00000001' });
  });

  it('recognises a missing object by status or code', () => {
    expect(isNotFound(ossError('NoSuchKey', 404, 'gone'))).toBe(true);
    expect(isNotFound(Object.assign(new Error('gone'), { code: 'NoSuchKey' }))).toBe(true);
    expect(isNotFound(ossError('AccessDenied', 403, 'no'))).toBe(false);
  });
});
