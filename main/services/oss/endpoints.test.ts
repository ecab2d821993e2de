import http from 'node:http';
import type { AddressInfo } from 'node:net';
import OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../emulator/index';
import { endpointSchema, type EndpointSettings } from '../../../shared/profile-types';
import { AccessKeyProvider } from '../credentials/static-providers';
import { OssClientFactory } from './client-factory';
import { describeRegions, EndpointError, regionForEndpoint, RegionsUnavailableError, resolveEndpoint } from './endpoints';

const settings = (over: Partial<EndpointSettings> = {}): EndpointSettings => endpointSchema.parse(over);

describe('resolveEndpoint', () => {
  it('uses HTTPS region endpoints for public, internal and accelerate', () => {
    expect(resolveEndpoint(settings(), 'cn-beijing')).toEqual({ endpoint: 'https://oss-cn-beijing.aliyuncs.com', region: 'oss-cn-beijing', cname: false, pathStyle: false });
    expect(resolveEndpoint(settings({ kind: 'internal' }), 'oss-cn-beijing').endpoint).toBe('https://oss-cn-beijing-internal.aliyuncs.com');
    const acc = resolveEndpoint(settings({ kind: 'accelerate' }), 'oss-eu-central-1');
    expect(acc).toMatchObject({ endpoint: 'https://oss-accelerate.aliyuncs.com', region: 'oss-eu-central-1' });
  });

  it('routes a bucket with a custom domain through it (CNAME)', () => {
    const s = settings({ cnames: { photos: 'img.example.com' } });
    expect(resolveEndpoint(s, 'oss-cn-hangzhou', 'photos')).toEqual({ endpoint: 'https://img.example.com', region: 'oss-cn-hangzhou', cname: true, pathStyle: false });
    expect(resolveEndpoint(s, 'oss-cn-hangzhou', 'other').cname).toBe(false);
  });

  it('picks the per-region URL of a custom endpoint and refuses HTTP without the warning flag', () => {
    const s = settings({ kind: 'custom', customRegionUrls: { 'oss-cn-hangzhou': 'http://localhost:1001', 'oss-cn-shanghai': 'http://localhost:1002' }, allowInsecureHttp: true, pathStyle: true });
    expect(resolveEndpoint(s, 'oss-cn-shanghai', 'b')).toEqual({ endpoint: 'http://localhost:1002', region: 'oss-cn-shanghai', cname: false, pathStyle: true });
    expect(() => resolveEndpoint(s, 'oss-cn-beijing')).toThrow(EndpointError);
    expect(() => resolveEndpoint({ ...s, allowInsecureHttp: false }, 'oss-cn-hangzhou')).toThrow(/plain HTTP/);
    expect(regionForEndpoint(s, 'localhost:1002')).toBe('oss-cn-shanghai');
    expect(regionForEndpoint(s, 'oss-ap-southeast-1.aliyuncs.com')).toBe('oss-ap-southeast-1');
  });
});

