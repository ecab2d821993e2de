import { describe, expect, it } from 'vitest';
import { redact, registerSecret } from './redact';

describe('redact', () => {
  it('masks presigned URL credentials but keeps the rest of the URL', () => {
    const url = 'https://b.oss-cn-hangzhou.aliyuncs.com/a.txt?OSSAccessKeyId=LTAI5tAbc&Expires=1700000000&Signature=Zm9v%2Bbar%3D&security-token=CAISxyz';
    const out = redact(url);
    expect(out).toContain('https://b.oss-cn-hangzhou.aliyuncs.com/a.txt?');
    expect(out).toContain('Expires=1700000000');
    expect(out).not.toMatch(/Zm9v|CAISxyz|LTAI5tAbc/);
  });

  it('masks V4 query signatures and Authorization headers', () => {
    expect(redact('x-oss-signature=abcdef0123&x-oss-date=20250101T000000Z')).toBe('x-oss-signature=[redacted]&x-oss-date=20250101T000000Z');
    expect(redact('authorization: OSS4-HMAC-SHA256 Credential=LTAI/20250101/cn-hangzhou/oss/aliyun_v4_request,Signature=deadbeef')).not.toMatch(/deadbeef|LTAI/);
    expect(redact('Authorization: OSS LTAI5tAbc:c2lnbmF0dXJl')).not.toContain('c2lnbmF0dXJl');
  });

  it('masks secret-named fields in JSON and option dumps', () => {
    const out = redact(`{"accessKeyId":"LTAI5t","accessKeySecret":"s3cr3t-value","stsToken":"tok"} securityToken: 'abc'`);
    expect(out).toContain('"accessKeyId":"LTAI5t"');
    expect(out).not.toMatch(/s3cr3t-value|"tok"|'abc'/);
  });

  it('masks bare AccessKey secrets, STS tokens and known literals', () => {
    expect(redact('secret is Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy ok')).toBe('secret is [redacted] ok');
    expect(redact('token CAIS9wF1q6Ft5B2yfSjIr5bNDu3H3b+/= end')).toBe('token [redacted] end');
    expect(redact('my pass is hunter22 yes', ['hunter22'])).toBe('my pass is [redacted] yes');
  });

  it('leaves ordinary text, request IDs and object keys alone', () => {
    const text = 'NoSuchKey: photos/2024/holiday.jpg RequestId 5C3D9175B6FC201293AD4890 EC 0026-00000001';
    expect(redact(text)).toBe(text);
  });
});

describe('redact: what the security review found it missed', () => {
  it('masks passwords in URLs but keeps the user and host', () => {
    const out = redact('proxy http://alice:S3cret-Pass@proxy.corp.example:8080 failed');
    expect(out).toBe('proxy http://alice:[redacted]@proxy.corp.example:8080 failed');
  });

  it('masks URL-encoded tokens and URL-encoded secret query values', () => {
    const token = 'CAISabcdefghijklmnop+/qrstuvwxyz0123==';
    const encoded = encodeURIComponent(token);
    expect(encoded).toContain('%2B');
    expect(redact(`token ${encoded} end`)).toBe('token [redacted] end');
    expect(redact(`next%3Fsecurity-token%3D${encoded}%26a%3Db`)).toBe('next%3Fsecurity-token%3D[redacted]%26a%3Db');
  });

  it('masks OIDC JWTs', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJlLXBhcnQ';
    expect(redact(`OIDC token ${jwt} rejected`)).toBe('OIDC token [redacted] rejected');
  });

  it('masks AccessKey-secret-shaped words of 24 to 64 characters, not only 30', () => {
    for (const n of [24, 29, 31, 40, 64]) {
      const secret = 'aB3'.repeat(30).slice(0, n);
      expect(redact(`x ${secret} y`), `length ${n}`).toBe('x [redacted] y');
    }
  });

  it('masks secret-named fields in JSON-escaped text', () => {
    const out = redact(JSON.stringify({ meta: JSON.stringify({ proxyPassword: 'hunter2!x', accessKeySecret: 'abc/def+ghi' }) }));
    expect(out).not.toMatch(/hunter2|abc\/def/);
  });

  it('masks registered secrets in every encoding (raw, URL, JSON-escaped, base64, base64url)', () => {
    const secret = 'p@ss/with+odd"chars\\ü';
    registerSecret(secret);
    const b64 = Buffer.from(secret).toString('base64');
    const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1), b64, Buffer.from(secret).toString('base64url')];
    for (const form of forms) expect(redact(`before ${form} after`), form).toBe('before [redacted] after');
  });

  it('ignores registered values too short to be secrets', () => {
    registerSecret('abc', '', undefined);
    expect(redact('abc abc')).toBe('abc abc');
  });
});
