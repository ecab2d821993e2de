import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addCounts, countReport, emptyCounts, score, summaryLine, type Equivalent, type MutantResult } from './mutation-summary.mjs';

function mutant(line: number, status: string, mutatorName = 'ConditionalExpression', replacement = 'true'): MutantResult {
  return { mutatorName, replacement, status, location: { start: { line, column: 1 }, end: { line, column: 5 } } };
}

const source = ['export function f(a: number) {', '  if (a > 1) return 1;', '  try { g(); } catch {', '  }', '}'].join('\n');
const equivalents: Equivalent[] = [
  { file: 'main/f.ts', mutator: 'BlockStatement', replacement: '{}', line: '} catch {', reason: 'an empty catch is the same' },
];

describe('countReport', () => {
  it('counts each status, leaves listed equivalents and compile errors out of the score', () => {
    const report = {
      files: {
        'main/f.ts': {
          source,
          mutants: [
            mutant(2, 'Killed'),
            mutant(2, 'Timeout'),
            mutant(2, 'Survived'),
            mutant(2, 'NoCoverage'),
            mutant(2, 'CompileError'),
            mutant(3, 'Survived', 'BlockStatement', '{}'),
            mutant(2, 'Ignored'),
          ],
        },
      },
    };
    const matched = new Set<number>();
    const counts = countReport(report, equivalents, matched);
    expect(counts).toEqual({ killed: 1, timeout: 1, survived: 1, no_coverage: 1, equivalent: 1, compile_error: 1, ignored: 1 });
    expect([...matched]).toEqual([0]);
    expect(score(counts)).toBe(50);
  });

  it('matches an equivalent only on the same file, mutator, replacement and line', () => {
    const survivors = [
      mutant(3, 'Survived', 'BlockStatement', '{ x(); }'), // other replacement
      mutant(3, 'Survived', 'StringLiteral', '{}'), // other mutator
      mutant(2, 'Survived', 'BlockStatement', '{}'), // other line
    ];
    const here = countReport({ files: { 'main/f.ts': { source, mutants: survivors } } }, equivalents);
    expect(here.survived).toBe(3);
    const elsewhere = countReport({ files: { 'main/g.ts': { source, mutants: [mutant(3, 'Survived', 'BlockStatement', '{}')] } } }, equivalents);
    expect(elsewhere.survived).toBe(1);
    expect(elsewhere.equivalent).toBe(0);
  });
});

describe('the summary line', () => {
  it('adds parts and rounds the score to two decimals; no mutants gives null', () => {
    const total = addCounts(emptyCounts(), { ...emptyCounts(), killed: 2, survived: 1 });
    addCounts(total, { ...emptyCounts(), timeout: 0, killed: 0, no_coverage: 0 });
    expect(JSON.parse(summaryLine(total))).toEqual({ mutation_score: 66.67, killed: 2, survived: 1, timeout: 0, no_coverage: 0 });
    expect(score(emptyCounts())).toBeNull();
  });
});

describe('scripts/mutation-equivalents.json', () => {
  it('names a file, mutator, line and an honest reason for every reviewed equivalent', () => {
    const listed = JSON.parse(readFileSync(join(import.meta.dirname, 'mutation-equivalents.json'), 'utf8')) as { mutants: Equivalent[] };
    for (const e of listed.mutants) {
      expect(e.file, JSON.stringify(e)).toMatch(/^(main|shared|emulator)\/.+\.ts$/);
      expect(e.mutator, JSON.stringify(e)).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(typeof e.replacement, JSON.stringify(e)).toBe('string');
      expect(e.line.trim().length, JSON.stringify(e)).toBeGreaterThan(0);
      expect(e.reason.length, JSON.stringify(e)).toBeGreaterThan(20);
    }
  });
});
