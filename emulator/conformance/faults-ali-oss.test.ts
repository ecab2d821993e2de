/**
 * Faults injected through the admin API and startEmulator options, observed by ali-oss:
 * fail-next-N by method/path/operation, error rate, dropped connections mid-body in both
 * directions, a bandwidth cap that keeps bodies intact, and clock offset.
 */
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index';
import { admin, aliClient, aliError, rawRequest } from './auth-clients';

let emu: RunningEmulator;
const bucket = 'faults';
const big = Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => (i * 31) % 251));
const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

beforeAll(async () => {
  emu = await startEmulator({ memory: true, port: 0 });
  await aliClient(emu, { credentials: emu.accounts[0]!, v4: true }).putBucket(bucket);
  const client = aliClient(emu, { credentials: emu.accounts[0]!, v4: true, bucket });
  await client.put('small.txt', Buffer.from('small'));
  await client.put('big.bin', big);
});
afterAll(async () => {
  await emu?.close();
});
afterEach(async () => {
  await admin(emu, 'DELETE', 'faults');
  await admin(emu, 'PUT', 'clock', { offsetMs: 0 });
});

const client = (v4 = true) => aliClient(emu, { credentials: emu.accounts[0]!, v4, bucket });

describe('targeted failures', () => {
  it('fails the next N requests matching method and path, then recovers', async () => {
    const added = await admin(emu, 'POST', 'faults/rules', { match: { method: 'GET', path: '^/faults/small' }, action: 'error', status: 503, times: 2 });
    expect(added.status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const err = await aliError(client().get('small.txt'));
      expect([err.status, err.code]).toEqual([503, 'ServiceUnavailable']);
      expect(err.requestId).toMatch(/^[0-9A-F]{24}$/);
    }
    expect((await client().get('big.bin')).content.length).toBe(big.length);
    expect((await client().get('small.txt')).content.toString()).toBe('small');
  });

  it('matches by operation (RAM action)', async () => {
    await admin(emu, 'POST', 'faults/rules', { match: { operation: 'oss:PutObject' }, action: 'error', status: 500, times: 1 });
    expect((await client().get('small.txt')).res.status).toBe(200);
    const err = await aliError(client().put('p.txt', Buffer.from('p')));
    expect([err.status, err.code]).toEqual([500, 'InternalError']);
    expect((await client().put('p.txt', Buffer.from('p'))).res.status).toBe(200);
  });

  it('applies an error rate of 1 to every request and 0 to none', async () => {
    await admin(emu, 'PUT', 'faults', { errorRate: 1, errorStatus: 500 });
    expect((await aliError(client(false).get('small.txt'))).status).toBe(500);
    await admin(emu, 'PUT', 'faults', { errorRate: 0 });
    expect((await client(false).get('small.txt')).res.status).toBe(200);
  });
});

describe('dropped connections', () => {
  it('cuts a download after some bytes, once', async () => {
    await admin(emu, 'POST', 'faults/rules', { match: { method: 'GET', path: 'big\\.bin$' }, action: 'drop', afterBytes: 10_000, times: 1 });
    // The body stops early: ali-oss must fail (how it words a cut connection is its business).
    await aliError(client().get('big.bin'));
    expect(md5((await client().get('big.bin')).content)).toBe(md5(big));
  });

  it('cuts an upload mid-body and stores nothing', async () => {
    await admin(emu, 'POST', 'faults/rules', { match: { method: 'PUT', path: 'cut\\.bin$' }, action: 'drop', afterBytes: 50_000, times: 1 });
    await aliError(client().put('cut.bin', big));
    await expect(client().head('cut.bin')).rejects.toMatchObject({ status: 404 });
    await client().put('cut.bin', big);
    expect(md5((await client().get('cut.bin')).content)).toBe(md5(big));
  });
});

describe('multipart', () => {
  it('drops one chosen part upload (query match) and the upload can resume', async () => {
    await admin(emu, 'POST', 'faults/rules', { match: { method: 'PUT', query: '(^|&)partNumber=2(&|$)' }, action: 'drop', afterBytes: 1000, times: 1 });
    const source = Buffer.concat([big, big, big, big]);
    let checkpoint: unknown;
    const options = { partSize: 256 * 1024, parallel: 1, progress: (_p: number, cpt: unknown) => void (checkpoint = cpt) };
    await aliError(client().multipartUpload('mpu.bin', source, options));
    expect((checkpoint as { doneParts: unknown[] }).doneParts).toHaveLength(1);
    await client().multipartUpload('mpu.bin', source, { ...options, checkpoint } as never);
    expect(md5((await client().get('mpu.bin')).content)).toBe(md5(source));
  });
});

describe('bandwidth and latency', () => {
  it('keeps bodies intact under a bandwidth cap and added latency', async () => {
    await admin(emu, 'PUT', 'faults', { bandwidthBytesPerSec: 2 * 1024 * 1024, latencyMs: 20 });
    await client().put('throttled.bin', big);
    expect(md5((await client().get('throttled.bin')).content)).toBe(md5(big));
    const snapshot = JSON.parse((await admin(emu, 'GET', 'faults')).text) as { bandwidthBytesPerSec: number; latencyMs: number };
    expect(snapshot).toMatchObject({ bandwidthBytesPerSec: 2 * 1024 * 1024, latencyMs: 20 });
  });

  it('honours x-oss-traffic-limit (header and presigned query) and rejects values out of range', async () => {
    await client().put('limited.bin', big, { headers: { 'x-oss-traffic-limit': String(100 * 1024 * 8 * 10) } });
    const url = client(false).signatureUrl('small.txt', { expires: 60, trafficLimit: 819200 } as never);
    expect(new URL(url).searchParams.get('x-oss-traffic-limit')).toBe('819200');
    expect((await rawRequest(url)).text).toBe('small');
    const small = aliClient(emu, { credentials: emu.accounts[0]!, v4: false, bucket });
    expect(md5((await small.get('limited.bin', { headers: { 'x-oss-traffic-limit': '8388608' } })).content)).toBe(md5(big));
    const err = await aliError(client().get('small.txt', { headers: { 'x-oss-traffic-limit': '1000' } }));
    expect([err.status, err.code]).toEqual([400, 'InvalidArgument']);
  });

  it('rejects an invalid fault config', async () => {
    const res = await admin(emu, 'PUT', 'faults', { errorRate: 2 });
    expect(res.status).toBe(400);
  });
});

describe('clock offset', () => {
  it('moves the server clock through the admin API', async () => {
    await admin(emu, 'PUT', 'clock', { offsetMs: 20 * 60_000 });
    expect((await aliError(client().get('small.txt'))).code).toBe('RequestTimeTooSkewed');
    await admin(emu, 'PUT', 'clock', { offsetMs: 0 });
    expect((await client().get('small.txt')).res.status).toBe(200);
  });

  it('takes faults and clock offset from startEmulator options', async () => {
    const other = await startEmulator({ memory: true, port: 0, clockOffsetMs: -20 * 60_000, faults: { rules: [{ match: { method: 'GET' }, action: 'error', times: 1 }] } });
    try {
      const res = await rawRequest(`${other.endpoint}/`);
      expect(res.status).toBe(503);
      const err = await aliError(aliClient(other, { credentials: other.accounts[0]!, v4: false }).listBuckets({}));
      expect(err.code).toBe('RequestTimeTooSkewed');
    } finally {
      await other.close();
    }
  });
});
