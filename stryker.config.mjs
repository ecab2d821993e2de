// StrykerJS mutation testing over the code where a bug costs data or secrets (issue 15).
// Run through `npm run test:mutation [-- part ...]` (scripts/mutation.mjs), which picks the
// parts below with MUTATION_PARTS, keeps the incremental file and prints the summary line.
// Not part of `npm test`: a full run takes hours on two cores; an incremental re-run
// re-tests only mutants whose code or tests changed.

/**
 * Parts of the scope: the files to mutate and the tests that may kill their mutants — the
 * tests next to the code and the integration tests that drive it. Tests further away are
 * left out so a part finishes in minutes to an hour on two cores; a mutant only they would
 * catch counts as survived (the score errs low, never high).
 */
export const parts = {
  'shared-core': {
    mutate: ['shared/{access-code,redact,remote-hosts,oss-path,bucket-name,oss-browser-code,errors,profile-types}.ts'],
    tests: ['shared/*.test.ts', 'main/integration/error-redaction.test.ts', 'main/services/oss/describe-error.test.ts', 'main/services/profiles/error-hints.test.ts'],
  },
  'shared-contract': {
    mutate: ['shared/**/*.ts', '!shared/{access-code,redact,remote-hosts,oss-path,bucket-name,oss-browser-code,errors,profile-types}.ts'],
    tests: ['shared/**/*.test.ts', 'main/ipc/*.test.ts'],
  },
  ipc: { mutate: ['main/ipc/**/*.ts'], tests: ['main/ipc/**/*.test.ts', 'main/integration/error-redaction.test.ts'] },
  credentials: { mutate: ['main/services/credentials/**/*.ts'], tests: ['main/services/credentials/**/*.test.ts', 'main/services/profiles/**/*.test.ts'] },
  // The keytar store needs a Secret Service; its timeouts are tested through an injected keytar.
  secrets: { mutate: ['main/services/secrets/**/*.ts'], tests: ['main/services/secrets/**/*.test.ts', 'main/services/profiles/profile-service.test.ts'] },
  profiles: { mutate: ['main/services/profiles/**/*.ts'], tests: ['main/services/profiles/**/*.test.ts', 'main/integration/error-redaction.test.ts'] },
  preview: {
    mutate: ['main/services/preview/**/*.ts'],
    tests: ['main/services/preview/**/*.test.ts', 'main/integration/preview-*.test.ts', 'main/integration/browse-preview.test.ts'],
  },
  oss: { mutate: ['main/services/oss/**/*.ts'], tests: ['main/services/oss/**/*.test.ts', 'main/services/browse/**/*.test.ts'] },
  jobs: { mutate: ['main/services/jobs/**/*.ts'], tests: ['main/services/jobs/**/*.test.ts'] },
  browse: {
    mutate: ['main/services/browse/object-{copy,delete,listing,operations}.ts', 'main/services/browse/{operation-runner,page-prefetch,recursive-search}.ts'],
    tests: ['main/services/browse/**/*.test.ts'],
  },
  transfers: {
    mutate: ['main/services/transfers/{checkpoint-store,atomic-file,crc-pool,queue-store,transfer-record}.ts'],
    tests: ['main/services/transfers/**/*.test.ts'],
  },
  emulator: { mutate: ['emulator/auth/**/*.ts', 'emulator/iam/**/*.ts', 'emulator/integrity/**/*.ts'], tests: ['emulator/**/*.test.ts'] },
};

const chosen = (process.env.MUTATION_PARTS ?? Object.keys(parts).join(','))
  .split(',')
  .map((p) => p.trim())
  .filter(Boolean);
const name = chosen.join('+');
// Read by stryker.vitest.config.mts in the test-runner processes, which inherit the environment.
process.env.MUTATION_TESTS = chosen.flatMap((p) => parts[p].tests).join(',');
for (const p of chosen) if (!parts[p]) throw new Error(`unknown mutation part "${p}"; known: ${Object.keys(parts).join(', ')}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'stryker.vitest.config.mts', related: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.node.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    ...chosen.flatMap((p) => parts[p].mutate),
    '!**/*.test.ts',
    '!**/*.d.ts',
    '!**/test-support/**',
  ],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) would re-run every test for each one.
  ignoreStatic: true,
  incremental: true,
  // One incremental file and report per part, so running one part keeps the others' results.
  incrementalFile: `reports/mutation/${name}.incremental.json`,
  reporters: ['json', 'html', 'clear-text', 'progress-append-only'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  timeoutMS: 20_000,
  // The first run of every selected test, with coverage, on a busy machine.
  dryRunTimeoutMinutes: 30,
  timeoutFactor: 3,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['out', 'dist', 'release', 'test-results', 'playwright-report', 'reports', 'coverage', 'bench/.data', 'oss-data', '.e2e-artifacts'],
};
