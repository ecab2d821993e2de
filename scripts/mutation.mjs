#!/usr/bin/env node
// `npm run test:mutation [-- part ...]`: StrykerJS over the data- and secret-critical scope
// (parts in stryker.config.mjs), one part at a time, each with its own incremental file so a
// re-run re-tests only what changed. Surviving mutants reviewed as equivalent are listed in
// scripts/mutation-equivalents.json (file, mutator, replacement, the source line, a reason)
// and leave the score. Prints a line per part (score, counts, minutes) and, last, one JSON
// line over the parts run: {"mutation_score":…,"killed":…,"survived":…,"timeout":…,"no_coverage":…}.
// Environment: MUTATION_CONCURRENCY (default 2), MUTATION_REPORT_ONLY=1 (summarise the
// existing reports without running Stryker).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const { parts } = await import(pathToFileURL(join(root, 'stryker.config.mjs')).href);
const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const p of requested) {
  if (!parts[p]) {
    console.error(`unknown part "${p}"; known: ${Object.keys(parts).join(', ')}`);
    process.exit(2);
  }
}
const chosen = requested.length > 0 ? requested : Object.keys(parts);
const equivalents = JSON.parse(readFileSync(join(root, 'scripts/mutation-equivalents.json'), 'utf8')).mutants;
const reportOnly = process.env.MUTATION_REPORT_ONLY === '1';
mkdirSync(join(root, 'reports/mutation'), { recursive: true });

const totals = { killed: 0, survived: 0, timeout: 0, no_coverage: 0, equivalent: 0 };
const matched = new Set();
let failedRuns = 0;

/** The reviewed entry for a surviving mutant, if any (matched on file, mutator, replacement and line text). */
function equivalentFor(file, mutant, sourceLines) {
  const line = (sourceLines[mutant.location.start.line - 1] ?? '').trim();
  return equivalents.findIndex(
    (e) => e.file === file && e.mutator === mutant.mutatorName && e.replacement === (mutant.replacement ?? '') && line.includes(e.line),
  );
}

function minutes(ms) {
  return `${(ms / 60_000).toFixed(1)} min`;
}

for (const part of chosen) {
  const started = Date.now();
  if (!reportOnly) {
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
  }
  const reportFile = join(root, `reports/mutation/${part}.json`);
  if (!existsSync(reportFile)) {
    console.log(`${part}: no report yet`);
    continue;
  }
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const counts = { killed: 0, survived: 0, timeout: 0, no_coverage: 0, equivalent: 0 };
  for (const [file, result] of Object.entries(report.files)) {
    const lines = result.source.split('\n');
    for (const m of result.mutants) {
      if (m.status === 'Killed') counts.killed++;
      else if (m.status === 'Timeout') counts.timeout++;
      else if (m.status === 'Survived' || m.status === 'NoCoverage') {
        const eq = equivalentFor(file, m, lines);
        if (eq >= 0) {
          matched.add(eq);
          counts.equivalent++;
        } else if (m.status === 'Survived') counts.survived++;
        else counts.no_coverage++;
      }
    }
  }
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.no_coverage;
  const score = valid ? (100 * detected) / valid : 100;
  const took = reportOnly ? '' : `, ${minutes(Date.now() - started)}`;
  console.log(
    `${part}: ${score.toFixed(1)}% (killed ${counts.killed}, timeout ${counts.timeout}, survived ${counts.survived}, no coverage ${counts.no_coverage}, equivalent ${counts.equivalent}${took})`,
  );
  for (const k of Object.keys(totals)) totals[k] += counts[k];
}

const unused = equivalents.filter((e, i) => !matched.has(i) && chosen.some((p) => parts[p].mutate.some((g) => e.file.startsWith(g.split('*')[0].replace(/\{.*$/, '')))));
if (unused.length > 0) console.log(`equivalents that matched no surviving mutant (stale?): ${unused.map((e) => `${e.file}:${e.line}`).join('; ')}`);
const detected = totals.killed + totals.timeout;
const valid = detected + totals.survived + totals.no_coverage;
const mutationScore = valid ? Math.round((10_000 * detected) / valid) / 100 : null;
console.log(
  JSON.stringify({ mutation_score: mutationScore, killed: totals.killed, survived: totals.survived, timeout: totals.timeout, no_coverage: totals.no_coverage }),
);
process.exit(failedRuns > 0 ? 1 : 0);
