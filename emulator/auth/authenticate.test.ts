/** Signature verification against ali-oss's own signer: V1/V4 headers, presigned URLs and STS tokens. */
import { describe, expect, it } from 'vitest';
import type { IncomingHttpHeaders } from 'node:http';
import { OssError, type Principal } from '../core/contract';
import { authenticate, type KeyRecord, type KeyResolver } from './authenticate';
import { aliSignUtils as sign, isoBasic } from './ali-oss-signer';

const principal: Principal = { accountId: '1', accessKeyId: 'AK1', kind: 'account', name: 'acct', policySets: [] };
const stsPrincipal: Principal = { ...principal, accessKeyId: 'STS.k', kind: 'sts', name: 'role/s' };
const now = new Date('2026-03-04T05:06:07Z');
const keys: KeyResolver = {
  findKey(id: string): KeyRecord | undefined {
    if (id === 'AK1') return { secret: 'secret-1', principal };
    if (id === 'STS.k') return { secret: 'sts-secret', principal: stsPrincipal, securityToken: 'tok', expiration: new Date(now.getTime() + 60_000) };
    return undefined;
  },
};

function lower(headers: Record<string, string>): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function thrown(fn: () => unknown): OssError {
  try {
    fn();
  } catch (err) {
    if (err instanceof OssError) return err;
    throw err;
  }
  throw new Error('expected an OssError');
}

describe('V1 header signatures (ali-oss signUtils as the reference)', () => {
  const date = now.toUTCString();

  function v1(method: string, bucket: string, key: string, subres: Record<string, string>, extra: Record<string, string> = {}) {
    const headers = { 'x-oss-date': date, 'Content-Type': 'text/plain', ...extra };
    const canonical = sign.buildCanonicalString(method, `/${bucket}/${key}`, { headers, parameters: subres });
    return { ...lower(headers), authorization: sign.authorization('AK1', 'secret-1', canonical) };
  }

  it('accepts a signed sub-resource and ignores unsigned query parameters', () => {
    const headers = v1('GET', 'b', 'dir/ä +%.txt', { acl: '', versionId: 'v1' }, { 'x-oss-meta-a': ' spaced ' });
    const query = new Map([['acl', ''], ['versionId', 'v1'], ['prefix', 'unsigned'], ['max-keys', '5']]);
    expect(authenticate({ method: 'GET', headers, bucket: 'b', key: 'dir/ä +%.txt', query, region: 'oss-cn-hangzhou', now }, keys)).toBe(principal);
  });

  it('rejects a tampered request with the StringToSign OSS computed', () => {
    const headers = v1('GET', 'b', 'k', {});
    const err = thrown(() => authenticate({ method: 'DELETE', headers, bucket: 'b', key: 'k', query: new Map(), region: 'r', now }, keys));
    expect(err.code).toBe('SignatureDoesNotMatch');
    expect(err.status).toBe(403);
    expect(err.extra.StringToSign).toBe(`DELETE\n\ntext/plain\n${date}\nx-oss-date:${date}\n/b/k`);
    expect(err.extra.OSSAccessKeyId).toBe('AK1');
    expect(err.extra.SignatureProvided).toBe(headers.authorization!.split(':')[1]);
  });

  it('treats a signed sub-resource missing from the signature as a mismatch', () => {
    const headers = v1('GET', 'b', 'k', {});
    const err = thrown(() => authenticate({ method: 'GET', headers, bucket: 'b', key: 'k', query: new Map([['tagging', '']]), region: 'r', now }, keys));
    expect(err.code).toBe('SignatureDoesNotMatch');
  });

  it('rejects a request more than 15 minutes off with RequestTimeTooSkewed', () => {
    const headers = v1('GET', 'b', 'k', {});
    const later = new Date(now.getTime() + 16 * 60_000);
    const err = thrown(() => authenticate({ method: 'GET', headers, bucket: 'b', key: 'k', query: new Map(), region: 'r', now: later }, keys));
    expect(err.code).toBe('RequestTimeTooSkewed');
    expect(err.extra.RequestTime).toBe(date);
    expect(err.extra.MaxAllowedSkewMilliseconds).toBe('900000');
  });

  it('rejects an unknown AccessKey', () => {
    const headers = { ...v1('GET', 'b', 'k', {}), authorization: 'OSS nobody:abc=' };
    expect(thrown(() => authenticate({ method: 'GET', headers, bucket: 'b', key: 'k', query: new Map(), region: 'r', now }, keys)).code).toBe('InvalidAccessKeyId');
  });
});

describe('STS credentials', () => {
  const date = now.toUTCString();
  function stsHeaders(token: string | undefined) {
    const headers: Record<string, string> = { 'x-oss-date': date };
    if (token !== undefined) headers['x-oss-security-token'] = token;
    const canonical = sign.buildCanonicalString('GET', '/b/k', { headers });
    return { ...lower(headers), authorization: sign.authorization('STS.k', 'sts-secret', canonical) };
  }
  const req = (headers: IncomingHttpHeaders, at = now) => ({ method: 'GET', headers, bucket: 'b', key: 'k', query: new Map<string, string>(), region: 'r', now: at });

  it('accepts the key with its token until expiry, then SecurityTokenExpired', () => {
    expect(authenticate(req(stsHeaders('tok')), keys)).toBe(stsPrincipal);
    expect(thrown(() => authenticate(req(stsHeaders('tok'), new Date(now.getTime() + 60_000)), keys)).code).toBe('SecurityTokenExpired');
  });

  it('rejects a forged token and a missing token', () => {
    expect(thrown(() => authenticate(req(stsHeaders('forged')), keys)).code).toBe('InvalidSecurityToken');
    expect(thrown(() => authenticate(req(stsHeaders(undefined)), keys)).code).toBe('InvalidAccessKeyId');
  });
});