describe('client options against the emulator', () => {
  let emu: RunningEmulator;
  let proxy: http.Server;
  const proxied: Array<{ url: string; auth?: string }> = [];
  let proxyUrl: string;

  beforeAll(async () => {
    emu = await startEmulator({ memory: true });
    const key = emu.accounts[0]!;
    await new OSS({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, endpoint: emu.endpoint, region: emu.region, sldEnable: true, authorizationV4: true } as OSS.Options).putBucket('options-bucket');
    // A forward HTTP proxy: absolute-URI requests are relayed to the emulator.
    proxy = http.createServer((req, res) => {
      proxied.push({ url: req.url ?? '', ...(req.headers['proxy-authorization'] ? { auth: String(req.headers['proxy-authorization']) } : {}) });
      const target = new URL(req.url ?? '');
      const headers = { ...req.headers };
      delete headers['proxy-authorization'];
      const up = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, method: req.method, headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      up.on('error', () => res.writeHead(502).end());
      req.pipe(up);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await emu?.close();
    await new Promise((r) => proxy?.close(r));
  });

  const factory = (over: Partial<EndpointSettings>, proxyPassword?: string) => {
    const key = emu.accounts[0]!;
    const record = {
      id: 'opt',
      name: 'opt',
      type: 'access-key' as const,
      settings: {},
      endpoint: settings({ kind: 'custom', region: emu.region, customRegionUrls: emu.endpoints, pathStyle: true, allowInsecureHttp: true, proxy: { mode: 'none' }, ...over }),
      createdAt: '',
      updatedAt: '',
    };
    const provider = new AccessKeyProvider({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret });
    return new OssClientFactory({ resolve: async () => ({ record, provider, ...(proxyPassword ? { proxyPassword } : {}) }) });
  };

  it('signs with V1 for older private clouds as well as V4, and passes connect/read timeouts to urllib', async () => {
    const v1 = await factory({ signatureVersion: 'v1' }).forBucket('opt', 'options-bucket');
    expect((v1 as unknown as { options: { authorizationV4: boolean; timeout: number[] } }).options).toMatchObject({ authorizationV4: false, timeout: [10_000, 120_000] });
    await v1.put('v1.txt', Buffer.from('v1'));
    const v4 = await factory({ connectTimeoutMs: 2000, readTimeoutMs: 5000 }).forBucket('opt', 'options-bucket');
    expect((v4 as unknown as { options: { timeout: number[] } }).options.timeout).toEqual([2000, 5000]);
    expect((await v4.get('v1.txt')).content.toString()).toBe('v1');
  });

  it('sends every request through a manual proxy with its credentials', async () => {
    proxied.length = 0;
    const client = await factory({ proxy: { mode: 'manual', url: proxyUrl, username: 'alice' } }, 'proxy-pass').forBucket('opt', 'options-bucket');
    await client.put('via-proxy.txt', Buffer.from('p'));
    expect(proxied.length).toBeGreaterThan(0);
    expect(proxied.every((p) => p.url.startsWith('http://localhost:'))).toBe(true);
    expect(proxied[0]!.auth).toBe(`Basic ${Buffer.from('alice:proxy-pass').toString('base64')}`);
  });

  it('uses the system proxy from HTTP_PROXY unless NO_PROXY matches', async () => {
    proxied.length = 0;
    const key = emu.accounts[0]!;
    await new OSS({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret, endpoint: emu.endpoint, region: emu.region, sldEnable: true, authorizationV4: true, bucket: 'options-bucket' } as OSS.Options).put('via-proxy.txt', Buffer.from('p'));
    const record = { id: 's', name: 's', type: 'access-key' as const, settings: {}, endpoint: settings({ kind: 'custom', region: emu.region, customRegionUrls: emu.endpoints, pathStyle: true, allowInsecureHttp: true }), createdAt: '', updatedAt: '' };
    const provider = new AccessKeyProvider({ accessKeyId: key.accessKeyId, accessKeySecret: key.accessKeySecret });
    const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY, http_proxy: process.env.http_proxy, no_proxy: process.env.no_proxy };
    try {
      for (const k of Object.keys(saved)) delete process.env[k];
      process.env.HTTP_PROXY = proxyUrl;
      const viaEnv = new OssClientFactory({ resolve: async () => ({ record, provider }) });
      await (await viaEnv.forBucket('s', 'options-bucket')).head('via-proxy.txt');
      expect(proxied.length, JSON.stringify(proxied)).toBeGreaterThan(0);
      const before = proxied.length;
      process.env.NO_PROXY = 'localhost';
      const bypass = new OssClientFactory({ resolve: async () => ({ record, provider }) });
      await (await bypass.forBucket('s', 'options-bucket')).head('via-proxy.txt');
      expect(proxied.length, JSON.stringify(proxied)).toBe(before);
    } finally {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    }
  });

  it('DescribeRegions: the emulator does not serve it, and the refresh says so plainly', async () => {
    const client = await factory({}).forService('opt');
    const err = await describeRegions(client as unknown as Parameters<typeof describeRegions>[0]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegionsUnavailableError);
    expect((err as RegionsUnavailableError).hint).toMatch(/built-in region list/);
  });
});
