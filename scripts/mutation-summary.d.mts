export interface Equivalent { file: string; mutator: string; replacement: string; line: string; reason: string }
export interface MutantResult {
  mutatorName: string;
  replacement?: string;
  status: string;
  location: { start: { line: number; column: number }; end: { line: number; column: number } };
}
export interface MutationReport { files: Record<string, { source: string; mutants: MutantResult[] }> }
export interface Counts { killed: number; survived: number; timeout: number; no_coverage: number; equivalent: number; compile_error: number; ignored: number }
export function equivalentFor(equivalents: Equivalent[], file: string, mutant: MutantResult, sourceLines: string[]): number;
export function emptyCounts(): Counts;
export function countReport(report: MutationReport, equivalents: Equivalent[], matched?: Set<number>): Counts;
export function addCounts(into: Counts, counts: Counts): Counts;
export function score(counts: Counts): number | null;
export function summaryLine(counts: Counts): string;
