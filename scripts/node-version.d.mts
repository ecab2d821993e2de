// Types for node-version.mjs (plain JavaScript so scripts/test-all.mjs can use it without tsx).
export function parseMinimum(range: string | undefined): { major: number; minor: number };
export function nodeVersionProblem(version: string, range: string | undefined): string | null;
export function enginesRange(root: string): string | undefined;
