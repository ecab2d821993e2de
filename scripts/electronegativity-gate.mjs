#!/usr/bin/env node
// The electronegativity gate (issue 10): scans main/, renderer/ and the build (out/) with
// Electron's security linter set to our Electron version, through its library API, and fails
// on any finding of MEDIUM or above that the allowlist does not justify, on a file it could not
// parse, and on allowlist entries that no longer match anything (so the list stays true).
// `npm test` runs it as the "security" step; `node scripts/electronegativity-gate.mjs` alone works too.
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
// The library, not the CLI (see toFindings); it is CommonJS.
const run = createRequire(import.meta.url)('@doyensec/electronegativity');
const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/**
 * Electronegativity's issues as findings. Its own CSV writer is not used: it writes the header
 * and the rows with two unsynchronised fs.writeFile calls, so under load the header lands last
 * and truncates the report (CI once saw 1 finding of 16, once a row without a file).
 */
export function toFindings(issues) {
  return issues.map((i) => ({
    issue: i.id,
    severity: i.severity?.name ?? '',
    confidence: i.confidence?.name ?? '',
    file: i.file,
    location: i.location ? `${i.location.line}:${i.location.column}` : '',
    sample: i.sample ?? '',
  }));
}

/** Findings of MEDIUM or above not covered by an allowlist entry, and entries that covered nothing. */
export function judge(findings, allowlist) {
  const serious = findings.filter((f) => SEVERITIES.indexOf(f.severity) >= SEVERITIES.indexOf('MEDIUM'));
  const used = new Set();
  const unjustified = serious.filter((f) => {
    const i = allowlist.findIndex((a) => a.issue === f.issue && a.file === f.file);
    if (i < 0) return true;
    used.add(i);
    return false;
  });
  const stale = allowlist.filter((_, i) => !used.has(i));
  const reasonless = allowlist.filter((a) => typeof a.reason !== 'string' || a.reason.trim().length < 20);
  return { unjustified, stale, reasonless };
}

/** Our Electron version (the -e flag: electronegativity would otherwise guess it). */
export function electronVersion() {
  // Read as a file: scripts never import electron (lint's boundary rule).
  return JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}

/** Scans one folder; a file it could not parse is a file it did not check, so that throws. */
export async function scanDir(dir) {
  // AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub (about 10 s to fail
  // offline, and nothing to report without it): Electron is pinned in package.json and upgraded on purpose.
  const result = await run(
    { input: dir, isRelative: true, electronVersionOverride: electronVersion(), excludeFromScan: ['availablesecurityfixesglobalcheck'], verbose: false },
    false,
  );
  const unreadable = result.errors.filter((e) => !e.tolerable);
  if (unreadable.length > 0) {
    throw new Error(`electronegativity could not parse ${unreadable.length} file(s):\n${unreadable.map((e) => `  ${e.file ?? ''} ${e.message ?? ''}`).join('\n')}`);
  }
  return toFindings(result.issues);
}

async function scan() {
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
    console.error('electronegativity gate: out/ is missing. Run `npm run build` first.');
    process.exit(1);
  }
  // One input folder holding main/, renderer/ and the build (as build/), without tests.
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  try {
    const skipTests = (src) => !/\.(test|spec)\.[cm]?[jt]sx?$/.test(src);
    cpSync(join(root, 'main'), join(dir, 'main'), { recursive: true, filter: skipTests });
    cpSync(join(root, 'renderer'), join(dir, 'renderer'), { recursive: true, filter: skipTests });
    cpSync(join(root, 'out'), join(dir, 'build'), { recursive: true });
    return await scanDir(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const findings = await scan();
  const allowlist = JSON.parse(readFileSync(join(root, 'scripts', 'electronegativity-allowlist.json'), 'utf8')).accepted;
  const { unjustified, stale, reasonless } = judge(findings, allowlist);
  console.log(`electronegativity ${electronVersion()}: ${findings.length} findings, ${findings.length - unjustified.length} below MEDIUM or accepted.`);
  for (const f of unjustified) console.error(`UNJUSTIFIED ${f.severity} ${f.issue} ${f.file}:${f.location} ${f.sample}`);
  for (const a of stale) console.error(`STALE allowlist entry (matches nothing now; remove it): ${a.issue} ${a.file}`);
  for (const a of reasonless) console.error(`Allowlist entry without a real reason: ${a.issue} ${a.file}`);
  process.exit(unjustified.length + stale.length + reasonless.length === 0 ? 0 : 1);
}
