import { expect, listed, row, rowNames, test } from './fixtures/browse-env';

test.describe('browse: a restricted user', () => {
  test.use({ restricted: true });

  test('sees AccessDenied at the bucket root with the request ID and navigates its allowed prefix', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('family-photos');
    await oss.seed('family-photos', [
      { key: 'photos/2024/beach.txt', body: 'sand' },
      { key: 'photos/2024/hike.txt', body: 'hill' },
      { key: 'photos/cover.txt', body: 'cover' },
      { key: 'private/taxes.txt', body: 'secret' },
    ]);
    await openAt('oss://');
    await expect(page.getByRole('table', { name: 'Buckets' }).getByRole('row', { name: /family-photos/ })).toBeVisible();
    await page.getByRole('table', { name: 'Buckets' }).getByRole('row', { name: /family-photos/ }).dblclick();

    // The root is not allowed: the error says so, with what support needs.
    const alert = page.getByRole('alert').filter({ hasText: 'AccessDenied' });
    await expect(alert).toBeVisible();
    await expect(alert.getByTestId('error-code')).toHaveText('AccessDenied');
    await expect(alert.getByTestId('error-request-id')).not.toBeEmpty();
    // An error state shows only the error: no "This folder is empty.", no "0 items".
    await expect(page.getByTestId('listing-status')).toHaveCount(0);
    await expect(page.getByText('This folder is empty.')).toHaveCount(0);

    // Typing the allowed prefix works, and so does everything below it.
    const address = page.getByRole('textbox', { name: 'Address' });
    await address.fill('oss://family-photos/photos/');
    await address.press('Enter');
    await listed(page, 2);
    expect(await rowNames(page)).toEqual(['2024', 'cover.txt']);
    await expect(page.getByRole('alert').filter({ hasText: 'AccessDenied' })).toBeHidden();
    await row(page, '2024').dblclick();
    await listed(page, 2);
    await row(page, 'hike.txt').dblclick();
    await expect(page.getByTestId('preview-text')).toHaveText('hill');
    await page.keyboard.press('Escape');

    // Going up past the allowed prefix is refused again, clearly.
    await page.getByRole('navigation', { name: 'Location' }).getByRole('button', { name: 'family-photos' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'AccessDenied' })).toBeVisible();
    await page.keyboard.press('Alt+ArrowLeft');
    await listed(page, 2);
  });
});
