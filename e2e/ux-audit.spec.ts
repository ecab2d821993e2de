/**
 * Accessibility and small-window checks on the main screens and dialogs: an axe-core audit
 * (no serious or critical violations) in light and dark, and at 1024×700 and 900×600 no
 * toolbar control or column header is clipped or overlaps another.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, listed, row, test } from './fixtures/browse-env';

async function seed(oss: { createBucket(b: string): Promise<void>; seed(b: string, o: Array<{ key: string; body: string }>): Promise<void> }) {
  await oss.createBucket('audit-bucket');
  await oss.seed('audit-bucket', [
    { key: 'docs/report.docx', body: 'x' },
    { key: 'photos/cat.png', body: 'png' },
    { key: 'notes.txt', body: 'hello' },
    { key: 'budget.xlsx', body: 'x' },
  ]);
}

async function audit(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${what}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad).toEqual([]);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical problem on screens and dialogs (${scheme})`, async ({ app, oss, openAt }) => {
    // Eight axe runs on a shared 2-core machine: more than the default minute.
    test.setTimeout(180_000);
    const { page } = app;
    await page.emulateMedia({ colorScheme: scheme });
    await seed(oss);
    await openAt('oss://audit-bucket/');
    await listed(page, 4);
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    await audit(page, 'folder');

    await row(page, 'notes.txt').click();
    await audit(page, 'folder with details');

    await page.getByRole('button', { name: 'New folder' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await audit(page, 'new folder dialog');
    await page.keyboard.press('Escape');

    await row(page, 'notes.txt').click();
    await page.getByRole('toolbar').getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByTestId('delete-count')).toHaveAttribute('data-ready', 'true');
    await audit(page, 'delete confirmation');
    await page.keyboard.press('Escape');

    await page.getByTestId('open-settings').click();
    await expect(page.getByRole('dialog', { name: 'Settings' })).toBeVisible();
    await audit(page, 'settings');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Add profile' }).click();
    await expect(page.getByTestId('profile-dialog')).toBeVisible();
    await audit(page, 'add profile dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('profile-dialog')).toBeHidden();

    await page.getByRole('textbox', { name: 'Address' }).fill('oss://');
    await page.getByRole('textbox', { name: 'Address' }).press('Enter');
    await expect(page.getByRole('table', { name: 'Buckets' })).toBeVisible();
    await audit(page, 'bucket list');
  });
}

/** The DOM pieces the layout check reads (the e2e project is typed without the DOM lib). */
interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
}
interface El {
  tagName: string;
  scrollWidth: number;
  clientWidth: number;
  offsetParent: unknown;
  parentElement: El | null;
  textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Rect;
  contains(other: El): boolean;
  querySelectorAll(selector: string): ArrayLike<El>;
}
interface BrowserGlobals {
  document: { documentElement: El; body: El; querySelector(s: string): El | null; querySelectorAll(s: string): ArrayLike<El> };
  getComputedStyle(e: El): { overflowX: string };
}

/** Controls in the toolbar and the table header that are cut off or overlap each other. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const g = globalThis as unknown as BrowserGlobals;
    const document = g.document;
    const problems: string[] = [];
    const vw = document.documentElement.clientWidth;
    const groups: Array<[string, string]> = [
      ['toolbar', '.browse-toolbar button:not([hidden]), .browse-toolbar input'],
      ['header', '.browse-table__header [role="columnheader"]'],
      ['address', '.browse-address__row > *'],
    ];
    for (const [name, selector] of groups) {
      const els = Array.from(document.querySelectorAll(selector)).filter((e) => e.offsetParent !== null);
      const boxes = els.map((e) => ({ e, r: e.getBoundingClientRect(), label: e.getAttribute('aria-label') ?? e.textContent?.trim() ?? e.tagName }));
      for (const { e, r, label } of boxes) {
        if (r.width < 4) problems.push(`${name}: "${label}" has no width`);
        if (r.right > vw + 0.5 || r.left < -0.5) problems.push(`${name}: "${label}" is outside the window`);
        // Text cut inside the control (a button narrower than its label).
        if (e.tagName === 'BUTTON' && e.scrollWidth > e.clientWidth + 1) problems.push(`${name}: "${label}" is clipped`);
        // Clipped by an ancestor that hides overflow.
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
          const style = g.getComputedStyle(p);
          if (style.overflowX === 'visible') continue;
          const pr = p.getBoundingClientRect();
          if (r.right > pr.right + 0.5 || r.left < pr.left - 0.5) problems.push(`${name}: "${label}" is cut off by its container`);
          break;
        }
      }
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!.r;
          const b = boxes[j]!.r;
          if (boxes[i]!.e.contains(boxes[j]!.e) || boxes[j]!.e.contains(boxes[i]!.e)) continue;
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
          if (overlap) problems.push(`${name}: "${boxes[i]!.label}" overlaps "${boxes[j]!.label}"`);
        }
    }
    const details = document.querySelector('.browse-details');
    const header = document.querySelector('.browse-table__header');
    if (details && header) {
      const d = details.getBoundingClientRect();
      for (const h of Array.from(header.querySelectorAll('[role="columnheader"]'))) {
        const r = h.getBoundingClientRect();
        if (r.right > d.left + 0.5 && r.width > 0) problems.push(`header: "${h.getAttribute('aria-label')}" runs under the details pane`);
      }
    }
    return problems;
  });
}

for (const size of [
  { width: 1024, height: 700 },
  { width: 900, height: 600 },
]) {
  test(`toolbar, address bar and headers fit at ${size.width}×${size.height}, also while searching`, async ({ app, oss, openAt }) => {
    const { page } = app;
    await page.setViewportSize(size);
    await seed(oss);
    await openAt('oss://audit-bucket/');
    await listed(page, 4);
    await row(page, 'notes.txt').click();
    expect(await layoutProblems(page)).toEqual([]);
    const filter = page.getByRole('searchbox').first();
    await filter.fill('zzz');
    await filter.press('Enter');
    await expect(page.getByTestId('listing-status')).toHaveAttribute('data-state', 'complete');
    expect(await layoutProblems(page)).toEqual([]);
  });
}
