import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import featureBoundaries from './scripts/eslint/feature-boundaries.mjs';

// Folder boundaries (README.md, "Architecture"): one local rule, each violation with a message saying why
// (scripts/lint/import-boundaries.mjs; scripts/lint/boundaries.test.ts plants one of each).
import boundaries from './scripts/lint/import-boundaries.mjs';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.e2e-artifacts/**', 'bench/.data/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // CommonJS helpers (the Electron stand-in preloaded with `node --require`).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Features plug into the shell through slots and extension points, not each other's files.
    files: ['renderer/features/**/*.{ts,tsx}'],
    plugins: { 'feature-boundaries': featureBoundaries },
    rules: {
      'feature-boundaries/no-cross-feature-imports': [
        'error',
        {
          featuresDir: 'renderer/features',
          message: 'renderer features do not import each other; shared widgets live in renderer/ui/, helpers in renderer/lib/, shared state in renderer/state/ (README.md, "Architecture").',
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,mjs,cjs}'],
    plugins: { boundaries },
    rules: { 'boundaries/imports': 'error' },
  },
);
