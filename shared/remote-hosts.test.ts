import { describe, expect, it } from 'vitest';
import { assertCredentialUrlsAllowed, assertEndpointUrlsAllowed, assertRemoteUrlAllowed, endpointHostsToConfirm, isForbiddenHost, judgeRemoteUrl, REMOTE_HOST_HINTS, RemoteHostError, type HostApproval, type RemotePurpose } from './remote-hosts';

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

  it('carries the host in its own field; message and hint are plain sentences without it', () => {
    const thrown = (purpose: RemotePurpose, url: string, approval: HostApproval) => {
      try {
        assertRemoteUrlAllowed(purpose, url, 'oss-cn-hangzhou', approval);
      } catch (e) {
        return e as RemoteHostError;
      }
      throw new Error(`${url} was allowed`);
    };
    const cases: Array<[RemotePurpose, string, HostApproval, string, string | undefined]> = [
      ['sts', 'https://capture.example:8443/', {}, 'HostNotConfirmed', 'capture.example:8443'],
      ['credentials-uri', 'http://169.254.169.254/', {}, 'ForbiddenHost', '169.254.169.254'],
      ['credentials-uri', 'not a url user:pw', {}, 'ForbiddenHost', undefined],
      ['credentials-uri', 'http://creds.corp:8080/', { confirmedHosts: ['creds.corp:8080'] }, 'InsecureHttpNotAllowed', 'creds.corp:8080'],
      ['oss-host', 'http://oss.corp:8080/', { confirmedHosts: ['oss.corp:8080'] }, 'InsecureHttpNotAllowed', 'oss.corp:8080'],
      ['oss-host', 'https://img.example.com/', {}, 'EndpointHostNotConfirmed', 'img.example.com'],
    ];
    for (const [purpose, url, approval, code, host] of cases) {
      const e = thrown(purpose, url, approval);
      expect([url, e.code, e.host]).toEqual([url, code, host]);
      const named = host ? host.split(':')[0]! : 'user:pw';
      for (const text of [e.message, e.hint]) expect([url, text.includes(named)]).toEqual([url, false]);
      if (code in REMOTE_HOST_HINTS) expect(e.hint).toBe(REMOTE_HOST_HINTS[code as keyof typeof REMOTE_HOST_HINTS]);
    }
  });

  it('words plain HTTP by what goes over it: credentials for sign-in addresses, signed requests and files for OSS addresses', () => {
    const message = (purpose: RemotePurpose, host: string) => {
      try {
        assertRemoteUrlAllowed(purpose, `http://${host}/`, 'oss-cn-hangzhou', { confirmedHosts: [host] });
      } catch (e) {
        return (e as RemoteHostError).code === 'InsecureHttpNotAllowed' ? (e as Error).message : `other: ${String(e)}`;
      }
      return 'allowed';
    };
    for (const purpose of ['sts', 'credentials-uri'] as const) expect(message(purpose, 'creds.corp:81')).toMatch(/credentials it returns/);
    for (const purpose of ['oss-host', 'oss-endpoint'] as const) {
      expect(message(purpose, 'oss.corp:81')).toMatch(/signed requests and your files/);
      expect(message(purpose, 'oss.corp:81')).not.toMatch(/credentials/);
    }
  });
});
