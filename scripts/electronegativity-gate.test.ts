import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM script without type declarations
import { electronVersion, judge, parseCsv } from './electronegativity-gate.mjs';

interface Finding { issue: string; severity: string; file: string; location: string; sample: string }
interface Accepted { issue: string; file: string; reason: string }
const j = judge as (f: Finding[], a: Accepted[]) => { unjustified: Finding[]; stale: Accepted[]; reasonless: Accepted[] };

const csv = `issue, severity, confidence, filename, location, sample, description, url
CONTEXT_ISOLATION_JS_CHECK,"HIGH","FIRM","main/window.ts","18:14","const win = new BrowserWindow(a, b);","Review the use of the contextIsolation option",https://x
CSP_GLOBAL_CHECK,"LOW","TENTATIVE","main/index.ts","62:17",N/A,"Failed to parse CSP",https://x
NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","main/other.ts","3:1","new BrowserWindow({ nodeIntegration: true })","Disable nodeIntegration",https://x`;

describe('electronegativity gate', () => {
  it('parses the CSV, commas inside quoted samples included', () => {
    const rows = parseCsv(csv) as Finding[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ issue: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', file: 'main/window.ts', sample: 'const win = new BrowserWindow(a, b);' });
  });

  it('keeps a quoted sample that spans lines in its row, and skips blank rows', () => {
    const text = ['issue,severity,confidence,file,location,sample', 'A,"MEDIUM","T","main/a.ts","1:2","x', 'y, ""q""",z', ',,,', 'B,LOW,T,main/b.ts,3:4,s', ''].join('\n');
    const rows = parseCsv(text) as Finding[];
    expect(rows.map((r) => [r.issue, r.file, r.sample])).toEqual([
      ['A', 'main/a.ts', 'x\ny, "q"'],
      ['B', 'main/b.ts', 's'],
    ]);
  });

  it('fails an unaccepted finding of MEDIUM or above, ignores LOW, and reports stale or reasonless entries', () => {
    const findings = parseCsv(csv) as Finding[];
    const accepted = [
      { issue: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main/window.ts', reason: 'set by secureWebPreferences(), unit-tested' },
      { issue: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/gone.ts', reason: 'this call was removed long ago, so nothing matches' },
      { issue: 'X', file: 'main/window.ts', reason: 'ok' },
    ];
    const { unjustified, stale, reasonless } = j(findings, accepted);
    expect(unjustified.map((f) => f.issue)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(stale.map((a) => a.file)).toEqual(['main/gone.ts', 'main/window.ts']);
    expect(reasonless.map((a) => a.issue)).toEqual(['X']);
  });

  it('runs electronegativity with our Electron version, and every allowlist entry has a reason', () => {
    expect(electronVersion()).toBe(JSON.parse(readFileSync(join(__dirname, '../node_modules/electron/package.json'), 'utf8')).version);
    const { accepted } = JSON.parse(readFileSync(join(__dirname, 'electronegativity-allowlist.json'), 'utf8')) as { accepted: Accepted[] };
    expect(j([], accepted).reasonless).toEqual([]);
  });
});
