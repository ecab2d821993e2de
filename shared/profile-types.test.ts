import { describe, expect, it } from 'vitest';
import { endpointSchema, maskAccessKeyId, parseStartPath, profileInputSchema } from './profile-types';
import { regionFromHost } from './regions';

describe('profile types', () => {
  it('masks AccessKey IDs as LTAI****abcd', () => {
    expect(maskAccessKeyId('LTAI5tQQx1DWEYK7abcd')).toBe('LTAI****abcd');
    expect(maskAccessKeyId('short1')).toBe('sh****t1');
    expect(maskAccessKeyId('abc')).toBe('****');
  });

  it('parses start paths', () => {
    expect(parseStartPath('oss://photos/2024/jan')).toEqual({ bucket: 'photos', prefix: '2024/jan/' });
    expect(parseStartPath('photos')).toEqual({ bucket: 'photos', prefix: '' });
    expect(parseStartPath('oss://Bad_Name/x')).toBeUndefined();
  });

  it('refuses plain HTTP endpoints unless the warning is ticked, and defaults to HTTPS + V4', () => {
    const base = { kind: 'custom', customUrl: 'http://10.0.0.5:8080' };
    expect(endpointSchema.safeParse(base).success).toBe(false);
    const ok = endpointSchema.parse({ ...base, allowInsecureHttp: true });
    expect(ok.signatureVersion).toBe('v4');
    expect(ok.proxy.mode).toBe('system');
    expect(endpointSchema.safeParse({ kind: 'custom' }).success).toBe(false);
  });

  it('validates RAM role durations 900..43200', () => {
    const role = (durationSeconds: number) => ({
      name: 'r',
      credentials: { type: 'ram-role', accessKeyId: 'LTAI5tExample', accessKeySecret: 's', roleArn: 'acs:ram::123:role/reader', durationSeconds },
    });
    expect(profileInputSchema.safeParse(role(899)).success).toBe(false);
    expect(profileInputSchema.safeParse(role(43201)).success).toBe(false);
    expect(profileInputSchema.parse(role(900)).credentials).toMatchObject({ sessionName: 'oss-browser' });
  });

  it('reads the region from OSS hosts', () => {
    expect(regionFromHost('oss-cn-beijing.aliyuncs.com')).toBe('oss-cn-beijing');
    expect(regionFromHost('bucket.oss-cn-beijing-internal.aliyuncs.com')).toBe('oss-cn-beijing');
    expect(regionFromHost('oss-accelerate.aliyuncs.com')).toBeUndefined();
  });
});
