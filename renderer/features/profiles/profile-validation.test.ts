import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en/profiles.json';
import zh from '../../i18n/locales/zh-CN/profiles.json';
import { emptyForm } from './profile-form-model';
import { validateForm } from './profile-validation';
import { isoToLocalInput, localInputToIso } from './expiry-time';

describe('profile form validation', () => {
  it('names each missing or malformed field, never a contract path', () => {
    const errors = validateForm({ ...emptyForm(), accessKeyId: 'LTAI bad id' }, false);
    expect(errors).toEqual({ accessKeyId: 'invalid.accessKeyId', accessKeySecret: 'invalid.required' });
  });

  it('checks an STS token, a role and the endpoint section', () => {
    expect(validateForm({ ...emptyForm(), type: 'sts-token', accessKeyId: 'STS.abc', accessKeySecret: 's', securityToken: '' }, false)).toEqual({ securityToken: 'invalid.required' });
    expect(validateForm({ ...emptyForm(), type: 'ram-role', accessKeyId: 'LTAIabc', accessKeySecret: 's', roleArn: 'role', durationSeconds: '60' }, false)).toEqual({
      roleArn: 'invalid.roleArn',
      durationSeconds: 'invalid.durationSeconds',
    });
    const custom = validateForm({ ...emptyForm(), accessKeyId: 'LTAIabc', accessKeySecret: 's', endpointKind: 'custom', customUrl: 'http://10.0.0.1:9000', proxyMode: 'manual', proxyUrl: '' }, false);
    expect(custom).toEqual({ allowInsecureHttp: 'invalid.allowInsecureHttp', proxyUrl: 'invalid.proxyUrl' });
    expect(validateForm({ ...emptyForm(), accessKeyId: 'LTAIabc', accessKeySecret: 's', startPath: 'oss://Bad_Bucket/' }, false)).toEqual({ startPath: 'invalid.startPath' });
  });

  it('passes a complete form, and an edit that keeps its stored credentials', () => {
    expect(validateForm({ ...emptyForm(), accessKeyId: 'LTAIabc', accessKeySecret: 's' }, false)).toEqual({});
    expect(validateForm({ ...emptyForm(), changeCredentials: false }, true)).toEqual({});
  });

  it('has every message in English and Chinese', () => {
    const keys = Object.keys(en.invalid);
    expect(Object.keys(zh.invalid).sort()).toEqual([...keys].sort());
    for (const k of keys) expect((zh.invalid as Record<string, string>)[k]).toMatch(/[\u4e00-\u9fff]/);
  });

  it('turns the picked local time into the ISO instant main expects, and back', () => {
    const iso = '2030-01-02T03:04:05Z';
    expect(localInputToIso(isoToLocalInput(iso))).toBe(iso);
    expect(localInputToIso('')).toBe('');
  });
});
