import { expect, listed, test } from './fixtures/browse-env';

// Issue 15 blind spot: a filter typed while the folder is still loading must also cover the
// rows of pages that arrive afterwards (the view is recomputed when rows are appended).
test.describe('browse: a filter over rows that arrive later', () => {
  test.beforeEach(async ({ oss }) => {
    await oss.createBucket('late-bucket');
    await oss.seed('late-bucket', [
      ...Array.from({ length: 250 }, (_, i) => ({ key: `big/early-${String(i).padStart(3, '0')}.txt`, size: 1 })),
      ...Array.from({ length: 30 }, (_, i) => ({ key: `big/zz-late-${String(i).padStart(2, '0')}.txt`, size: 1 })),
    ]);
    // The first page (200 keys) comes at once; the next one, holding every "zz-late" key, is held back.
    await oss.fault({ match: { operation: 'oss:ListObjects', query: 'continuation-token=' }, action: 'latency', latencyMs: 2500 });
  });

  test('rows listed after the filter was typed appear when they match', async ({ app, openAt }) => {
    const { page } = app;
    await openAt('oss://late-bucket/big/');
    const status = page.getByTestId('listing-status');
    await expect(status).toHaveAttribute('data-count', '200');
    await expect(status).not.toHaveAttribute('data-state', 'complete');
    const filter = page.getByRole('searchbox', { name: 'Filter this folder' });
    await filter.fill('ZZ-LATE');
    await expect(page.getByText('Nothing here matches “ZZ-LATE”.')).toBeVisible();
    await listed(page, 280);
    await expect(status).toContainText('30 shown');
    await expect(page.locator('.browse-table__rows .browse-table__row .browse-table__name').first()).toHaveText('zz-late-00.txt');
    await filter.fill('');
    await expect(status).not.toContainText('shown');
  });
});
