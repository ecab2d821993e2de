import type { Page } from '@playwright/test';
import { expect, listed, test } from './fixtures/browse-env';

const NFC = 'caf\u00e9.txt';
const NFD = 'cafe\u0301.txt';
const LONG = 'k'.repeat(1015) + '.txt';
/** File names (in folder odd/) that break naive URL or path handling. */
const AWKWARD = ['a b.txt', 'c+d.txt', '100%.txt', 'hash#tag.txt', 'what?.txt', '中文 文件.txt', '🎉 party.txt', NFC, NFD, LONG];

function byKey(page: Page, key: string) {
  return page.locator(`.browse-table__rows .browse-table__row[data-key="${key}"]`);
}

test.describe('browse: awkward keys', () => {
  test('list, open, rename and delete keys with spaces, + % # ?, unicode, emoji, NFC/NFD, a//b and 1023 bytes', async ({ app, oss, openAt }) => {
    test.setTimeout(120_000);
    const { page } = app;
    await oss.createBucket('odd-bucket');
    await oss.seed('odd-bucket', [
      ...AWKWARD.map((name, i) => ({ key: `odd/${name}`, body: `body ${i}` })),
      { key: 'odd/a//b.txt', body: 'double slash' },
    ]);
    expect(Buffer.byteLength(`odd/${LONG}`)).toBe(1023);
    await openAt('oss://odd-bucket/odd/');
    await listed(page, AWKWARD.length + 1);
    for (const name of AWKWARD) await expect(byKey(page, `odd/${name}`)).toHaveCount(1);
    // NFC and NFD spellings stay two different objects.
    expect(await byKey(page, `odd/${NFC}`).getAttribute('data-key')).not.toBe(await byKey(page, `odd/${NFD}`).getAttribute('data-key'));

    for (const [i, name] of AWKWARD.entries()) {
      const key = `odd/${name}`;
      // Open: the preview reads exactly this object.
      await byKey(page, key).click();
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('preview-text')).toHaveText(`body ${i}`);
      await page.keyboard.press('Escape');

      // Rename: the new key holds the same bytes, the old one is gone.
      const renamed = name === LONG ? 'short.txt' : `renamed ${name}`;
      await byKey(page, key).click();
      await page.keyboard.press('F2');
      const input = page.getByTestId('name-dialog').getByRole('textbox');
      await expect(input).toHaveValue(name);
      await input.fill(renamed);
      await page.getByTestId('name-dialog').getByRole('button', { name: 'Rename' }).click();
      // A single rename opens no progress dialog.
      await expect(page.getByTestId('name-dialog')).toBeHidden();
      await expect(page.getByTestId('operation-dialog')).toHaveCount(0);
      await expect(byKey(page, `odd/${renamed}`)).toHaveCount(1);
      expect((await oss.client('odd-bucket').get(`odd/${renamed}`)).content.toString()).toBe(`body ${i}`);
      await expect(oss.client('odd-bucket').head(key)).rejects.toMatchObject({ status: 404 });

      // Delete the renamed object.
      await byKey(page, `odd/${renamed}`).click();
      await page.keyboard.press('Delete');
      await expect(page.getByTestId('delete-count')).toContainText('1 object');
      await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete 1 object' }).click();
      await expect(page.getByTestId('operation-summary')).toHaveText('Done: 1 object.');
      await page.getByTestId('operation-dialog').getByRole('button', { name: 'Close' }).click();
      await expect(byKey(page, `odd/${renamed}`)).toHaveCount(0);
      await expect(oss.client('odd-bucket').head(`odd/${renamed}`)).rejects.toMatchObject({ status: 404 });
    }

    // a//b: the empty path segment is a folder of its own, shown and addressable.
    await byKey(page, 'odd/a/').dblclick();
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://odd-bucket/odd/a/');
    await byKey(page, 'odd/a//').dblclick();
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://odd-bucket/odd/a//');
    await expect(page.getByRole('navigation', { name: 'Location' }).getByRole('button', { name: '(empty name)' })).toBeVisible();
    await byKey(page, 'odd/a//b.txt').dblclick();
    await expect(page.getByTestId('preview-text')).toHaveText('double slash');
  });
});
