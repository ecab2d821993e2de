/**
 * Share links against the emulator over real HTTP: GET links work until expiry and fail
 * after (the emulator's clock, no sleeps), download links carry Content-Disposition, PUT
 * links bind the Content-Type, STS-signed links die with the token, awkward keys in V1 and V4.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import OSS from 'ali-oss';
import { AccessKeyProvider, StaticStsProvider } from '../credentials/static-providers';
import { ShareLinkService } from './share-link-service';
import { accountProvider, startShareEmulator, type ShareEmulator } from '../../test-support/share-emulator';

const AWKWARD = [
  'dir/with space.txt',
  'dir/plus+sign.txt',
  'dir/100%25 percent%.txt',
  'dir/hash#tag.txt',
  'dir/question?mark.txt',
  'dir/中文 文件.txt',
  'dir/emoji 😀🎉.txt',
  "dir/quote's (1)*.txt",
  '?starts-with-question.txt',
  'dir/%E4%B8%AD already-encoded.txt',
];

describe('share links', () => {
  let fx: ShareEmulator;
  const bucket = 'share-links';

  beforeAll(async () => {
    fx = await startShareEmulator();
    await fx.createBucket(bucket);
    await fx.seed(bucket, [{ key: 'docs/report.txt', body: 'quarterly report', contentType: 'text/plain' }, ...AWKWARD.map((key, i) => ({ key, body: `awkward-${i}` }))]);
  });
  afterAll(async () => fx?.close());
  afterEach(() => fx.setClockOffset(0));

  const service = (version: 'v1' | 'v4' = 'v4', provider: AccessKeyProvider | StaticStsProvider = accountProvider(fx)) =>
    new ShareLinkService({ sessions: fx.sessions(fx.session(provider, version)), clients: fx.clients(fx.account) });

  for (const version of ['v4', 'v1'] as const) {
    it(`${version}: a GET link works until it expires, then AccessDenied`, async () => {
      const batch = await service(version).links({ profileId: 'p', bucket, keys: ['docs/report.txt'], expiresSeconds: 900, disposition: 'inline', endpointKind: 'public' });
      expect(batch.signatureVersion).toBe(version);
      expect(batch.carriesSecurityToken).toBe(false);
      expect(batch.shortenedByCredentials).toBe(false);
      const url = batch.links[0]!.url;
      const ok = await fetch(url);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe('quarterly report');
      expect(ok.headers.get('content-disposition')).toBeNull();
      fx.setClockOffset(16 * 60_000);
      const late = await fetch(url);
      expect(late.status).toBe(403);
      expect(await late.text()).toMatch(/AccessDenied|expired/i);
    });

    it(`${version}: links for awkward keys fetch the right bytes, with a download name`, async () => {
      const batch = await service(version).links({ profileId: 'p', bucket, keys: AWKWARD, expiresSeconds: 3600, disposition: 'attachment', endpointKind: 'public' });
      for (const [i, link] of batch.links.entries()) {
        expect(link.key).toBe(AWKWARD[i]);
        const res = await fetch(link.url);
        expect(res.status, `${version} ${link.key}`).toBe(200);
        expect(await res.text()).toBe(`awkward-${i}`);
        const disposition = res.headers.get('content-disposition') ?? '';
        expect(disposition).toMatch(/^attachment; filename="/);
        const star = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
        expect(decodeURIComponent(star)).toBe(AWKWARD[i]!.split('/').pop());
        expect(link.url).not.toContain('response-content-type');
      }
    });

    it(`${version}: a PUT link accepts the bound Content-Type and rejects another`, async () => {
      const link = await service(version).uploadLink({ profileId: 'p', bucket, key: 'incoming/photo 1+.png', contentType: 'image/png', expiresSeconds: 600, endpointKind: 'public' });
      expect(link.curl).toContain("-H 'Content-Type: image/png'");
      const wrong = await fetch(link.url, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'nope' });
      expect(wrong.status).toBe(403);
      expect(await wrong.text()).toMatch(/SignatureDoesNotMatch/);
      const right = await fetch(link.url, { method: 'PUT', headers: { 'Content-Type': 'image/png' }, body: 'png-bytes' });
      expect(right.status).toBe(200);
      const head = await fx.client(bucket).head('incoming/photo 1+.png');
      expect((head.res.headers as Record<string, string>)['content-type']).toBe('image/png');
    });
  }

  it('refuses a V4 link longer than 7 days before signing; V1 may be longer', async () => {
    await expect(service('v4').links({ profileId: 'p', bucket, keys: ['docs/report.txt'], expiresSeconds: 604_801, disposition: 'inline', endpointKind: 'public' })).rejects.toMatchObject({ code: 'InvalidLinkExpiry' });
    const v4Max = await service('v4').links({ profileId: 'p', bucket, keys: ['docs/report.txt'], expiresSeconds: 604_800, disposition: 'inline', endpointKind: 'public' });
    expect(new URL(v4Max.links[0]!.url).searchParams.get('x-oss-expires')).toBe('604800');
    const v1 = await service('v1').links({ profileId: 'p', bucket, keys: ['docs/report.txt'], expiresSeconds: 30 * 86_400, disposition: 'inline', endpointKind: 'public' });
    expect((await fetch(v1.links[0]!.url)).status).toBe(200);
  });

  it('a link signed with an STS token carries it, is shortened to the token, and stops when the token expires', async () => {
    const sts = new OSS.STS({ ...fx.account, endpoint: fx.emu.stsEndpoint } as OSS.STSOptions);
    const { credentials } = await sts.assumeRole(fx.emu.roles[0]!, undefined, 900, 'share-test');
    const c = credentials as { AccessKeyId: string; AccessKeySecret: string; SecurityToken: string; Expiration: string };
    const provider = new StaticStsProvider({ accessKeyId: c.AccessKeyId, accessKeySecret: c.AccessKeySecret, securityToken: c.SecurityToken, expiration: new Date(c.Expiration) });
    for (const version of ['v4', 'v1'] as const) {
      fx.setClockOffset(0);
      const batch = await service(version, provider).links({ profileId: 'p', bucket, keys: ['docs/report.txt'], expiresSeconds: 86_400, disposition: 'inline', endpointKind: 'public' });
      expect(batch.carriesSecurityToken).toBe(true);
      expect(batch.shortenedByCredentials).toBe(true);
      expect(batch.expiresAt).toBe(new Date(c.Expiration).toISOString());
      expect(batch.links[0]!.url).toMatch(version === 'v4' ? /x-oss-security-token=/ : /security-token=/);
      expect((await fetch(batch.links[0]!.url)).status).toBe(200);
      // The link itself is good for a day; the token is not.
      fx.setClockOffset(16 * 60_000);
      const late = await fetch(batch.links[0]!.url);
      expect(late.status).toBe(403);
      expect(await late.text()).toMatch(/SecurityTokenExpired|expired/i);
    }
  });

  it('offers the plain URL for a public-read object and names it', async () => {
    await fx.client(bucket).put('public/logo.txt', Buffer.from('logo'));
    await fx.client(bucket).putACL('public/logo.txt', 'public-read');
    const batch = await service('v4').links({ profileId: 'p', bucket, keys: ['public/logo.txt', 'docs/report.txt'], expiresSeconds: 900, disposition: 'inline', endpointKind: 'public' });
    expect(batch.publicReadKeys).toEqual(['public/logo.txt']);
    const plain = batch.links[0]!.plainUrl!;
    expect(plain).not.toContain('?');
    expect(await (await fetch(plain)).text()).toBe('logo');
    expect(batch.links[1]!.plainUrl).toBeUndefined();
    expect((await fetch(batch.links[1]!.url.split('?')[0]!)).status).toBe(403);
  });

  it('signs for the bucket CNAME when one is configured, else the public endpoint', async () => {
    const base = fx.session(accountProvider(fx), 'v4');
    const publicSession = { ...base, record: { ...base.record, endpoint: { ...base.record.endpoint, kind: 'public' as const, customRegionUrls: undefined, pathStyle: false, cnames: {} } } };
    const svc = new ShareLinkService({ sessions: { session: async () => publicSession, bucketRegion: async () => 'oss-cn-beijing' }, clients: fx.clients(fx.account) });
    const pub = await svc.links({ profileId: 'p', bucket, keys: ['a b.txt'], expiresSeconds: 60, disposition: 'inline', endpointKind: 'public' });
    expect(new URL(pub.links[0]!.url).host).toBe(`${bucket}.oss-cn-beijing.aliyuncs.com`);
    const internal = { ...publicSession, record: { ...publicSession.record, endpoint: { ...publicSession.record.endpoint, kind: 'internal' as const } } };
    const svc2 = new ShareLinkService({ sessions: { session: async () => internal, bucketRegion: async () => 'oss-cn-beijing' }, clients: fx.clients(fx.account) });
    // The profile works over the internal network; a link leaves it, so it is public unless chosen.
    expect(new URL((await svc2.links({ profileId: 'p', bucket, keys: ['x'], expiresSeconds: 60, disposition: 'inline', endpointKind: 'public' })).links[0]!.url).host).toBe(`${bucket}.oss-cn-beijing.aliyuncs.com`);
    expect(new URL((await svc2.links({ profileId: 'p', bucket, keys: ['x'], expiresSeconds: 60, disposition: 'inline', endpointKind: 'internal' })).links[0]!.url).host).toBe(`${bucket}.oss-cn-beijing-internal.aliyuncs.com`);
    const cname = { ...publicSession, record: { ...publicSession.record, endpoint: { ...publicSession.record.endpoint, cnames: { [bucket]: 'files.example.com' } } } };
    const svc3 = new ShareLinkService({ sessions: { session: async () => cname, bucketRegion: async () => 'oss-cn-beijing' }, clients: fx.clients(fx.account) });
    const viaCname = await svc3.links({ profileId: 'p', bucket, keys: ['x'], expiresSeconds: 60, disposition: 'inline', endpointKind: 'public' });
    expect(new URL(viaCname.links[0]!.url).host).toBe('files.example.com');
    expect(viaCname.host).toBe('files.example.com');
  });

  it('keeps a CSV of the batch and a history without URLs', async () => {
    const svc = service('v4');
    const batch = await svc.links({ profileId: 'p', bucket, keys: ['docs/report.txt', 'dir/with space.txt'], expiresSeconds: 900, disposition: 'attachment', endpointKind: 'public' });
    const csv = svc.csv(batch.batchId)!;
    expect(csv.split('\r\n')[0]).toBe('\ufeffkey,url,expires_at');
    // Signed URLs hold no comma or quote, so they stay unquoted; one row per link.
    expect(csv).toContain(`\r\ndocs/report.txt,${batch.links[0]!.url},${batch.expiresAt}\r\n`);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(3);
    expect(svc.csv('unknown')).toBeUndefined();
    const history = svc.history();
    expect(history.map((h) => h.key)).toEqual(['dir/with space.txt', 'docs/report.txt']);
    expect(JSON.stringify(history)).not.toMatch(/https?:|Signature|x-oss-signature/i);
  });
});
