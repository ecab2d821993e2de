import { expect, test } from './fixtures/browse-env';

test.describe('browse: the local sandbox', () => {
  test.use({ realClients: true });

  test('"Try the local sandbox" lists its buckets and opens buckets in two regions', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Try the local sandbox' }).first().click();
    const buckets = page.getByRole('table', { name: 'Buckets' });
    await expect(buckets.getByRole('row', { name: /sandbox-docs.*oss-cn-shanghai/ })).toBeVisible({ timeout: 30_000 });
    await expect(buckets.getByRole('row', { name: /sandbox-photos.*oss-cn-hangzhou/ })).toBeVisible();
    const status = page.getByTestId('listing-status');
    for (const bucket of ['sandbox-docs', 'sandbox-photos']) {
      // Each bucket is routed to its own region's endpoint.
      await page.getByRole('navigation', { name: 'Navigation' }).getByRole('button', { name: new RegExp(bucket) }).click();
      await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue(`oss://${bucket}/`);
      await expect(status).toHaveAttribute('data-state', 'complete');
      expect(Number(await status.getAttribute('data-count'))).toBeGreaterThan(0);
    }
  });
});
