import { expect, listed, row, test } from './fixtures/browse-env';

test.describe('browse: buckets, multipart uploads, symlinks and long listings', () => {
  test('creates a bucket with the name checked live, refuses to delete a non-empty one, shows info', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('full-bucket');
    await oss.seed('full-bucket', [{ key: 'x.txt', body: 'x' }]);
    await openAt('oss://');
    await page.getByRole('button', { name: 'New bucket' }).click();
    const dialog = page.getByTestId('bucket-create-dialog');
    const name = dialog.getByRole('textbox', { name: 'Bucket name' });
    for (const [bad, message] of [
      ['ab', 'must be 3 to 63 characters'],
      ['My_Bucket', 'only lowercase letters, digits and hyphens'],
      ['-edge', 'cannot start or end with a hyphen'],
    ]) {
      await name.fill(bad!);
      await expect(dialog.getByRole('alert')).toContainText(message!);
      await expect(dialog.getByRole('button', { name: 'Create bucket' })).toBeDisabled();
    }
    await name.fill('new-bucket-1');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Create bucket' }).click();
    const table = page.getByRole('table', { name: 'Buckets' });
    await expect(table.getByRole('row', { name: /new-bucket-1/ })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Navigation' }).getByRole('button', { name: /new-bucket-1/ })).toBeVisible();

    await table.getByRole('row', { name: /full-bucket/ }).click();
    await page.getByRole('button', { name: 'Bucket info' }).click();
    await expect(page.getByTestId('bucket-info-dialog')).toContainText('Public endpoint');
    await page.getByTestId('bucket-info-dialog').getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Delete bucket' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete bucket' }).click();
    await expect(page.getByTestId('confirm-dialog').getByTestId('error-code')).toHaveText('BucketNotEmpty');
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancel' }).click();

    await table.getByRole('row', { name: /new-bucket-1/ }).click();
    await page.getByRole('button', { name: 'Delete bucket' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete bucket' }).click();
    await expect(table.getByRole('row', { name: /new-bucket-1/ })).toHaveCount(0);
  });

  test('lists and aborts incomplete multipart uploads; creates and shows a symlink', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('mp-bucket');
    await oss.seed('mp-bucket', [{ key: 'docs/target.txt', body: 'target body' }]);
    const client = oss.client('mp-bucket');
    await client.initMultipartUpload('big/video-1.mp4');
    await client.initMultipartUpload('big/video-2.mp4');
    await openAt('oss://mp-bucket/docs/');
    await listed(page, 1);

    await page.getByTestId('object-list').click({ button: 'right', position: { x: 200, y: 200 } });
    await page.getByRole('menuitem', { name: 'Incomplete uploads…' }).click();
    const mp = page.getByTestId('multipart-dialog');
    await expect(mp.getByTestId('multipart-table').getByRole('row')).toHaveCount(3);
    await mp.getByRole('row', { name: /video-1/ }).getByRole('button', { name: 'Abort' }).click();
    await expect(mp.getByTestId('multipart-table').getByRole('row')).toHaveCount(2);
    await mp.getByRole('button', { name: 'Abort all' }).click();
    await expect(mp.getByTestId('multipart-empty')).toBeVisible();
    await mp.getByRole('button', { name: 'Close' }).click();
    const left = (await client.listUploads({})) as unknown as { uploads?: unknown[] };
    expect(left.uploads ?? []).toHaveLength(0);

    await row(page, 'target.txt').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Create shortcut to this…' }).click();
    const dialog = page.getByTestId('name-dialog');
    await dialog.getByRole('textbox').fill('shortcut.txt');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await row(page, 'shortcut.txt').click();
    await expect(page.getByTestId('details-object-type')).toHaveText('Shortcut');
    await expect(page.getByTestId('details-facts')).toContainText('docs/target.txt');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('preview-text')).toHaveText('target body');
  });

  test('a long listing can be stopped and resumed, and sorting says it is incomplete', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('slow-bucket');
    await oss.seed('slow-bucket', Array.from({ length: 4200 }, (_, i) => ({ key: `many/item-${i}.dat`, size: i })));
    await oss.fault({ match: { operation: 'oss:ListObjects' }, action: 'latency', latencyMs: 700 });
    await openAt('oss://slow-bucket/many/');
    const status = page.getByTestId('listing-status');
    await expect(status).toHaveAttribute('data-state', 'loading');
    await expect(status).toContainText('200 items — loading…');
    await page.getByRole('columnheader', { name: 'Size' }).getByRole('button').click();
    await expect(page.getByTestId('sort-incomplete')).toContainText('Sorted by Size over');
    await expect(page.getByTestId('sort-incomplete')).toContainText('listing incomplete');
    await status.getByRole('button', { name: 'Stop' }).click();
    await expect(status).toHaveAttribute('data-state', 'stopped');
    const stoppedAt = Number(await status.getAttribute('data-count'));
    expect(stoppedAt).toBeLessThan(4200);
    await expect(page.getByTestId('sort-incomplete')).toHaveCount(0);
    await status.getByRole('button', { name: 'Continue listing' }).click();
    await listed(page, 4200);
    // Sorted by size (ascending) over everything: the first row is the smallest.
    await expect(page.locator('.browse-table__rows .browse-table__row').first()).toHaveAttribute('data-key', 'many/item-0.dat');
  });
});
