#!/usr/bin/env node
// `npm run test:mutation [-- part ...]`: StrykerJS over the data- and secret-critical scope
// (parts in stryker.config.mjs), one part at a time, each with its own incremental file so a
// re-run re-tests only what changed. Surviving mutants reviewed as equivalent are listed in
// scripts/mutation-equivalents.json (file, mutator, replacement, the source line, a reason)
// and leave the score. Prints a line per part (score, counts, minutes) and, last, one JSON
// line over the parts run: {"mutation_score":…,"killed":…,"survived":…,"timeout":…,"no_coverage":…}.
// `npm run test:mutation -- --report` runs nothing: it prints every part's score from the
// reports present in reports/mutation/ (when each was last run and how long it took), names
// the parts never measured, and ends with the JSON line over the parts measured.
// Environment: MUTATION_CONCURRENCY (default 2), MUTATION_REPORT_ONLY=1 (same as --report,
// for the parts named or all).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addCounts, countReport, emptyCounts, score, summaryLine } from './mutation-summary.mjs';

const root = join(import.meta.dirname, '..');
const { parts } = await import(pathToFileURL(join(root, 'stryker.config.mjs')).href);
const args = process.argv.slice(2);
const requested = args.filter((a) => !a.startsWith('-'));
for (const p of requested) {
  if (!parts[p]) {
    console.error(`unknown part "${p}"; known: ${Object.keys(parts).join(', ')}`);
    process.exit(2);
  }
}
const chosen = requested.length > 0 ? requested : Object.keys(parts);
const equivalents = JSON.parse(readFileSync(join(root, 'scripts/mutation-equivalents.json'), 'utf8')).mutants;
const reportOnly = process.env.MUTATION_REPORT_ONLY === '1' || args.includes('--report');
const dir = join(root, 'reports/mutation');
mkdirSync(dir, { recursive: true });

const totals = emptyCounts();
const matched = new Set();
const unmeasured = [];
let failedRuns = 0;

function minutes(ms) {
  return `${(ms / 60_000).toFixed(1)} min`;
}

for (const part of chosen) {
  const runFile = join(dir, `${part}.run.json`);
  if (!reportOnly) {
    const started = Date.now();
    console.log(`\n=== mutation: ${part} (${parts[part].mutate.join(' ')}), started ${new Date().toISOString().slice(11, 19)} UTC`);
    const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, MUTATION_PARTS: part, NPM_CONFIG_UPDATE_NOTIFIER: 'false' },
    });
    if (run.status !== 0) {
      failedRuns++;
      console.error(`stryker failed for ${part} (exit ${run.status})`);
      continue;
    }
    writeFileSync(runFile, `${JSON.stringify({ finished: new Date().toISOString(), ms: Date.now() - started })}\n`);
  }
  const reportFile = join(dir, `${part}.json`);
  if (!existsSync(reportFile)) {
    unmeasured.push(part);
    continue;
  }
  const counts = countReport(JSON.parse(readFileSync(reportFile, 'utf8')), equivalents, matched);
  const last = existsSync(runFile) ? JSON.parse(readFileSync(runFile, 'utf8')) : null;
  const when = last ? `, last run ${last.finished.slice(0, 16).replace('T', ' ')} UTC in ${minutes(last.ms)}` : '';
  const mutants = counts.killed + counts.timeout + counts.survived + counts.no_coverage + counts.equivalent;
  console.log(
    `${part}: ${score(counts) ?? '-'}% of ${mutants} mutants (killed ${counts.killed}, timeout ${counts.timeout}, survived ${counts.survived}, no coverage ${counts.no_coverage}, equivalent ${counts.equivalent}; compile errors ${counts.compile_error}${when})`,
  );
  addCounts(totals, counts);
}

if (unmeasured.length > 0) console.log(`not measured (no report in reports/mutation/): ${unmeasured.join(', ')}`);
const measuredParts = chosen.filter((p) => !unmeasured.includes(p));
const unused = equivalents.filter(
  (e, i) => !matched.has(i) && measuredParts.some((p) => parts[p].mutate.some((g) => e.file.startsWith(g.split('*')[0].replace(/\{.*$/, '')))),
);
if (unused.length > 0) console.log(`equivalents that matched no surviving mutant (stale?): ${unused.map((e) => `${e.file}:${e.line}`).join('; ')}`);
if (chosen.length > 1) console.log(`combined over ${measuredParts.length} of ${chosen.length} parts: ${measuredParts.join(', ') || 'none'}`);
console.log(summaryLine(totals));
process.exit(failedRuns > 0 ? 1 : 0);
