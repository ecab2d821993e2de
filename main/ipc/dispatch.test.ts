import http from 'node:http';
import type { AddressInfo } from 'node:net';
import OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppException, ErrorCode } from '../../shared/errors';
import { createAppContext } from '../app-context';
import { createMemoryLogger } from '../services/log/logger';
import { dispatch } from './dispatch';
import { createHandlerTable } from './handlers';
import type { HandlerTable } from './handler-types';

const SECRET = 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy';
const STS = 'CAIS9wF1q6Ft5B2yfSjIr5bNDu3H3bNy1fGkcFPJi0w5Wtx+2pHhljz2IHFJe3FsAekdsf42';

function makeTable(overrides: Partial<HandlerTable> = {}) {
  const log = createMemoryLogger();
  const opened: string[] = [];
  const ctx = createAppContext({
    userDataDir: '/tmp/unused',
    log,
    emit: () => {},
    openExternal: async (url) => {
      opened.push(url);
    },
  });
  return { table: { ...createHandlerTable(ctx), ...overrides } as HandlerTable, log, opened };
}

/** A server that answers every request with an OSS error XML, so ali-oss parses a real reply. */
let server: http.Server;
let port = 0;
beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>You have no right to access this object because of bucket acl.</Message><RequestId>5C3D9175B6FC201293AD4890</RequestId><HostId>b.oss-cn-hangzhou.aliyuncs.com</HostId><EC>0003-00000001</EC></Error>`;
    res.writeHead(403, { 'content-type': 'application/xml', 'x-oss-request-id': '5C3D9175B6FC201293AD4890' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('dispatch', () => {
  it('runs a real handler and returns its value', async () => {
    const { table } = makeTable();
    const result = await dispatch(table, 'app:info', undefined);
    expect(result.ok).toBe(true);
    if (result.ok) expect((result.value as { version: string }).version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('rejects invalid input with InvalidArgument naming the field, before the handler runs', async () => {
    const { table, opened } = makeTable();
    const result = await dispatch(table, 'app:open-external', { url: 'file:///etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.InvalidArgument } });
    if (!result.ok) expect(result.error.message).toContain('url: Only https links can be opened.');
    expect(opened).toEqual([]);
    const missing = await dispatch(table, 'app:log', { level: 'loud' });
    if (!missing.ok) expect(missing.error.message).toMatch(/level: .*; message: /);
    else expect.fail('expected a validation error');
  });

  it('refuses unknown channels', async () => {
    const { table } = makeTable();
    expect(await dispatch(table, 'fs:read', {})).toMatchObject({ ok: false, error: { code: ErrorCode.UnknownChannel } });
    expect(await dispatch(table, 'toString', {})).toMatchObject({ ok: false, error: { code: ErrorCode.UnknownChannel } });
  });

  it('maps a real ali-oss error reply to code, request ID, EC, status and hint', async () => {
    const client = new OSS({ endpoint: `http://localhost:${port}`, sldEnable: true, bucket: 'demo-bucket', region: 'oss-cn-hangzhou', accessKeyId: 'LTAI5tExampleId', accessKeySecret: SECRET, authorizationV4: true } as OSS.Options);
    const { table } = makeTable({ 'app:log': async () => void (await client.get('secret.txt')) });
    const result = await dispatch(table, 'app:log', { level: 'info', message: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'AccessDenied', requestId: '5C3D9175B6FC201293AD4890', ec: '0003-00000001', status: 403 });
    expect(result.error.message).toContain('no right to access');
    expect(result.error.hint).toMatch(/RAM permission/);
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });

  it('maps a refused connection to NetworkError with an endpoint hint', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    // The interval only stops ali-oss printing its refreshSTSToken advice; no refresher runs.
    const client = new OSS({ endpoint: `http://localhost:${deadPort}`, sldEnable: true, bucket: 'demo-bucket', region: 'oss-cn-hangzhou', accessKeyId: 'id', accessKeySecret: SECRET, stsToken: STS, retryMax: 0, refreshSTSTokenInterval: 3_600_000 } as OSS.Options);
    const { table } = makeTable({ 'app:log': async () => void (await client.list({ 'max-keys': 1 }, {})) });
    const result = await dispatch(table, 'app:log', { level: 'info', message: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.NetworkError } });
    if (!result.ok) expect(result.error.hint).toMatch(/Nothing answered at the endpoint/);
  });

  it('redacts secrets, STS tokens and signatures from messages and logs', async () => {
    const { table, log } = makeTable({
      'app:log': () => {
        throw new Error(`boom accessKeySecret: '${SECRET}' token ${STS} url https://b.oss-cn-hangzhou.aliyuncs.com/k?OSSAccessKeyId=LTAI&Expires=1&Signature=abc%2Bdef&x-oss-security-token=${encodeURIComponent(STS)}`);
      },
    });
    const result = await dispatch(table, 'app:log', { level: 'info', message: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: ErrorCode.Internal } });
    const text = JSON.stringify(result) + log.lines.join('\n');
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(STS.slice(0, 30));
    expect(text).not.toContain('abc%2Bdef');
    expect(text).toContain('boom');
    expect(text).toContain('[redacted]');
  });

  it('passes AppException fields through and adds the hint for known codes', async () => {
    const { table } = makeTable({
      'app:log': () => {
        throw new AppException({ code: 'KeychainUnavailable', message: 'Secret Service did not answer' });
      },
    });
    const result = await dispatch(table, 'app:log', { level: 'info', message: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'KeychainUnavailable', message: 'Secret Service did not answer' } });
    if (!result.ok) expect(result.error.hint).toMatch(/gnome-keyring/);
  });
});
