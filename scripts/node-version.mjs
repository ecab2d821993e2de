// The supported Node range lives in package.json `engines.node`; the start and test scripts
// check it up front so an old Node fails with one sentence, not a stack trace. The range is
// "^22.13.0 || >=24": what the dependency tree needs (eslint 10 and its tooling declare
// ^22.13.0 || >=24, Electron 45's >=22.12.0), so a supported Node installs with no EBADENGINE
// warning. Only the two forms used here are understood: `^A.B.C` and `>=A.B`, joined by `||`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The alternatives of an engines range: `[{ op: '^' | '>=', major, minor, patch }]`. */
export function parseRange(range) {
  const parts = String(range ?? '').split('||');
  return parts.map((part) => {
    const m = /^\s*(>=|\^)\s*v?(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(part);
    if (!m) throw new Error(`package.json engines.node must read like "^22.13.0 || >=24", not ${JSON.stringify(range)}`);
    return { op: m[1], major: Number(m[2]), minor: Number(m[3] ?? 0), patch: Number(m[4] ?? 0) };
  });
}

function atLeast(v, min) {
  return v[0] !== min.major ? v[0] > min.major : v[1] !== min.minor ? v[1] > min.minor : v[2] >= min.patch;
}

/** "Node.js 22 (22.13 or later) or Node.js 24 or later" for "^22.13.0 || >=24". */
export function describeRange(range) {
  return parseRange(range)
    .map((a) => {
      const min = `${a.major}.${a.minor}${a.patch ? `.${a.patch}` : ''}`;
      if (a.op === '^') return a.minor || a.patch ? `Node.js ${a.major} (${min} or later)` : `Node.js ${a.major}`;
      return a.minor || a.patch ? `Node.js ${min} or later` : `Node.js ${a.major} or later`;
    })
    .join(' or ');
}

/** One line saying what is wrong and what to do, or null when `version` satisfies `range`. */
export function nodeVersionProblem(version, range) {
  const alternatives = parseRange(range);
  const v = version.replace(/^v/, '').split('.').map(Number);
  const ok = alternatives.some((a) => atLeast(v, a) && (a.op === '>=' || v[0] === a.major));
  if (ok) return null;
  return `OSS Browser needs ${describeRange(range)}; this is Node.js ${version.replace(/^v/, '')}. ` +
    'Install Node.js 22 or 24 LTS (README.md, "Prerequisites") and run the command again.';
}

/** The engines range of the package.json in `root`. */
export function enginesRange(root) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines?.node;
}
