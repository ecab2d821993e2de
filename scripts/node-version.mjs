// The supported Node range lives in package.json `engines.node` (">=MAJOR.MINOR"); the start
// and test scripts check it up front so an old Node fails with one sentence, not a stack trace.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The minimum `{ major, minor }` from an engines range such as ">=22.12" (the only form used here). */
export function parseMinimum(range) {
  const m = /^\s*>=\s*v?(\d+)(?:\.(\d+))?/.exec(range ?? '');
  if (!m) throw new Error(`package.json engines.node must read ">=MAJOR.MINOR", not ${JSON.stringify(range)}`);
  return { major: Number(m[1]), minor: Number(m[2] ?? 0) };
}

/** One line saying what is wrong and what to do, or null when `version` satisfies `range`. */
export function nodeVersionProblem(version, range) {
  const min = parseMinimum(range);
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  if (major > min.major || (major === min.major && minor >= min.minor)) return null;
  return `OSS Browser needs Node.js ${min.major}.${min.minor} or later; this is Node.js ${version.replace(/^v/, '')}. ` +
    'Install Node.js 22 LTS (README.md, "Prerequisites") and run the command again.';
}

/** The engines range of the package.json in `root`. */
export function enginesRange(root) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node;
}

