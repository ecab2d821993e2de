/**
 * The transfer panel as users see it: screenshots at 1280×800 and 1024×700, light and dark,
 * English and Chinese (kept in test-results; UPDATE_SCREENSHOTS=1 refreshes
 * docs/screenshots/transfers.png), an axe check of the panel, and keyboard-only use.
 */
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, listed, test } from './fixtures/browse-env';
import { sampleEvent } from './fixtures/transfer-samples';

async function showSamples(page: Page, emit: (e: typeof sampleEvent) => void): Promise<void> {
  // The panel subscribes once the status bar is up; then the queue arrives as one event.
  await expect(page.getByTestId('transfers-toggle')).toBeVisible();
  await expect.poll(async () => {
    emit(sampleEvent);
    return page.getByTestId('transfers-toggle').textContent();
  }).toContain('%');
  const panel = page.getByTestId('transfer-panel');
  if (!(await panel.isVisible())) await page.getByTestId('transfers-toggle').click();
  await expect(panel.getByTestId('transfer-row').first()).toBeVisible();
}

test.describe('transfer panel screens', () => {
  test('looks right at two sizes, light and dark, in English and Chinese, and passes axe', async ({ app, oss, openAt }, testInfo) => {
    test.skip(!app.main, 'needs the Chromium bridge to send events');
    const { page } = app;
    await oss.createBucket('marketing-assets');
    await oss.seed('marketing-assets', ['banner-home.png', 'README.md', 'pricing-2024.csv'].map((k) => ({ key: `site/${k}`, body: k })));
    const emit = (e: typeof sampleEvent) => app.main!.hub.emit('transfers:progress', e);
    for (const lang of ['en', 'zh-CN'] as const) {
      await page.evaluate(`localStorage.setItem('oss-browser.language', '${lang}')`);
      await openAt('oss://marketing-assets/site/');
      await listed(page, 3);
      await showSamples(page, emit);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const [w, h] of [[1280, 800], [1024, 700]] as const) {
          await page.setViewportSize({ width: w, height: h });
          const file = testInfo.outputPath(`transfers-${lang}-${scheme}-${w}x${h}.png`);
          await page.screenshot({ path: file });
          if (process.env.UPDATE_SCREENSHOTS && lang === 'en' && scheme === 'light' && w === 1280) {
            fs.copyFileSync(file, path.join(__dirname, '..', 'docs', 'screenshots', 'transfers.png'));
          }
        }
        const axe = await new AxeBuilder({ page }).include('[data-testid="transfer-panel"]').analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  test('the conflict prompt and the settings dialog look right and pass axe', async ({ app, oss, openAt }, testInfo) => {
    test.skip(!app.main, 'needs the Chromium bridge to send events');
    const { page } = app;
    await oss.createBucket('marketing-assets');
    for (const lang of ['en', 'zh-CN'] as const) {
      await page.evaluate(`localStorage.setItem('oss-browser.language', '${lang}')`);
      await openAt('oss://marketing-assets/');
      await listed(page, 0);
      await showSamples(page, (e) => app.main!.hub.emit('transfers:progress', e));
      const prompt = page.getByTestId('conflict-dialog');
      await expect.poll(async () => {
        app.main!.hub.emit('transfers:conflict-plan', {
          batchId: `shot-${lang}`,
          direction: 'upload',
          target: 'oss://marketing-assets/site/',
          newCount: 42,
          changedCount: 3,
          identicalCount: 1,
          examples: ['banner-home.png', 'pricing-2024.csv', 'README.md'],
          complete: true,
        });
        return prompt.isVisible();
      }).toBe(true);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width: 1024, height: 700 });
        await page.screenshot({ path: testInfo.outputPath(`conflict-${lang}-${scheme}.png`) });
        const axe = await new AxeBuilder({ page }).include('[data-testid="conflict-dialog"]').analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
      await page.keyboard.press('Escape');
      await expect(prompt).toBeHidden();
      await page.getByTestId('transfer-panel').getByRole('button', { name: lang === 'en' ? 'Settings' : '设置' }).click();
      const settings = page.getByTestId('transfer-settings');
      await expect(settings).toBeVisible();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.screenshot({ path: testInfo.outputPath(`settings-${lang}-${scheme}.png`) });
        const axe = await new AxeBuilder({ page }).include('[data-testid="transfer-settings-dialog"]').analyze();
        expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      }
      await page.keyboard.press('Escape');
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });

  test('every row action is reachable from the keyboard alone', async ({ app, oss, openAt }) => {
    test.skip(!app.main, 'needs the Chromium bridge to send events');
    const { page } = app;
    await oss.createBucket('marketing-assets');
    await openAt('oss://marketing-assets/');
    await listed(page, 0);
    await showSamples(page, (e) => app.main!.hub.emit('transfers:progress', e));
    const grid = page.getByRole('grid', { name: 'Transfer queue' });
    await grid.focus();
    await expect(grid).toHaveAttribute('aria-activedescendant', 'transfer-row-s1');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(grid).toHaveAttribute('aria-activedescendant', 'transfer-row-s4');
    // Tab goes to the highlighted row's first button: Retry for the failed upload.
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAccessibleName('Retry: pricing-2024.csv');
    await page.keyboard.press('Tab');
    await expect(page.locator(':focus')).toHaveAccessibleName('Details: pricing-2024.csv');
    await page.keyboard.press('Enter');
    const details = page.getByTestId('transfer-error-details');
    await expect(details).toContainText('AccessDenied');
    await expect(details).toContainText('65F1C2A3B4D5E6F708192A3B');
    await page.keyboard.press('Escape');
    await expect(details).toBeHidden();
  });
});
