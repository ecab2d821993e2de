/**
 * The About dialog in the built app: opened from the status bar with the keyboard, it shows
 * the runtime details the status bar no longer does, passes axe, and closes with Escape.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';

const { version } = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };

test('About: keyboard-reachable, shows version, runtime and log file, axe-clean, Escape closes', async ({ app }, testInfo) => {
  const { page } = app;
  const statusBar = page.getByRole('contentinfo', { name: 'Status' });
  await expect(statusBar.getByTestId('app-version')).toHaveText(`OSS Browser · Version ${version}`);
  await expect(statusBar).not.toContainText(/Node|Electron|linux/);
  const about = statusBar.getByRole('button', { name: 'About' });
  await about.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'About OSS Browser' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(version);
  await expect(dialog).toContainText(app.mode === 'electron' ? /Electron\s*\d+\./ : 'Not running in Electron (test mode)');
  await expect(dialog).toContainText(/Linux|macOS|Windows/);
  await expect(dialog).toContainText('main.log');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  const axe = await new AxeBuilder({ page }).include('[data-testid="about-dialog"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('about.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(about).toBeFocused();
});
