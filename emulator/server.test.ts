/** The gate's pipeline against a tiny fake store: order of checks, bypasses, request ids, admin reset. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OssError, type Operation, type RequestContext, type Store } from './core/contract';
import { startEmulator, type RunningEmulator } from './index';
import { admin, aliClient, aliError, rawRequest, xmlField } from './conformance/auth-clients';

let opened = 0;
const logLines: string[] = [];
const seen: RequestContext[] = [];

function fakeStore(): Promise<Store> {
  opened += 1;
  const reply = (text: string): Operation['handle'] => async (ctx) => {
    seen.push(ctx);
    ctx.res.writeHead(200, { 'Content-Type': 'text/plain' }).end(text);
  };
  return Promise.resolve({
    getBucket: async (name) => (name === 'fake-bucket' ? { name, region: 'oss-cn-hangzhou', ownerAccountId: '1000000000000001', acl: 'private' as const } : null),
    getObjectAcl: async () => 'default' as const,
    corsHeaders: (ctx): Record<string, string> => (ctx.req.headers.origin === 'http://app' ? { 'Access-Control-Allow-Origin': 'http://app' } : {}),
    resolve(ctx) {
      if (ctx.method === 'OPTIONS') return { action: 'oss:PreflightCors', handle: reply('preflight') };
      if (ctx.method === 'PATCH') throw new OssError(501, 'NotImplemented', 'no PATCH', '0000-00000000');
      return { action: 'oss:GetObject', handle: reply(`object ${ctx.key}`) };
    },
    close: async () => undefined,
  });
}

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ createStore: fakeStore, port: 0, log: (line) => logLines.push(line) });
});
afterAll(async () => {
  await emu?.close();
});

describe('gate pipeline', () => {
  it('hands the operation a context with principal, region, decoded key and query', async () => {
    const client = aliClient(emu, { credentials: emu.accounts[0]!, v4: true, bucket: 'fake-bucket' });
    const res = await client.get('a/b c.txt', { subres: { versionId: 'v 1' } } as never);
    expect(res.content.toString()).toBe('object a/b c.txt');
    const ctx = seen.at(-1)!;
    expect(ctx.principal?.name).toBe('sandbox');
    expect(ctx.region).toBe('oss-cn-hangzhou');
    expect(ctx.query.get('versionId')).toBe('v 1');
    expect(ctx.requestId).toBe((res.res.headers as Record<string, string>)['x-oss-request-id']);
  });

  it('authenticates before reporting an unsupported operation', async () => {
    const bad = await rawRequest(`${emu.endpoint}/fake-bucket/k`, { method: 'PATCH', headers: { Date: new Date().toUTCString(), Authorization: 'OSS LTAI5tSandboxDemoKey0001:AAAA' } });
    expect(xmlField(bad.text, 'Code')).toBe('SignatureDoesNotMatch');
    const anonymous = await rawRequest(`${emu.endpoint}/fake-bucket/k`, { method: 'PATCH' });
    expect([anonymous.status, xmlField(anonymous.text, 'Code')]).toEqual([501, 'NotImplemented']);
  });

  it('adds the store\'s CORS headers to errors the gate sends', async () => {
    const denied = await rawRequest(`${emu.endpoint}/fake-bucket/k`, { headers: { Origin: 'http://app' } });
    expect([denied.status, denied.headers['access-control-allow-origin']]).toEqual([403, 'http://app']);
    const other = await rawRequest(`${emu.endpoint}/fake-bucket/k`, { headers: { Origin: 'http://evil' } });
    expect([other.status, other.headers['access-control-allow-origin']]).toEqual([403, undefined]);
  });

  it('lets CORS preflight through without a signature', async () => {
    const res = await rawRequest(`${emu.endpoint}/fake-bucket/k`, { method: 'OPTIONS', headers: { Origin: 'http://app', 'Access-Control-Request-Method': 'PUT' } });
    expect([res.status, res.text]).toEqual([200, 'preflight']);
  });

  it('checks the region before the signature, and puts a request id on every response', async () => {
    const wrong = aliClient(emu, { credentials: { accessKeyId: 'LTAInobody', accessKeySecret: 'x' }, v4: true, region: 'oss-cn-shanghai', bucket: 'fake-bucket' });
    const err = await aliError(wrong.get('k'));
    expect([err.code, err.ecCode]).toEqual(['AccessDenied', '0003-00001403']);
    for (const res of [await rawRequest(`${emu.endpoint}/fake-bucket/k`), await rawRequest(`${emu.endpoint}/__emulator/health`)]) {
      expect(res.headers['x-oss-request-id']).toMatch(/^[0-9A-F]{24}$/);
    }
  });

  it('logs one line per response without query strings', async () => {
    const client = aliClient(emu, { credentials: emu.accounts[0]!, v4: false, bucket: 'fake-bucket' });
    await rawRequest(client.signatureUrl('logged.txt', { expires: 60 }));
    const line = logLines.find((l) => l.includes('/fake-bucket/logged.txt'))!;
    expect(line).toMatch(/^oss-cn-hangzhou GET \/fake-bucket\/logged\.txt 200 [0-9A-F]{24}$/);
    expect(logLines.join('\n')).not.toContain('Signature');
  });

  it('resets through the admin API: a new store, no faults, clock back to zero', async () => {
    emu.clock.offsetMs = 1234;
    emu.faults.addRule({ action: 'error' });
    const before = opened;
    expect((await admin(emu, 'POST', 'reset')).status).toBe(200);
    expect(opened).toBe(before + 1);
    expect(emu.clock.offsetMs).toBe(0);
    expect(emu.faults.snapshot().rules).toEqual([]);
    const info = JSON.parse((await admin(emu, 'GET', 'info')).text) as { endpoint: string; stsEndpoint: string };
    expect(info).toMatchObject({ endpoint: emu.endpoint, stsEndpoint: emu.stsEndpoint });
  });
});
