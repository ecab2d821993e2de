/**
 * Previews with an STS profile (credentials URI) in the real renderer under the production
 * CSP: the image and the audio element load from main's loopback preview server, media is
 * fetched with Range requests (206), and the page never sees an OSS host, a signature or a
 * security token.
 */
import { expect, listed, row, test } from './fixtures/browse-env';
import { solidPng } from './fixtures/browse-png';

/** One second of 8 kHz mono 16-bit PCM: a WAV Chromium plays without any codec. */
function toneWav(): Buffer {
  const samples = 8000;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 8000)), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

test.describe('previews through the loopback preview server', () => {
  test.use({ realClients: true });

  test('an STS profile previews an image and plays audio without any credential reaching the page', async ({ app, oss, openAt }) => {
    const { page } = app;
    const seen: Array<{ url: string; status: number; range?: string }> = [];
    page.on('response', (res) => seen.push({ url: res.url(), status: res.status(), ...(res.request().headers().range ? { range: res.request().headers().range } : {}) }));
    await oss.createBucket('media-bucket');
    await oss.seed('media-bucket', [
      { key: 'clips/tone.wav', body: toneWav(), contentType: 'application/octet-stream' },
      { key: 'clips/red.png', body: solidPng(40, 30, [220, 30, 30]), contentType: 'image/png' },
    ]);
    // The emulator's credentials service is not Alibaba Cloud's: the user trusts it in main's (scripted) dialog.
    app.main?.host.answers.hosts.push(true);
    const added = await app.invoke('profiles:add', {
      input: {
        name: 'Role session',
        credentials: { type: 'credentials-uri', credentialsUri: oss.emulator.credentialsUriEndpoint },
        endpoint: { kind: 'custom', region: oss.emulator.region, customUrl: oss.endpoint, pathStyle: true, allowInsecureHttp: true },
      },
      test: false,
    });
    expect(added.ok).toBe(true);
    const profileId = (added as { ok: true; value: { id: string } }).value.id;
    await openAt('oss://media-bucket/clips/', profileId);
    await listed(page, 2);

    await row(page, 'red.png').dblclick();
    const img = page.getByTestId('preview-image');
    await expect.poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(40);
    expect(await img.getAttribute('src')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/p\/[A-Za-z0-9_-]{43}$/);
    await page.keyboard.press('Escape');

    await row(page, 'tone.wav').dblclick();
    const audio = page.getByTestId('preview-audio');
    await expect.poll(() => audio.evaluate((el) => (el as unknown as { duration: number }).duration)).toBeCloseTo(1, 1);
    // The media element reads with a Range request (bytes=0-) and gets a 206, as seeking needs.
    await expect.poll(() => seen.some((r) => r.range && r.status === 206 && r.url.includes('/p/'))).toBe(true);

    const previews = seen.filter((r) => r.url.startsWith('http://127.0.0.1') && r.url.includes('/p/'));
    expect(previews.length).toBeGreaterThan(1);
    for (const r of seen) {
      expect(r.url).not.toContain(oss.endpoint);
      expect(r.url).not.toMatch(/x-oss-|Signature|security-token|OSSAccessKeyId/i);
    }
  });
});
