import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import featureBoundaries from './scripts/eslint/feature-boundaries.mjs';

// Runtime boundaries (README.md, "Architecture"): electron and keytar only in main/; no node built-ins in
// renderer/ or shared/; main/services never imports electron so it stays unit-testable.
const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'stream/*', 'url', 'util', 'events', 'buffer', 'zlib', 'tls', 'dns', 'worker_threads'];
const banElectron = [
  { group: ['electron', 'electron/*'], message: 'electron may only be imported in main/ (index.ts, window.ts, preload.ts, ipc/).' },
  { group: ['keytar'], message: 'keytar may only be imported in main/.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', 'test-results/**', '.e2e-artifacts/**', 'bench/.data/**'] },
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
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [...banElectron, { group: nodeBuiltins, message: 'renderer/ runs in a sandboxed page: no Node built-ins. Ask main over IPC.' }] }],
    },
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
          message: 'renderer features do not import each other; shared widgets live in renderer/ui/, helpers in renderer/lib/, shared state in renderer/state/ (DESIGN.md §1).',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...banElectron, { group: nodeBuiltins, message: 'shared/ is used by the renderer too: no Node built-ins.' }] }],
    },
  },
  {
    files: ['main/services/**/*.ts', 'emulator/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    ignores: ['main/services/**/keytar-secret-store.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['electron', 'electron/*'], message: 'Only main/index.ts, window.ts, preload.ts and ipc/ import electron.' },
        { group: ['keytar'], message: 'keytar only behind the SecretStore interface (main/services/secrets/keytar-secret-store.ts).' },
      ] }],
    },
  },
);
