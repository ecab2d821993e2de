import { expect, listed, row, rowNames, test } from './fixtures/browse-env';

test.describe('browse: opening a real profile', () => {
  test.use({ realClients: true });

  test('a restricted profile with a start path opens there, through the app own client factory', async ({ app, oss }) => {
    const { page } = app;
    await oss.createBucket('family-photos');
    await oss.seed('family-photos', [
      { key: 'photos/2024/beach.txt', body: 'sand' },
      { key: 'photos/cover.txt', body: 'cover' },
      { key: 'private/taxes.txt', body: 'secret' },
    ]);
    const reader = oss.emulator.accounts.find((a) => a.name === 'photos-reader')!;
    const added = await app.invoke('profiles:add', {
      input: {
        name: 'Photos reader',
        credentials: { type: 'access-key', accessKeyId: reader.accessKeyId, accessKeySecret: reader.accessKeySecret },
        endpoint: { kind: 'custom', region: oss.emulator.region, customUrl: oss.endpoint, pathStyle: true, allowInsecureHttp: true },
        startPath: { bucket: 'family-photos', prefix: 'photos/' },
      },
      test: false,
    });
    expect(added.ok).toBe(true);
    await page.reload();
    await page.getByRole('navigation', { name: 'Navigation' }).getByRole('button', { name: /Photos reader/ }).first().click();
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://family-photos/photos/');
    await listed(page, 2);
    expect(await rowNames(page)).toEqual(['2024', 'cover.txt']);
    await row(page, 'cover.txt').dblclick();
    await expect(page.getByTestId('preview-text')).toHaveText('cover');
  });
});
