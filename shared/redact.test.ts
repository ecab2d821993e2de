import { describe, expect, it } from 'vitest';
import { redact } from './redact';

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
