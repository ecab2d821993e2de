import { expect, listed, row, rowNames, test } from './fixtures/browse-env';

test.describe('browse: navigation', () => {
  test('browse into folders and back, with breadcrumbs, history and the address bar', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('nav-bucket');
    await oss.seed('nav-bucket', [
      { key: 'docs/readme.txt', body: 'hello' },
      { key: 'docs/guides/intro.md', body: '# intro' },
      { key: 'photos/cat.png', body: 'png' },
      { key: 'top.txt', body: 'top' },
    ]);
    await openAt('oss://nav-bucket/');
    await listed(page, 3);
    expect(await rowNames(page)).toEqual(['docs', 'photos', 'top.txt']);

    await row(page, 'docs').dblclick();
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://nav-bucket/docs/');
    await listed(page, 2);
    expect(await rowNames(page)).toEqual(['guides', 'readme.txt']);

    await page.getByTestId('object-list').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://nav-bucket/docs/guides/');
    await listed(page, 1);

    await page.getByRole('navigation', { name: 'Location' }).getByRole('button', { name: 'docs' }).click();
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://nav-bucket/docs/');
    // Coming back to a folder selects the entry that was focused there.
    await expect(row(page, 'guides')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://nav-bucket/docs/guides/');
    await page.keyboard.press('Alt+ArrowRight');
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://nav-bucket/docs/');

    // Backspace goes up and selects the folder we came from.
    await page.getByTestId('object-list').focus();
    await page.keyboard.press('Backspace');
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://nav-bucket/');
    await expect(row(page, 'docs')).toHaveAttribute('aria-selected', 'true');

    // Typing an address: an invalid one shows an inline error, a valid one navigates.
    const address = page.getByRole('textbox', { name: 'Address' });
    await address.fill('oss://Bad_Bucket/x/');
    await address.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'not a valid bucket name' })).toBeVisible();
    await address.fill('oss://nav-bucket/photos/cat.png');
    await address.press('Enter');
    await expect(address).toHaveValue('oss://nav-bucket/photos/');
    await expect(row(page, 'cat.png')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('details-facts')).toContainText('photos/cat.png');
  });
});
