/**
 * The preview server against the real emulator with an STS profile (credentials URI),
 * built the way main builds it (createAppContext, the real client factory) and reached
 * through main's real handler table.
 */
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OSS from 'ali-oss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../emulator/index';
import type { IpcResult } from '../../shared/errors';
import type { PreviewUrl, ThumbnailUrl } from '../../shared/object-types';
import type { ProfileView } from '../../shared/profile-types';
import { createAppContext, type AppContext } from '../app-context';
import { ScriptedDesktopHost } from '../services/host/desktop-host';
import { trustEmulator } from '../test-support/trust-emulator';
import { dispatch } from '../ipc/dispatch';
import { createHandlerTable } from '../ipc/handlers';
import type { HandlerTable } from '../ipc/handler-types';
import { createMemoryLogger } from '../services/log/logger';
import { MemorySecretStore } from '../services/secrets/memory-secret-store';
import { PreviewServer } from '../services/preview/preview-server';

const BUCKET = 'preview-sts';
const VIDEO = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7 + 3) % 256));
const PDF_KEY = 'docs/报告 "final".pdf';

let emu: RunningEmulator;
let userDataDir: string;
let ctx: AppContext;
const host = new ScriptedDesktopHost();
let table: HandlerTable;
let profileId: string;
const log = createMemoryLogger();

async function ok<T>(channel: string, input?: unknown): Promise<{ value: T; raw: string }> {
  const reply = (await dispatch(table, channel, input, { log })) as IpcResult<T>;
  if (!reply.ok) throw new Error(`${channel} failed: ${reply.error.code} ${reply.error.message}`);
  return { value: reply.value, raw: JSON.stringify(reply) };
}

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** node:http rather than fetch: tests set Host and methods fetch refuses. */
function request(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  emu = await startEmulator({ memory: true });
  const acct = emu.accounts.find((a) => a.name === 'sandbox')!;
  const admin = new OSS({ accessKeyId: acct.accessKeyId, accessKeySecret: acct.accessKeySecret, endpoint: emu.endpoint, region: emu.region, sldEnable: true, authorizationV4: true } as OSS.Options);
  await admin.putBucket(BUCKET);
  admin.useBucket(BUCKET);
  await admin.put('media/clip.mp4', VIDEO, { mime: 'video/mp4' });
  await admin.put('img/pic.png', Buffer.from('89504e470d0a1a0a', 'hex'), { mime: 'application/octet-stream' });
  await admin.put(PDF_KEY, Buffer.from('%PDF-1.4\n%%EOF\n'));
  userDataDir = await mkdtemp(join(tmpdir(), 'preview-server-'));
  trustEmulator(emu.endpoints, host);
  ctx = createAppContext({
    userDataDir,
    log,
    emit: () => undefined,
    openExternal: async () => undefined,
    secrets: new MemorySecretStore(),
    home: userDataDir,
    env: {},
    sandboxInMemory: true,
    host,
  });
  table = createHandlerTable(ctx);
  const endpoint = { kind: 'custom', region: emu.region, customRegionUrls: emu.endpoints, pathStyle: true, allowInsecureHttp: true, proxy: { mode: 'none' } };
  // The emulator's credentials service is not Alibaba Cloud's: the user trusts it in main's dialog.
  host.answers.hosts.push(true);
  const added = await ok<ProfileView>('profiles:add', { input: { name: 'uri', credentials: { type: 'credentials-uri', credentialsUri: emu.credentialsUriEndpoint }, endpoint } });
  profileId = added.value.id;
});

