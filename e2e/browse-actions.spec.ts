import { expect, listed, row, rowNames, test } from './fixtures/browse-env';
import { solidPng } from './fixtures/browse-png';

test.describe('browse: object actions', () => {
  test('creates a folder, renames with F2 and copies across buckets', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('src-bucket');
    await oss.createBucket('dst-bucket');
    await oss.seed('src-bucket', [
      { key: 'work/plan.txt', body: 'the plan' },
      { key: 'work/assets/a.txt', body: 'a' },
      { key: 'work/assets/b.txt', body: 'b' },
    ]);
    await openAt('oss://src-bucket/work/');
    await listed(page, 2);

    await page.getByRole('button', { name: 'New folder' }).click();
    const dialog = page.getByTestId('name-dialog');
    await dialog.getByRole('textbox').fill('bad/name');
    await expect(dialog.getByRole('alert')).toHaveText('A name cannot contain “/”.');
    await dialog.getByRole('textbox').fill('2024 reports');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await expect(row(page, '2024 reports')).toBeVisible();
    expect((await oss.client('src-bucket').head('work/2024 reports/')).status).toBe(200);

    await row(page, 'plan.txt').click();
    await page.keyboard.press('F2');
    await expect(dialog.getByRole('textbox')).toHaveValue('plan.txt');
    await dialog.getByRole('textbox').fill('plan-v2.txt');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    // One rename is quick: the dialog closes, no progress dialog to dismiss, the item stays selected.
    await expect(dialog).toBeHidden();
    await expect(row(page, 'plan-v2.txt')).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('operation-dialog')).toHaveCount(0);
    expect(await rowNames(page)).toEqual(['2024 reports', 'assets', 'plan-v2.txt']);
    expect((await oss.client('src-bucket').get('work/plan-v2.txt')).content.toString()).toBe('the plan');
    await expect(oss.client('src-bucket').head('work/plan.txt')).rejects.toMatchObject({ status: 404 });

    // Copy a folder and a file, then paste into another bucket.
    await row(page, 'assets').click();
    await row(page, 'plan-v2.txt').click({ modifiers: ['Control'] });
    await page.keyboard.press('Control+C');
    const address = page.getByRole('textbox', { name: 'Address' });
    await address.fill('oss://dst-bucket/');
    await address.press('Enter');
    await listed(page, 0);
    await page.getByRole('button', { name: 'Paste 2 items' }).click();
    await expect(page.getByTestId('operation-summary')).toHaveText('Done: 3 objects.');
    await page.getByTestId('operation-dialog').getByRole('button', { name: 'Close' }).click();
    await listed(page, 2);
    expect(await rowNames(page)).toEqual(['assets', 'plan-v2.txt']);
    expect((await oss.client('dst-bucket').get('assets/b.txt')).content.toString()).toBe('b');

    // Move (from the context menu) into another folder by typing its address.
    await row(page, 'plan-v2.txt').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Move to…' }).click();
    await dialog.getByRole('textbox').fill('oss://dst-bucket/assets/');
    await dialog.getByRole('button', { name: 'Move' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('operation-dialog')).toHaveCount(0);
    await expect.poll(() => rowNames(page)).toEqual(['assets']);
    await row(page, 'assets').dblclick();
    await listed(page, 3);
    expect(await rowNames(page)).toEqual(['a.txt', 'b.txt', 'plan-v2.txt']);
  });

  test('deletes 2,000 objects recursively after a confirmation that names the count', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('del-bucket');
    await oss.seed('del-bucket', [
      ...Array.from({ length: 1500 }, (_, i) => ({ key: `logs/2024/${String(i).padStart(4, '0')}.log`, size: 10 })),
      ...Array.from({ length: 499 }, (_, i) => ({ key: `logs/2025/deep/${i}.log`, size: 10 })),
      { key: 'logs/readme.txt', body: 'x' },
      { key: 'keep.txt', body: 'keep' },
    ]);
    await openAt('oss://del-bucket/');
    await listed(page, 2);
    await row(page, 'logs').click();
    await page.getByTestId('details-pane').getByRole('button', { name: 'Calculate' }).click();
    await expect(page.getByTestId('folder-size')).toHaveText('2,000 objects · 20 KB');
    await row(page, 'logs').click();
    await page.keyboard.press('Delete');
    const confirm = page.getByTestId('confirm-dialog');
    await expect(confirm.getByTestId('delete-count')).toContainText('2,000 objects');
    await confirm.getByRole('button', { name: 'Delete 2,000 objects' }).click();
    await expect(page.getByTestId('operation-summary')).toHaveText('Done: 2,000 objects.', { timeout: 30_000 });
    await page.getByTestId('operation-dialog').getByRole('button', { name: 'Close' }).click();
    expect(await rowNames(page)).toEqual(['keep.txt']);
    const left = await oss.client('del-bucket').listV2({ prefix: 'logs/', 'max-keys': 10 } as never, {});
    expect(left.objects ?? []).toHaveLength(0);
  });

  test('edits the ACL, HTTP headers, metadata and storage class, and restores an Archive object', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('meta-bucket');
    await oss.seed('meta-bucket', [{ key: 'doc.txt', body: 'hello' }]);
    await oss.client('meta-bucket').put('cold.bin', Buffer.from('frozen'), { headers: { 'x-oss-storage-class': 'Archive' } });
    await openAt('oss://meta-bucket/');
    await listed(page, 2);

    await row(page, 'doc.txt').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Who can access…' }).click();
    await page.getByTestId('acl-dialog').getByRole('radio', { name: /Public read\b/ }).first().check();
    await page.getByTestId('acl-dialog').getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('details-acl')).toHaveText('Public read');
    // Plain words: no "Object type: Normal"; checksums fold under Advanced.
    await expect(page.getByTestId('details-object-type')).toHaveCount(0);
    await expect(page.getByTestId('details-advanced')).not.toHaveAttribute('open', '');
    await expect(page.getByTestId('details-facts')).not.toContainText('ETag');
    expect((await oss.client('meta-bucket').getACL('doc.txt')).acl).toBe('public-read');

    await row(page, 'doc.txt').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Properties…' }).click();
    const headers = page.getByTestId('headers-dialog');
    await headers.getByRole('textbox', { name: 'Content-Type' }).fill('text/markdown; charset=utf-8');
    await headers.getByRole('textbox', { name: 'Cache-Control' }).fill('max-age=60');
    await headers.getByRole('button', { name: 'Add metadata' }).click();
    await headers.getByRole('textbox', { name: 'Metadata name' }).fill('bad name');
    await expect(headers.getByText('Metadata names may use only letters')).toBeVisible();
    await headers.getByRole('textbox', { name: 'Metadata name' }).fill('Project');
    await headers.getByRole('textbox', { name: 'Metadata value' }).fill('apollo');
    await headers.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('details-meta')).toContainText('project');
    await expect(page.getByTestId('details-meta')).toContainText('apollo');
    const head = await oss.client('meta-bucket').head('doc.txt');
    expect(head.meta).toMatchObject({ project: 'apollo' });
    expect((head.res.headers as Record<string, string>)['cache-control']).toBe('max-age=60');

    await row(page, 'doc.txt').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Storage class…' }).click();
    await page.getByTestId('storage-class-dialog').getByRole('combobox').selectOption({ label: 'Infrequent Access' });
    await page.getByTestId('storage-class-dialog').getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('details-storage-class')).toHaveText('Infrequent Access');
    expect((await oss.client('meta-bucket').head('doc.txt')).res.headers).toMatchObject({ 'x-oss-storage-class': 'IA' });

    await row(page, 'cold.bin').click();
    await expect(page.getByTestId('details-restore')).toHaveText('Archived — restore to read');
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menuitem', { name: 'Restore…' }).click();
    const restore = page.getByTestId('restore-dialog');
    await restore.getByRole('spinbutton').fill('3');
    await restore.getByRole('button', { name: 'Restore' }).click();
    await expect(restore.getByTestId('restore-state')).toContainText(/Restoring…|Restored/);
    await restore.getByRole('button', { name: 'Cancel' }).click();
    await expect(async () => {
      await row(page, 'doc.txt').click();
      await row(page, 'cold.bin').click();
      await expect(page.getByTestId('details-restore')).toContainText('Restored', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  });

  test('previews an image and a text file', async ({ app, oss, openAt }) => {
    const { page } = app;
    await oss.createBucket('preview-bucket');
    await oss.seed('preview-bucket', [
      { key: 'pics/red.png', body: solidPng(40, 30, [220, 30, 30]), contentType: 'image/png' },
      { key: 'pics/notes.md', body: '# Notes\n\nSecond line ✓', contentType: 'text/markdown' },
      // "中文测试" in GBK, as files from older Windows tools often are.
      { key: 'pics/legacy-gbk.txt', body: Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0xb2, 0xe2, 0xca, 0xd4]) },
      { key: 'pics/manual.pdf', body: '%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF', contentType: 'application/pdf' },
    ]);
    await openAt('oss://preview-bucket/pics/');
    await listed(page, 4);
    await row(page, 'red.png').dblclick();
    const img = page.getByTestId('preview-image');
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(40);
    await page.keyboard.press('Escape');
    await row(page, 'notes.md').click();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('preview-text')).toHaveText('# Notes\n\nSecond line ✓');
    await expect(page.getByTestId('preview-text-info')).toContainText('Encoding: utf-8');
    await page.keyboard.press('Escape');
    await row(page, 'legacy-gbk.txt').dblclick();
    await expect(page.getByTestId('preview-text')).toHaveText('中文测试');
    await expect(page.getByTestId('preview-text-info')).toContainText('Encoding: gb18030');
    await page.keyboard.press('Escape');

    // PDF: a frame on a short-lived URL, answered with the PDF itself.
    const pdf = page.waitForResponse((r) => /manual\.pdf/.test(decodeURIComponent(r.url())) || r.headers()['content-type'] === 'application/pdf');
    await row(page, 'manual.pdf').dblclick();
    await expect(page.getByTestId('preview-pdf')).toBeVisible();
    const res = await pdf;
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('application/pdf');
    await page.getByTestId('preview-dialog').getByRole('button', { name: 'Close' }).click();

    // Thumbnails: the grid shows the image itself (the emulator has no image processing).
    await page.getByRole('button', { name: 'Thumbnails' }).click();
    const thumb = page.locator('.browse-grid__tile[data-key="pics/red.png"] img');
    await expect.poll(() => thumb.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth)).toBe(40);
    // The grid works from the keyboard too: End selects the last tile, Enter previews it.
    await page.getByRole('grid', { name: 'Thumbnails' }).focus();
    await page.keyboard.press('End');
    await expect(page.locator('.browse-grid__tile[data-key="pics/red.png"]')).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('preview-image')).toBeVisible();
  });
});
