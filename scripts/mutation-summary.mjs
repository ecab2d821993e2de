// Counting for `npm run test:mutation` (scripts/mutation.mjs): one part's Stryker JSON report
// → killed / timeout / survived / no coverage / equivalent, with the surviving mutants that
// scripts/mutation-equivalents.json lists (reviewed as equivalent) left out of the score.

/**
 * The index of the reviewed entry for a surviving mutant, or -1 (matched on file, mutator,
 * replacement and a piece of the mutated line's text).
 */
export function equivalentFor(equivalents, file, mutant, sourceLines) {
  const line = (sourceLines[mutant.location.start.line - 1] ?? '').trim();
  return equivalents.findIndex(
    (e) => e.file === file && e.mutator === mutant.mutatorName && e.replacement === (mutant.replacement ?? '') && line.includes(e.line),
  );
}

export function emptyCounts() {
  return { killed: 0, survived: 0, timeout: 0, no_coverage: 0, equivalent: 0, compile_error: 0, ignored: 0 };
}

/**
 * Counts one Stryker JSON report. `matched` (a Set) receives the indexes of the equivalents
 * used, so the caller can name stale entries. Compile errors (the TypeScript checker refused
 * the mutant) and ignored mutants are counted apart and never enter the score.
 */
export function countReport(report, equivalents, matched = new Set()) {
  const counts = emptyCounts();
  for (const [file, result] of Object.entries(report.files)) {
    const lines = result.source.split('\n');
    for (const m of result.mutants) {
      if (m.status === 'Killed') counts.killed++;
      else if (m.status === 'Timeout') counts.timeout++;
      else if (m.status === 'CompileError') counts.compile_error++;
      else if (m.status === 'Ignored') counts.ignored++;
      else if (m.status === 'Survived' || m.status === 'NoCoverage') {
        const eq = equivalentFor(equivalents, file, m, lines);
        if (eq >= 0) {
          matched.add(eq);
          counts.equivalent++;
        } else if (m.status === 'Survived') counts.survived++;
        else counts.no_coverage++;
      }
    }
  }
  return counts;
}

export function addCounts(into, counts) {
  for (const k of Object.keys(into)) into[k] += counts[k] ?? 0;
  return into;
}

/** Detected (killed + timeout) over detected + survived + no coverage, in percent; null when nothing counts. */
export function score(counts) {
  const detected = counts.killed + counts.timeout;
  const valid = detected + counts.survived + counts.no_coverage;
  return valid ? Math.round((10_000 * detected) / valid) / 100 : null;
}

/** The last line of `npm run test:mutation`. */
export function summaryLine(counts) {
  return JSON.stringify({
    mutation_score: score(counts),
    killed: counts.killed,
    survived: counts.survived,
    timeout: counts.timeout,
    no_coverage: counts.no_coverage,
  });
}
