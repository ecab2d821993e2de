import { expect, listed, row, rowNames, test } from './fixtures/browse-env';

test.describe('browse: sort, filter, search, selection', () => {
  test.beforeEach(async ({ oss }) => {
    await oss.createBucket('list-bucket');
    await oss.seed('list-bucket', [
      { key: 'data/zeta/', body: '' },
      { key: 'data/alpha/inner/report-2023.txt', body: 'old' },
      { key: 'data/file10.log', size: 10 },
      { key: 'data/file2.log', size: 3000 },
      { key: 'data/Report-Final.PDF', size: 500 },
      { key: 'data/notes.md', size: 1 },
      { key: 'data/image.png', size: 70000 },
    ]);
  });

  test('sorts by name, size and type with folders first, in both directions', async ({ app, openAt }) => {
    const { page } = app;
    await openAt('oss://list-bucket/data/');
    await listed(page, 7);
    expect(await rowNames(page)).toEqual(['alpha', 'zeta', 'file2.log', 'file10.log', 'image.png', 'notes.md', 'Report-Final.PDF']);
    const header = (name: string) => page.getByRole('columnheader', { name });
    await expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');

    await header('Size').getByRole('button').click();
    await expect(header('Size')).toHaveAttribute('aria-sort', 'ascending');
    expect(await rowNames(page)).toEqual(['alpha', 'zeta', 'notes.md', 'file10.log', 'Report-Final.PDF', 'file2.log', 'image.png']);
    await header('Size').getByRole('button').click();
    await expect(header('Size')).toHaveAttribute('aria-sort', 'descending');
    expect(await rowNames(page)).toEqual(['zeta', 'alpha', 'image.png', 'file2.log', 'Report-Final.PDF', 'file10.log', 'notes.md']);

    await header('Type').getByRole('button').click();
    expect(await rowNames(page)).toEqual(['alpha', 'zeta', 'file2.log', 'file10.log', 'notes.md', 'Report-Final.PDF', 'image.png']);
    await header('Name').getByRole('button').click();
    await header('Name').getByRole('button').click();
    expect(await rowNames(page)).toEqual(['zeta', 'alpha', 'Report-Final.PDF', 'notes.md', 'image.png', 'file10.log', 'file2.log']);

    // Dragging a column's edge resizes it, in the header and every row.
    const edge = page.getByRole('separator', { name: 'Resize the Last modified column' });
    const before = Number(await edge.getAttribute('aria-valuenow'));
    const box = (await edge.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - 40, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    await expect(edge).toHaveAttribute('aria-valuenow', String(before + 40 + Math.round(box.width / 2)));
    const cell = await row(page, 'notes.md').locator('.browse-table__cell--modified').boundingBox();
    expect(Math.round(cell!.width)).toBe(before + 40 + Math.round(box.width / 2));
  });

  test('filters as you type and searches every subfolder', async ({ app, openAt }) => {
    const { page } = app;
    await openAt('oss://list-bucket/data/');
    await listed(page, 7);
    const filter = page.getByRole('searchbox', { name: 'Filter this folder' });
    await filter.fill('REPORT');
    expect(await rowNames(page)).toEqual(['Report-Final.PDF']);
    await expect(page.getByTestId('listing-status')).toContainText('1 shown');
    await filter.fill('zzz');
    await expect(page.getByText('Nothing here matches “zzz”.')).toBeVisible();

    // Recursive search: the nested match is listed with its full key.
    await filter.fill('report');
    await filter.press('Enter');
    await expect(page.getByTestId('search-state')).toHaveAttribute('data-running', 'false');
    await expect(page.getByTestId('search-state')).toContainText('2 found for “report”');
    expect((await rowNames(page)).sort()).toEqual(['data/Report-Final.PDF', 'data/alpha/inner/report-2023.txt']);
    await row(page, 'data/alpha/inner/report-2023.txt').click();
    await expect(page.getByTestId('details-facts')).toContainText('data/alpha/inner/report-2023.txt');
    await page.getByRole('button', { name: 'Back to folder' }).click();
    await listed(page, 7);
  });

  test('selects with click, shift, ctrl, Ctrl+A and the keyboard; context menu by key and mouse', async ({ app, openAt }) => {
    const { page } = app;
    await openAt('oss://list-bucket/data/');
    await listed(page, 7);
    const selected = async () => page.locator('.browse-table__row[aria-selected="true"] .browse-table__name').allTextContents();
    await row(page, 'file2.log').click();
    await row(page, 'notes.md').click({ modifiers: ['Shift'] });
    expect(await selected()).toEqual(['file2.log', 'file10.log', 'image.png', 'notes.md']);
    await row(page, 'file10.log').click({ modifiers: ['Control'] });
    expect(await selected()).toEqual(['file2.log', 'image.png', 'notes.md']);
    await expect(page.getByTestId('listing-status')).toContainText('3 selected');
    await expect(page.getByTestId('details-pane')).toContainText('3 items selected');

    await page.keyboard.press('Control+A');
    expect(await selected()).toHaveLength(7);
    await page.keyboard.press('End');
    expect(await selected()).toEqual(['Report-Final.PDF']);
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+ArrowUp');
    expect(await selected()).toEqual(['image.png', 'notes.md', 'Report-Final.PDF']);

    await page.keyboard.press('Shift+F10');
    const menu = page.getByRole('menu', { name: 'Actions' });
    await expect(menu.getByRole('menuitem', { name: /Delete 3 items/ })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();

    await row(page, 'alpha').click({ button: 'right' });
    await expect(menu.getByRole('menuitem', { name: /^Open/ })).toBeVisible();
    await menu.getByRole('menuitem', { name: /^Open/ }).click();
    await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('oss://list-bucket/data/alpha/');
  });
});