describe('V1 presigned URLs', () => {
  function presigned(expires: number, method = 'GET') {
    const canonical = sign.buildCanonicalString(method, '/b/k', { headers: {}, parameters: { 'response-content-type': 'text/x' } }, String(expires));
    return new Map([
      ['OSSAccessKeyId', 'AK1'],
      ['Expires', String(expires)],
      ['Signature', sign.computeSignature('secret-1', canonical)],
      ['response-content-type', 'text/x'],
    ]);
  }
  const req = (query: Map<string, string>, method = 'GET') => ({ method, headers: {}, bucket: 'b', key: 'k', query, region: 'r', now });

  it('accepts a valid URL and rejects it for another method', () => {
    const query = presigned(now.getTime() / 1000 + 60);
    expect(authenticate(req(query), keys)).toBe(principal);
    expect(thrown(() => authenticate(req(query, 'PUT'), keys)).code).toBe('SignatureDoesNotMatch');
  });

  it('rejects an expired URL with AccessDenied "Request has expired."', () => {
    const err = thrown(() => authenticate(req(presigned(now.getTime() / 1000 - 1)), keys));
    expect([err.code, err.message, err.status]).toEqual(['AccessDenied', 'Request has expired.', 403]);
  });
});

describe('V4 signatures', () => {
  const datetime = isoBasic(now);

  function v4Header(queries: Record<string, string | null>, additional: string[] = [], region = 'cn-hangzhou') {
    const headers: Record<string, string> = { 'x-oss-date': datetime, 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD', 'content-type': 'image/png', host: 'h:1' };
    return { ...headers, authorization: sign.authorizationV4('AK1', 'secret-1', region, 'PUT', { headers, queries }, 'b', 'a/b c+(1).png', additional) };
  }

  it('accepts header signatures with queries and AdditionalHeaders', () => {
    const headers = v4Header({ uploadId: 'u1', partNumber: '2', acl: null }, ['host']);
    const query = new Map([['uploadId', 'u1'], ['partNumber', '2'], ['acl', '']]);
    expect(authenticate({ method: 'PUT', headers, bucket: 'b', key: 'a/b c+(1).png', query, region: 'oss-cn-hangzhou', now }, keys)).toBe(principal);
  });

  it('rejects a query parameter added after signing, naming the canonical request', () => {
    const headers = v4Header({});
    const err = thrown(() =>
      authenticate({ method: 'PUT', headers, bucket: 'b', key: 'a/b c+(1).png', query: new Map([['prefix', 'x']]), region: 'oss-cn-hangzhou', now }, keys),
    );
    expect(err.code).toBe('SignatureDoesNotMatch');
    expect(err.extra.CanonicalRequest).toContain('\nprefix=x\n');
  });

  it('rejects a signature scoped to another region', () => {
    const headers = v4Header({}, [], 'cn-shanghai');
    const err = thrown(() => authenticate({ method: 'PUT', headers, bucket: 'b', key: 'a/b c+(1).png', query: new Map(), region: 'oss-cn-hangzhou', now }, keys));
    expect(err.code).toBe('InvalidArgument');
  });

  function v4Url(expires: number, signedAt: Date) {
    const dt = isoBasic(signedAt);
    const queries: Record<string, string> = {
      'x-oss-credential': `AK1/${dt.slice(0, 8)}/cn-hangzhou/oss/aliyun_v4_request`,
      'x-oss-date': dt,
      'x-oss-expires': String(expires),
      'x-oss-signature-version': 'OSS4-HMAC-SHA256',
      'response-content-disposition': "attachment; filename*=UTF-8''%E4%B8%AD.txt",
    };
    const canonical = sign.getCanonicalRequest('GET', { headers: {}, queries }, 'b', 'k');
    const sts = sign.getStringToSign('cn-hangzhou', dt, canonical);
    return new Map([...Object.entries(queries), ['x-oss-signature', sign.getSignatureV4('secret-1', dt.slice(0, 8), 'cn-hangzhou', sts)]]);
  }
  const urlReq = (query: Map<string, string>, at = now) => ({ method: 'GET', headers: {}, bucket: 'b', key: 'k', query, region: 'oss-cn-hangzhou', now: at });

  it('accepts a presigned URL within its lifetime and rejects it after', () => {
    const query = v4Url(60, now);
    expect(authenticate(urlReq(query), keys)).toBe(principal);
    const err = thrown(() => authenticate(urlReq(query, new Date(now.getTime() + 61_000)), keys));
    expect([err.code, err.message]).toEqual(['AccessDenied', 'Request has expired.']);
  });

  it('bounds x-oss-expires to 1..604800 seconds', () => {
    expect(thrown(() => authenticate(urlReq(v4Url(604801, now)), keys)).code).toBe('InvalidArgument');
    expect(thrown(() => authenticate(urlReq(v4Url(0, now)), keys)).code).toBe('InvalidArgument');
    expect(authenticate(urlReq(v4Url(604800, now)), keys)).toBe(principal);
  });
});

describe('anonymous requests', () => {
  it('yield no principal', () => {
    expect(authenticate({ method: 'GET', headers: {}, bucket: 'b', key: 'k', query: new Map(), region: 'r', now }, keys)).toBeNull();
  });
});
