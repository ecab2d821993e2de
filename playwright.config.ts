/**
 * End-to-end specs (e2e/*.spec.ts) drive the built app through the `app` fixture in
 * e2e/support/fixtures.ts: Electron when a binary exists, otherwise Debian Chromium with
 * window.oss bridged to main's real handler table. Failures keep a screenshot, the app log
 * and the page console (attached by the fixture).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  globalSetup: './e2e/support/global-setup.ts',
  workers: 2,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  forbidOnly: !!process.env.CI,
});
