import { defineConfig } from 'vitest/config';

// The tests StrykerJS may run against a mutant: Node unit and integration tests (the
// emulator runs in-process). Renderer, e2e and keychain tests stay out: none covers the
// mutated scope, and the keychain ones need a Secret Service.
export default defineConfig({
  test: {
    name: 'mutation',
    environment: 'node',
    // The selected parts' tests (set by stryker.config.mjs), or every Node test.
    include: process.env.MUTATION_TESTS?.split(',').filter(Boolean) ?? ['main/**/*.test.ts', 'shared/**/*.test.ts', 'emulator/**/*.test.ts'],
    exclude: [
      '**/*.keychain.test.ts',
      '**/node_modules/**',
      '.stryker-tmp/**',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