afterAll(async () => {
  ctx?.browse.dispose();
  await ctx?.previewServer.close();
  ctx?.profiles.dispose();
  await emu?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

describe('preview server with an STS profile', () => {
  it('replies to objects:preview-url and objects:thumbnail-url without any credential or signature', async () => {
    const preview = await ok<PreviewUrl>('objects:preview-url', { profileId, bucket: BUCKET, key: 'media/clip.mp4', expiresSeconds: 900 });
    const thumb = await ok<ThumbnailUrl>('objects:thumbnail-url', { profileId, bucket: BUCKET, key: 'img/pic.png', size: 256 });
    const creds = await (await ctx.profiles.service.session(profileId)).provider.getCredentials();
    expect(creds.securityToken).toBeTruthy();
    for (const raw of [preview.raw, thumb.raw]) {
      for (const secret of [creds.securityToken!, creds.accessKeyId, creds.accessKeySecret, 'Signature', 'x-oss-', 'security-token', emu.endpoint]) {
        expect(raw).not.toContain(secret);
      }
    }
    expect(preview.value.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/p\/[A-Za-z0-9_-]{43}$/);
    expect(preview.value.contentType).toBe('video/mp4');
    expect(thumb.value).toMatchObject({ contentType: 'image/png', processed: false });
    const png = await request(thumb.value.url);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.body.toString('hex')).toBe('89504e470d0a1a0a');
  });

  it('streams the whole object and exact bytes for a Range request (video seeking)', async () => {
    const { value } = await ok<PreviewUrl>('objects:preview-url', { profileId, bucket: BUCKET, key: 'media/clip.mp4', expiresSeconds: 900 });
    const whole = await request(value.url);
    expect(whole.status).toBe(200);
    expect(whole.body.equals(VIDEO)).toBe(true);
    expect(whole.headers).toMatchObject({ 'content-type': 'video/mp4', 'accept-ranges': 'bytes', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-length': String(VIDEO.length) });
    expect(whole.headers['content-disposition']).toBeUndefined();
    expect(Object.keys(whole.headers).filter((h) => h.startsWith('x-oss-'))).toEqual([]);

    const part = await request(value.url, { headers: { Range: 'bytes=1000-1999' } });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 1000-1999/${VIDEO.length}`);
    expect(part.headers['content-length']).toBe('1000');
    expect(part.body.equals(VIDEO.subarray(1000, 2000))).toBe(true);

    const tail = await request(value.url, { headers: { Range: 'bytes=-10' } });
    expect(tail.status).toBe(206);
    expect(tail.body.equals(VIDEO.subarray(VIDEO.length - 10))).toBe(true);

    // Like OSS, an unsatisfiable range reads the whole object; a media element copes with a 200.
    const beyond = await request(value.url, { headers: { Range: `bytes=${VIDEO.length + 10}-` } });
    expect(beyond.status).toBe(200);
    expect(beyond.body.equals(VIDEO)).toBe(true);

    const head = await request(value.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(VIDEO.length));
    expect(head.body.length).toBe(0);
  });

  it('names non-media files inline with an RFC 5987 filename', async () => {
    const { value } = await ok<PreviewUrl>('objects:preview-url', { profileId, bucket: BUCKET, key: PDF_KEY, expiresSeconds: 900 });
    const res = await request(value.url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`inline; filename="__ _final_.pdf"; filename*=UTF-8''${encodeURIComponent('报告 "final".pdf')}`);
    expect(res.body.toString()).toContain('%PDF-1.4');
  });

  it('refuses a wrong Host (DNS rebinding), other methods, unknown and malformed ids', async () => {
    const { value } = await ok<PreviewUrl>('objects:preview-url', { profileId, bucket: BUCKET, key: 'img/pic.png', expiresSeconds: 900 });
    const port = new URL(value.url).port;
    expect((await request(value.url, { headers: { Host: `evil.example:${port}` } })).status).toBe(403);
    expect((await request(value.url, { headers: { Host: `localhost:${port}` } })).status).toBe(403);
    const post = await request(value.url, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await request(value.url.replace(/\/p\/.{5}/, '/p/AAAAA'))).status).toBe(404);
    expect((await request(`http://127.0.0.1:${port}/p/short`)).status).toBe(404);
    expect((await request(`http://127.0.0.1:${port}/`)).status).toBe(404);
    expect((await request(value.url)).status).toBe(200);
  });

  it('answers 410 once a link expired and 404 for an object deleted since', async () => {
    let now = Date.now();
    const server = new PreviewServer(ctx.clients, { clock: () => now });
    try {
      const link = await server.link({ profileId, bucket: BUCKET, key: 'img/pic.png', contentType: 'image/png' }, 60_000);
      expect(link.expiresAt).toBe(now + 60_000);
      expect((await request(link.url)).status).toBe(200);
      now += 60_001;
      const expired = await request(link.url);
      expect(expired.status).toBe(410);
      expect(expired.body.toString()).toBe('Preview link expired');

      const gone = await server.link({ profileId, bucket: BUCKET, key: 'img/never-there.png' });
      const res = await request(gone.url);
      expect(res.status).toBe(404);
      expect(res.body.toString()).toBe('Not found');
    } finally {
      await server.close();
    }
  });

  it('keeps serving after a viewer drops a request mid-body (seeking)', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 7);
    const acct = emu.accounts.find((a) => a.name === 'sandbox')!;
    await new OSS({ accessKeyId: acct.accessKeyId, accessKeySecret: acct.accessKeySecret, endpoint: emu.endpoint, region: emu.region, sldEnable: true, authorizationV4: true, bucket: BUCKET } as OSS.Options).put('media/big.webm', big);
    const { value } = await ok<PreviewUrl>('objects:preview-url', { profileId, bucket: BUCKET, key: 'media/big.webm', expiresSeconds: 900 });
    const firstChunk = await new Promise<number>((resolve, reject) => {
      const req = http.get(value.url, (res) => {
        res.once('data', (chunk: Buffer) => {
          req.destroy();
          resolve(chunk.length);
        });
      });
      req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    });
    expect(firstChunk).toBeGreaterThan(0);
    expect(firstChunk).toBeLessThan(big.length);
    const again = await request(value.url, { headers: { Range: 'bytes=5000000-5000009' } });
    expect(again.status).toBe(206);
    expect(again.body.equals(big.subarray(5_000_000, 5_000_010))).toBe(true);
  });

  it('stops serving the links of a deleted profile', async () => {
    const endpoint = { kind: 'custom', region: emu.region, customRegionUrls: emu.endpoints, pathStyle: true, allowInsecureHttp: true, proxy: { mode: 'none' } };
    const other = await ok<ProfileView>('profiles:add', { input: { name: 'short-lived', credentials: { type: 'credentials-uri', credentialsUri: emu.credentialsUriEndpoint }, endpoint } });
    const { value } = await ok<PreviewUrl>('objects:preview-url', { profileId: other.value.id, bucket: BUCKET, key: 'img/pic.png', expiresSeconds: 900 });
    expect((await request(value.url)).status).toBe(200);
    await ok('profiles:delete', { id: other.value.id });
    expect((await request(value.url)).status).toBe(404);
  });

  it('answers 502 without details when the profile cannot sign, and stops serving after close', async () => {
    const server = new PreviewServer(ctx.clients);
    const link = await server.link({ profileId: 'no-such-profile', bucket: BUCKET, key: 'img/pic.png' });
    const res = await request(link.url);
    expect(res.status).toBe(502);
    expect(res.body.toString()).toBe('Could not read the object');
    await server.close();
    await expect(request(link.url)).rejects.toThrow();
  });
});
