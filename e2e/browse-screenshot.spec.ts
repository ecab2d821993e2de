import fs from 'node:fs';
import path from 'node:path';
import { expect, listed, row, test } from './fixtures/browse-env';
import { solidPng } from './fixtures/browse-png';

/**
 * The browser view with a realistic folder, as the README shows it. Run with
 * UPDATE_SCREENSHOTS=1 to refresh docs/screenshots/browse.png.
 */
test('the browser view with a profile, a folder and the details of a file', async ({ app, oss, openAt }) => {
  const { page } = app;
  const added = await app.invoke('profiles:add', {
    input: {
      name: 'Local sandbox',
      credentials: { type: 'access-key', accessKeyId: 'LTAI5tSandboxDemoKey0001', accessKeySecret: 'SandboxDemoSecretForTheLocalEmulatorOnly01' },
      endpoint: { kind: 'custom', customUrl: oss.endpoint, pathStyle: true, allowInsecureHttp: true },
    },
    test: false,
  });
  expect(added.ok).toBe(true);
  const profileId = (added as { ok: true; value: { id: string } }).value.id;
  await oss.createBucket('marketing-assets');
  await oss.createBucket('backups-2024');
  await oss.createBucket('website-prod');
  const files: Array<[string, number]> = [
    ['banner-home.png', 482_113], ['banner-sale.jpg', 1_204_551], ['brand-guidelines.pdf', 8_811_020], ['campaign-q3.mp4', 48_200_331],
    ['logo-dark.svg', 12_840], ['logo-light.svg', 12_911], ['pricing-2024.csv', 33_412], ['README.md', 2_048], ['team-offsite.jpeg', 3_400_120],
  ];
  await oss.seed('marketing-assets', [
    ...['archive', 'campaigns', 'press-kit', 'social'].map((f) => ({ key: `site/${f}/.keep`, body: '' })),
    ...files.map(([name, size]) => ({ key: `site/${name}`, size })),
  ]);
  await oss.seed('marketing-assets', [{ key: 'site/hero.png', body: solidPng(64, 40, [31, 111, 235]), contentType: 'image/png' }]);
  await oss.client('marketing-assets').put('site/launch-video-raw.mov', Buffer.alloc(4096), { headers: { 'x-oss-storage-class': 'Archive' } });
  await openAt('oss://marketing-assets/site/', profileId);
  await listed(page, 15);
  await row(page, 'hero.png').click();
  await expect(page.getByTestId('details-facts')).toContainText('site/hero.png');
  await expect(page.getByTestId('details-facts')).toContainText('image/png');
  const shot = await page.screenshot();
  if (process.env.UPDATE_SCREENSHOTS) {
    const out = path.join(__dirname, '..', 'docs', 'screenshots', 'browse.png');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, shot);
  }
});
