import { defineConfig } from 'vitest/config';

// Two projects: plain Node for main/services, shared and the emulator; jsdom for React
// components. Keychain tests (*.keychain.test.ts) need a real Secret Service and run
// only through `npm run test:keychain` (see scripts/test-all.mjs).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['main/**/*.test.ts', 'shared/**/*.test.ts', 'emulator/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/**/*.test.ts'],
          exclude: ['**/*.keychain.test.ts', '**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'keychain',
          environment: 'node',
          include: ['main/**/*.keychain.test.ts'],
          testTimeout: 60_000,
        },
      },
    ],
  },
});
