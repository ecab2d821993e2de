import { describe, expect, it } from 'vitest';
import { endpointSchema, profileInputSchema, type ProfileView } from '../../../shared/profile-types';
import { emptyForm, formFromProfile, inputFromForm, startPathInvalid } from './profile-form-model';

describe('profile form model', () => {
  it('builds a valid RAM role input with a custom per-region endpoint and a start path', () => {
    const input = inputFromForm({
      ...emptyForm(),
      name: 'role',
      type: 'ram-role',
      accessKeyId: ' LTAI5tExample ',
      accessKeySecret: 'sec',
      roleArn: 'acs:ram::1:role/r',
      durationSeconds: '900',
      endpointKind: 'custom',
      customRegionUrls: 'oss-cn-hangzhou=http://localhost:1\noss-cn-shanghai=http://localhost:2\n',
      pathStyle: true,
      allowInsecureHttp: true,
      startPath: 'oss://photos/2024',
    });
    const parsed = profileInputSchema.parse(input);
    expect(parsed.credentials).toMatchObject({ type: 'ram-role', accessKeyId: 'LTAI5tExample', durationSeconds: 900 });
    expect(parsed.endpoint.customRegionUrls).toEqual({ 'oss-cn-hangzhou': 'http://localhost:1', 'oss-cn-shanghai': 'http://localhost:2' });
    expect(parsed.startPath).toEqual({ bucket: 'photos', prefix: '2024/' });
  });

  it('fills the edit form from a view without any secret and keeps credentials unless asked', () => {
    const view: ProfileView = {
      id: 'x',
      name: 'sts',
      type: 'sts-token',
      maskedAccessKeyId: 'STS.****abcd',
      settings: { expiration: '2030-01-01T00:00:00Z' },
      endpoint: endpointSchema.parse({ region: 'oss-cn-beijing', proxy: { mode: 'manual', url: 'http://proxy:3128', username: 'u' } }),
      startPath: { bucket: 'b1b', prefix: 'p/' },
      createdAt: '',
      updatedAt: '',
      sessionOnly: false,
    };
    const f = formFromProfile(view);
    expect(f).toMatchObject({ type: 'sts-token', accessKeyId: '', accessKeySecret: '', region: 'oss-cn-beijing', proxyMode: 'manual', startPath: 'oss://b1b/p/', changeCredentials: false });
    expect(inputFromForm(f).endpoint.proxy).toEqual({ mode: 'manual', url: 'http://proxy:3128', username: 'u' });
  });

  it('flags an unparsable start path', () => {
    expect(startPathInvalid({ ...emptyForm(), startPath: 'oss://Bad_Bucket/x' })).toBe(true);
    expect(startPathInvalid({ ...emptyForm(), startPath: '' })).toBe(false);
  });
});
