#!/usr/bin/env node
// The electronegativity gate (issue 10): scans main/, renderer/ and the build (out/) with
// Electron's security linter set to our Electron version, reads its CSV (its exit code is
// always 0) and fails on any finding of MEDIUM or above that the allowlist does not justify,
// and on allowlist entries that no longer match anything (so the list stays true).
// `npm test` runs it as the "security" step; `node scripts/electronegativity-gate.mjs` alone works too.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** Parses electronegativity's CSV (quoted fields, commas inside quotes) into finding objects. */
export function parseCsv(text) {
  // Quoted cells may hold commas, doubled quotes and line breaks (a code sample spanning lines).
  const records = [];
  let cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
    else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) { cells.push(cell); cell = ''; }
    else if ((ch === '\n' || ch === '\r') && !quoted) {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      records.push(cells);
      cells = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || cells.length) records.push([...cells, cell]);
  const rows = [];
  for (const record of records.slice(1)) {
    if (record.every((c) => !c.trim())) continue;
    const [issue, severity, confidence, file, location, sample] = record.map((c) => c.trim());
    // A row electronegativity wrote without a file (seen once in CI, not reproducible) is reported, not trusted.
    if (!issue || !file) {
      console.error(`electronegativity gate: unreadable report row ignored: ${JSON.stringify(record).slice(0, 300)}`);
      continue;
    }
    rows.push({ issue, severity, confidence, file, location, sample });
  }
  return rows;
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

function scan() {
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
    const csv = join(dir, 'report.csv');
    const bin = join(root, 'node_modules', '.bin', 'electronegativity');
    const run = spawnSync(bin, ['-i', dir, '-o', csv, '-e', electronVersion(), '-r'], { encoding: 'utf8', timeout: 180_000 });
    if (!existsSync(csv)) {
      console.error(`electronegativity wrote no report (exit ${run.status}):\n${run.stderr}`);
      process.exit(1);
    }
    return parseCsv(readFileSync(csv, 'utf8')).map((f) => ({ ...f, file: relative(dir, join(dir, f.file)) }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const findings = scan();
  const allowlist = JSON.parse(readFileSync(join(root, 'scripts', 'electronegativity-allowlist.json'), 'utf8')).accepted;
  const { unjustified, stale, reasonless } = judge(findings, allowlist);
  console.log(`electronegativity ${electronVersion()}: ${findings.length} findings, ${findings.length - unjustified.length} below MEDIUM or accepted.`);
  for (const f of unjustified) console.error(`UNJUSTIFIED ${f.severity} ${f.issue} ${f.file}:${f.location} ${f.sample}`);
  for (const a of stale) console.error(`STALE allowlist entry (matches nothing now; remove it): ${a.issue} ${a.file}`);
  for (const a of reasonless) console.error(`Allowlist entry without a real reason: ${a.issue} ${a.file}`);
  process.exit(unjustified.length + stale.length + reasonless.length === 0 ? 0 : 1);
}
