/**
 * The supported Node range (package.json engines.node) and its one-line message. The range must
 * be what the dependency tree really needs: on the lowest version of each supported line,
 * no package in package-lock.json may declare an engines.node it does not meet, since npm
 * prints one EBADENGINE warning per such package on every install.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeRange, enginesRange, nodeVersionProblem, parseRange } from './node-version.mjs';

const root = path.resolve(__dirname, '..');
const range = enginesRange(root);
// npm's own range matcher (a dependency of npm, electron-builder and @electron/get).
const semver = createRequire(path.join(root, 'package.json'))('semver') as { satisfies(version: string, range: string): boolean };

interface LockPackage { engines?: { node?: string } | string[] }

/** Packages in the lockfile whose engines.node rejects `version`, as "name range". */
function engineWarnings(version: string): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };
  const bad: string[] = [];
  for (const [where, pkg] of Object.entries(lock.packages)) {
    const wanted = !Array.isArray(pkg.engines) ? pkg.engines?.node : undefined;
    if (where && wanted && !semver.satisfies(version, wanted)) bad.push(`${where.replace(/^.*node_modules\//, '')} ${wanted}`);
  }
  return bad;
}

describe('the supported Node range', () => {
  it('is Node 22 from 22.13, or 24 and later, in package.json and package-lock.json alike', () => {
    expect(range).toBe('^22.13.0 || >=24');
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { engines?: { node?: string } }> };
    expect(lock.packages['']?.engines?.node).toBe(range);
  });

  it('installs without an engine warning on the lowest version of each supported line', () => {
    const lowest = parseRange(range).map((a) => `${a.major}.${a.minor}.${a.patch}`);
    expect(lowest).toEqual(['22.13.0', '24.0.0']);
    for (const version of lowest) expect(engineWarnings(version), `Node ${version}`).toEqual([]);
  });

  it('leaves out exactly the versions the dependencies reject (22.12, odd-numbered 23, 20)', () => {
    for (const version of ['22.12.0', '23.11.0', '20.20.2']) {
      expect(engineWarnings(version).length, `Node ${version}`).toBeGreaterThan(0);
      expect(nodeVersionProblem(`v${version}`, range), `Node ${version}`).not.toBeNull();
    }
  });
});

describe('nodeVersionProblem', () => {
  it('accepts the supported versions', () => {
    for (const v of ['v22.13.0', 'v22.23.5', 'v24.0.0', 'v24.3.1', 'v26.1.0']) expect(nodeVersionProblem(v, range), v).toBeNull();
  });

  it('names the range and the running version in one line, with what to do', () => {
    expect(describeRange(range)).toBe('Node.js 22 (22.13 or later) or Node.js 24 or later');
    expect(nodeVersionProblem('v22.12.0', range)).toBe(
      'OSS Browser needs Node.js 22 (22.13 or later) or Node.js 24 or later; this is Node.js 22.12.0. Install Node.js 22 or 24 LTS (README.md, "Prerequisites") and run the command again.',
    );
    expect(nodeVersionProblem('v23.11.0', range)).toContain('this is Node.js 23.11.0');
    expect(nodeVersionProblem('v20.20.2', range)).toContain('this is Node.js 20.20.2');
    expect(nodeVersionProblem('v18.19.0', range)).not.toContain('\n');
  });

  it('reads the simple ">=A.B" form too, and refuses a form it does not understand', () => {
    expect(nodeVersionProblem('v22.12.0', '>=22.12')).toBeNull();
    expect(nodeVersionProblem('v22.11.9', '>=22.12')).toContain('needs Node.js 22.12 or later; this is Node.js 22.11.9');
    expect(() => nodeVersionProblem('v22.12.0', '~22')).toThrow(/engines.node/);
    expect(() => nodeVersionProblem('v22.12.0', undefined)).toThrow(/engines.node/);
  });
});
