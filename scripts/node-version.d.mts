// Types for node-version.mjs (plain JavaScript so scripts/test-all.mjs can use it without tsx).
export interface RangeAlternative { op: '^' | '>='; major: number; minor: number; patch: number }
export function parseRange(range: string | undefined): RangeAlternative[];
export function describeRange(range: string | undefined): string;
export function nodeVersionProblem(version: string, range: string | undefined): string | null;
export function enginesRange(root: string): string | undefined;
