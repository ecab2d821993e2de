import { expect, listed, row, rowNames, test } from './fixtures/browse-env';

test.describe('browse: long operations', () => {
  test('a partial failure lists exactly which keys failed and why', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('from-bucket');
    await oss.createBucket('to-bucket');
    await oss.seed('from-bucket', ['a.txt', 'b.txt', 'c.txt'].map((k) => ({ key: `in/${k}`, body: k })));
    // Writing to.../b.txt is refused, the way a RAM policy or a retention rule would.
    await oss.fault({ match: { method: 'PUT', path: '^/to-bucket/b\\.txt$' }, action: 'error', status: 403, code: 'AccessDenied' });
    await openAt('oss://from-bucket/in/');
    await listed(page, 3);
    await page.getByTestId('object-list').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Control+C');
    const address = page.getByRole('textbox', { name: 'Address' });
    await address.fill('oss://to-bucket/');
    await address.press('Enter');
    await listed(page, 0);
    await page.getByRole('button', { name: 'Paste 3 items' }).click();
    const summary = page.getByTestId('operation-summary');
    await expect(summary).toHaveAttribute('data-finished', 'true');
    await expect(summary).toHaveText('2 succeeded, 1 failed.');
    const failures = page.getByTestId('failures');
    await expect(failures.getByTestId('failures-summary')).toHaveText('1 file could not be copied.');
    await expect(failures.getByRole('listitem')).toHaveCount(1);
    await expect(failures.getByRole('listitem')).toContainText('1 item: You do not have permission to do this. This AccessKey is not allowed to do that.');
    const failed = page.getByTestId('failed-keys');
    await expect(failed).toBeHidden();
    await failures.getByText('Show the item').click();
    await expect(failed.getByRole('row')).toHaveCount(2);
    await expect(failed.getByRole('row').nth(1)).toContainText('in/b.txt');
    await expect(failed.getByRole('row').nth(1)).toContainText('AccessDenied');
    await page.getByTestId('operation-dialog').getByRole('button', { name: 'Close' }).click();
    await listed(page, 2);
    expect(await rowNames(page)).toEqual(['a.txt', 'c.txt']);
  });

  test('a recursive delete can be cancelled and the folder shows what is left', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('cancel-bucket');
    await oss.seed('cancel-bucket', Array.from({ length: 5000 }, (_, i) => ({ key: `bulk/${i}.bin`, size: 1 })));
    await oss.fault({ match: { method: 'POST' }, action: 'latency', latencyMs: 800 });
    await openAt('oss://cancel-bucket/');
    await listed(page, 1);
    await row(page, 'bulk').click();
    await page.keyboard.press('Delete');
    await expect(page.getByTestId('delete-count')).toContainText('5,000 objects');
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete 5,000 objects' }).click();
    const summary = page.getByTestId('operation-summary');
    await expect(summary).toContainText(/of 5,000 done|found so far/);
    await page.getByTestId('operation-dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(summary).toHaveAttribute('data-finished', 'true');
    await expect(summary).toContainText('Cancelled after');
    await page.getByTestId('operation-dialog').getByRole('button', { name: 'Close' }).click();
    const left = await oss.client('cancel-bucket').listV2({ prefix: 'bulk/', 'max-keys': 1000 } as never, {});
    expect((left.objects ?? []).length).toBeGreaterThan(0);
    // The folder is still there because not everything was deleted.
    await listed(page, 1);
  });

  test('a listing that fails half-way shows the error and Retry continues where it stopped', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('flaky-bucket');
    await oss.seed('flaky-bucket', Array.from({ length: 1500 }, (_, i) => ({ key: `f/${String(i).padStart(4, '0')}.txt`, size: 1 })));
    // The second page fails, e.g. when temporary credentials ran out: twice, because main
    // asks again itself when a page it read ahead failed.
    await oss.fault({ match: { operation: 'oss:ListObjects', query: 'continuation-token' }, action: 'error', status: 403, code: 'SecurityTokenExpired', times: 2 });
    await openAt('oss://flaky-bucket/f/');
    const alert = page.getByRole('alert').filter({ hasText: 'SecurityTokenExpired' });
    await expect(alert).toBeVisible();
    await expect(page.getByTestId('listing-status')).toHaveAttribute('data-count', '200');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await listed(page, 1500);
    await expect(alert).toBeHidden();
  });

  test('bookmarks a folder per profile and opens it from the menu', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('mark-bucket');
    await oss.seed('mark-bucket', [{ key: 'deep/er/file.txt', body: 'x' }]);
    await openAt('oss://mark-bucket/deep/er/');
    await listed(page, 1);
    await page.getByRole('button', { name: 'Bookmark this folder' }).click();
    await expect(page.getByRole('button', { name: 'Remove bookmark' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('navigation', { name: 'Location' }).getByRole('button', { name: 'All buckets' }).click();
    await page.getByRole('button', { name: 'Bookmarks' }).click();
    await page.getByRole('menuitem', { name: /deep\/er/ }).click();
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://mark-bucket/deep/er/');
    await listed(page, 1);
  });
});
