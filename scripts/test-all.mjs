#!/usr/bin/env node
// `npm test`: every check the project has, in one run, ending with one line
// `N passed, N failed` summed over the runners. Type-check, lint and build count as one
// check each; vitest and Playwright contribute their own test counts (read from their JSON
// reports, not from scraping the console). Each phase says when it starts and how long it
// took, since type-check and lint print nothing for minutes. Exits non-zero if anything failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describeRange, enginesRange, nodeVersionProblem } from './node-version.mjs';

const root = join(import.meta.dirname, '..');
if (nodeVersionProblem(process.version, enginesRange(root))) {
  console.warn(`warning: this is Node.js ${process.versions.node}; OSS Browser supports ${describeRange(enginesRange(root))}. ` +
    'The suite still runs, but the tests of npm start\'s launcher are skipped (README.md, "Prerequisites").');
}
const suiteStarted = Date.now();
const reports = join(root, 'test-results', 'reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const only = process.env.TEST_ONLY?.split(',').filter(Boolean);
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
let phaseStarted = 0;

/** "42 s" or "3 min 05 s". */
function duration(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

function startPhase(name, what) {
  phaseStarted = Date.now();
  console.log(`\n=== ${name}: ${what}  (started ${new Date().toISOString().slice(11, 19)} UTC)`);
}

function run(cmd, args, { timeoutMin = 30, env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NPM_CONFIG_UPDATE_NOTIFIER: 'false', ...env }, detached: true });
    const timer = setTimeout(() => {
      console.error(`\n[test-all] ${cmd} ${args.join(' ')} exceeded ${timeoutMin} min; stopping it.`);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, timeoutMin * 60_000);
    child.on('exit', (code, signal) => { clearTimeout(timer); resolve(code ?? (signal ? 1 : 0)); });
    child.on('error', (err) => { clearTimeout(timer); console.error(err); resolve(1); });
  });
}

function readJson(file) {
  try { return JSON.parse(readFileSync(file, 'utf8')); } catch { return null; }
}

function record(name, passed, failed, skipped = 0) {
  totals.passed += passed; totals.failed += failed; totals.skipped += skipped;
  const took = duration(Date.now() - phaseStarted);
  const counts = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
  console.log(`=== ${name}: ${failed ? 'FAILED' : 'done'} in ${took} (${counts})`);
  summary.push(`${name.padEnd(12)} ${counts.padEnd(36)} ${took}`);
}

async function check(name, cmd, args, opts) {
  startPhase(name, `${cmd} ${args.join(' ')}`);
  const code = await run(cmd, args, opts);
  record(name, code === 0 ? 1 : 0, code === 0 ? 0 : 1);
  return code === 0;
}

/** Runs vitest with a JSON report; a crash with no report counts as one failure. */
async function vitest(name, args, opts) {
  const file = join(reports, `${name}.json`);
  startPhase(name, `vitest ${args.join(' ')}`);
  const code = await run('npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], opts);
  const r = readJson(file);
  if (!r) { record(name, 0, 1); return; }
  const failed = r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0);
  record(name, r.numPassedTests, failed, r.numPendingTests + r.numTodoTests);
}

async function playwright() {
  const file = join(reports, 'e2e.json');
  startPhase('e2e', 'playwright test');
  const code = await run('npx', ['playwright', 'test', '--reporter=list,json'], {
    timeoutMin: 40,
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: file },
  });
  const r = readJson(file);
  if (!r) { record('e2e', 0, 1); return; }
  const s = r.stats;
  const failed = s.unexpected + (code !== 0 && s.unexpected === 0 ? 1 : 0);
  record('e2e', s.expected + s.flaky, failed, s.skipped);
}

const want = (step) => !only || only.includes(step);

if (want('typecheck')) await check('typecheck', 'npm', ['run', '--silent', 'typecheck']);
if (want('lint')) await check('lint', 'npm', ['run', '--silent', 'lint']);
if (want('unit')) await vitest('unit', ['--project', 'node', '--project', 'renderer']);
if (want('keychain') && existsSync(join(root, 'scripts', 'test-keychain.sh'))) {
  const file = join(reports, 'keychain.json');
  startPhase('keychain', 'scripts/test-keychain.sh (real keytar + gnome-keyring)');
  const code = await run('bash', ['scripts/test-keychain.sh', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], { timeoutMin: 10 });
  const r = readJson(file);
  if (!r) record('keychain', 0, 1);
  else record('keychain', r.numPassedTests, r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0));
}
if (want('e2e')) {
  const built = await check('build', 'npm', ['run', '--silent', 'build']);
  if (built && existsSync(join(root, 'playwright.config.ts'))) await playwright();
}

// Electron security linter over main/, renderer/ and the build, gated by an allowlist (issue 10).
if (want('security')) {
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) await check('build', 'npm', ['run', '--silent', 'build']);
  await check('security', 'node', ['scripts/electronegativity-gate.mjs'], { timeoutMin: 5 });
}

console.log(`\n=== summary (${duration(Date.now() - suiteStarted)} in all)`);
for (const line of summary) console.log(line);
if (totals.skipped) console.log(`(${totals.skipped} skipped: see the phases above)`);
// The last line is always exactly this, for CI and for people scanning the end of a log.
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1);
