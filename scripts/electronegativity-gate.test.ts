import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ESM script without type declarations
import { electronVersion, judge, scanDir, toFindings } from './electronegativity-gate.mjs';

interface Finding { issue: string; severity: string; file: string; location: string; sample: string }
interface Accepted { issue: string; file: string; reason: string }
const j = judge as (f: Finding[], a: Accepted[]) => { unjustified: Finding[]; stale: Accepted[]; reasonless: Accepted[] };

// Issues as electronegativity's library returns them (its runner's shape).
const issues = [
  { id: 'CONTEXT_ISOLATION_JS_CHECK', severity: { value: 3, name: 'HIGH' }, confidence: { name: 'FIRM' }, file: 'main/window.ts', location: { line: 18, column: 14 }, sample: 'const win = new BrowserWindow(a, b);' },
  { id: 'CSP_GLOBAL_CHECK', severity: { value: 1, name: 'LOW' }, confidence: { name: 'TENTATIVE' }, file: 'main/index.ts', location: { line: 62, column: 17 } },
  { id: 'NODE_INTEGRATION_JS_CHECK', severity: { value: 3, name: 'HIGH' }, confidence: { name: 'FIRM' }, file: 'main/other.ts', location: { line: 3, column: 1 }, sample: 'new BrowserWindow({ nodeIntegration: true })' },
];
const findings = toFindings(issues) as Finding[];

describe('electronegativity gate', () => {
  it('reads the library\'s issues: rule, severity, file, line:column and sample', () => {
    expect(findings).toHaveLength(3);
    expect(findings[0]).toEqual({ issue: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', confidence: 'FIRM', file: 'main/window.ts', location: '18:14', sample: 'const win = new BrowserWindow(a, b);' });
    expect(findings[1]).toMatchObject({ issue: 'CSP_GLOBAL_CHECK', severity: 'LOW', sample: '' });
  });

  it('fails an unaccepted finding of MEDIUM or above, ignores LOW, and reports stale or reasonless entries', () => {
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

  it('scans a real folder through the library: a window without our secure preferences is a serious finding, a file that does not parse fails the scan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eng-test-'));
    try {
      mkdirSync(join(dir, 'main'));
      writeFileSync(join(dir, 'main', 'window.ts'), "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true } });\n");
      const found = (await scanDir(dir)) as Finding[];
      const serious = j(found, []).unjustified.filter((f) => f.file === 'main/window.ts').map((f) => f.issue);
      expect(serious).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK']));
      writeFileSync(join(dir, 'main', 'broken.ts'), 'export const = ;\n');
      await expect(scanDir(dir)).rejects.toThrow(/could not parse 1 file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
