import { describe, expect, it } from 'vitest';
import { assertCredentialUrlsAllowed, assertEndpointUrlsAllowed, assertRemoteUrlAllowed, endpointHostsToConfirm, isForbiddenHost, judgeRemoteUrl, RemoteHostError } from './remote-hosts';

const refused = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e instanceof RemoteHostError ? e.code : `other: ${String(e)}`;
  }
  return 'allowed';
};

describe('remote host policy', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', true],
    ['http://100.100.100.200/', true],
    ['http://[fe80::1]/', true],
    ['http://[::ffff:169.254.169.254]/', true],
    ['http://0.0.0.0:8080/', true],
    ['http://metadata.google.internal/', true],
    ['https://sts.example.com/', false],
    ['http://localhost:9000/', false],
  ])('%s forbidden: %s', (url, forbidden) => {
    expect(isForbiddenHost(new URL(url).hostname)).toBe(forbidden);
  });

  it('accepts official STS and ECS metadata hosts without asking', () => {
    expect(judgeRemoteUrl('sts', 'https://sts.aliyuncs.com', 'oss-cn-hangzhou')).toEqual({ kind: 'official' });
    expect(judgeRemoteUrl('sts', 'https://sts.cn-shanghai.aliyuncs.com/', 'oss-cn-hangzhou')).toEqual({ kind: 'official' });
    expect(judgeRemoteUrl('ecs-metadata', 'http://100.100.100.200', 'oss-cn-hangzhou')).toEqual({ kind: 'official' });
    expect(judgeRemoteUrl('oss-endpoint', 'https://oss-cn-hangzhou.aliyuncs.com', 'oss-cn-hangzhou')).toEqual({ kind: 'official' });
  });

  it('never treats a look-alike, a port, or plain http as official', () => {
    expect(judgeRemoteUrl('sts', 'http://sts.aliyuncs.com', 'oss-cn-hangzhou').kind).toBe('confirm');
    expect(judgeRemoteUrl('sts', 'https://sts.aliyuncs.com.evil.example', 'oss-cn-hangzhou').kind).toBe('confirm');
    expect(judgeRemoteUrl('sts', 'https://sts.aliyuncs.com:8443', 'oss-cn-hangzhou').kind).toBe('confirm');
    expect(judgeRemoteUrl('oss-endpoint', 'https://oss-cn-beijing.aliyuncs.com', 'oss-cn-hangzhou').kind).toBe('confirm');
    expect(judgeRemoteUrl('ecs-metadata', 'http://100.100.100.200', 'x').kind).toBe('official');
    expect(judgeRemoteUrl('sts', 'http://100.100.100.200', 'x').kind).toBe('forbidden');
    expect(judgeRemoteUrl('credentials-uri', 'https://user:pw@creds.example.com/', 'x').kind).toBe('forbidden');
  });

  it('needs the confirmed host, and the plain-HTTP tick for http', () => {
    const url = 'http://creds.corp.example:8080/creds';
    expect(refused(() => assertRemoteUrlAllowed('credentials-uri', url, 'r', {}))).toBe('HostNotConfirmed');
    expect(refused(() => assertRemoteUrlAllowed('credentials-uri', url, 'r', { confirmedHosts: ['creds.corp.example'] }))).toBe('HostNotConfirmed');
    expect(refused(() => assertRemoteUrlAllowed('credentials-uri', url, 'r', { confirmedHosts: ['creds.corp.example:8080'] }))).toBe('InsecureHttpNotAllowed');
    expect(refused(() => assertRemoteUrlAllowed('credentials-uri', url, 'r', { confirmedHosts: ['creds.corp.example:8080'], allowInsecureHttp: true }))).toBe('allowed');
    expect(refused(() => assertRemoteUrlAllowed('sts', 'http://169.254.169.254/', 'r', { confirmedHosts: ['169.254.169.254'], allowInsecureHttp: true }))).toBe('ForbiddenHost');
  });

  it('checks each URL a credential type makes main contact', () => {
    const approval = { confirmedHosts: [], allowInsecureHttp: true };
    expect(refused(() => assertCredentialUrlsAllowed({ type: 'ram-role', stsEndpoint: 'https://capture.example/' }, 'r', approval))).toBe('HostNotConfirmed');
    expect(refused(() => assertCredentialUrlsAllowed({ type: 'oidc-role', stsEndpoint: 'https://capture.example/' }, 'r', approval))).toBe('HostNotConfirmed');
    expect(refused(() => assertCredentialUrlsAllowed({ type: 'ecs-ram-role', metadataUrl: 'http://10.0.0.1/' }, 'r', approval))).toBe('HostNotConfirmed');
    expect(refused(() => assertCredentialUrlsAllowed({ type: 'ram-role' }, 'r', approval))).toBe('allowed');
    expect(refused(() => assertCredentialUrlsAllowed({ type: 'ecs-ram-role' }, 'r', approval))).toBe('allowed');
  });

  it('lists every OSS endpoint host that is not an https host of aliyuncs.com: custom URLs, per-region URLs, bucket domains', () => {
    const endpoint = {
      customUrl: 'https://oss.private.example:8443',
      customRegionUrls: { 'oss-cn-hangzhou': 'https://oss-cn-hangzhou.aliyuncs.com', 'oss-x': 'http://10.0.0.5:9000', 'oss-y': 'https://10.0.0.5:9000' },
      cnames: { photos: 'img.example.com', docs: 'http://IMG.example.com', vpc: 'photos.oss-cn-hangzhou-internal.aliyuncs.com' },
    };
    expect(endpointHostsToConfirm(endpoint)).toEqual([
      { host: 'oss.private.example:8443', insecure: false },
      { host: '10.0.0.5:9000', insecure: true },
      { host: 'img.example.com', insecure: true },
    ]);
    expect(endpointHostsToConfirm({ customUrl: 'http://oss-cn-hangzhou.aliyuncs.com' })).toEqual([{ host: 'oss-cn-hangzhou.aliyuncs.com', insecure: true }]);
    expect(endpointHostsToConfirm({ customUrl: 'https://oss-cn-hangzhou.aliyuncs.com.evil.example' })).toHaveLength(1);
    expect(endpointHostsToConfirm({})).toEqual([]);
  });

  it('refuses an endpoint host that is not trusted (EndpointHostNotConfirmed), forbidden, or plain http without the warning', () => {
    const cname = { cnames: { photos: 'img.example.com' } };
    expect(refused(() => assertEndpointUrlsAllowed(cname, {}))).toBe('EndpointHostNotConfirmed');
    expect(refused(() => assertEndpointUrlsAllowed(cname, { confirmedHosts: ['IMG.example.com'] }))).toBe('allowed');
    expect(refused(() => assertEndpointUrlsAllowed({ customUrl: 'http://[fe80::1]:80' }, { confirmedHosts: ['[fe80::1]'], allowInsecureHttp: true }))).toBe('ForbiddenHost');
    expect(refused(() => assertEndpointUrlsAllowed({ customUrl: 'http://oss.corp:80' }, { confirmedHosts: ['oss.corp'] }))).toBe('InsecureHttpNotAllowed');
    expect(refused(() => assertEndpointUrlsAllowed({ customRegionUrls: { r: 'https://oss-r.aliyuncs.com' } }, {}))).toBe('allowed');
  });
});
