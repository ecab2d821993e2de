/**
 * `npm start` with an Electron the user already has: the real start script and electron-vite's
 * launcher run a stand-in "electron" executable (a shell script that records its arguments and
 * then starts the BUILT main bundle in Node with the recording electron stub), proving that
 * ELECTRON_PATH and ELECTRON_OVERRIDE_DIST_PATH really launch the app, not just pass a check.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { enginesRange, nodeVersionProblem } from '../scripts/node-version.mjs';

const root = path.resolve(__dirname, '..');
const tooOld = nodeVersionProblem(process.version, enginesRange(root));

function fakeElectron(dir: string, record: string): string {
  const file = path.join(dir, 'electron');
  const stub = path.join(__dirname, 'support', 'electron-stub.cjs');
  fs.writeFileSync(file, `#!/bin/sh\nprintf '%s\\n' "$PWD" "$@" > '${record}'\nexec '${process.execPath}' --require '${stub}' "$@"\n`, { mode: 0o755 });
  return file;
}

function runStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const clean: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const name of ['ELECTRON_PATH', 'ELECTRON_EXEC_PATH', 'ELECTRON_OVERRIDE_DIST_PATH']) if (!(name in env)) delete clean[name];
    const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const child = spawn(process.execPath, [tsx, 'scripts/start.ts', 'preview', '--skipBuild'], { cwd: root, env: clean });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

test.describe('npm start with an installed Electron', () => {
  test.skip(!!tooOld, `scripts/start.test.ts covers the version message on this Node (${process.version})`);
  let dir: string;
  test.beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossb-start-'));
  });
  test.afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const variable of ['ELECTRON_PATH', 'ELECTRON_OVERRIDE_DIST_PATH'] as const) {
    test(`${variable} launches the built main with it`, async () => {
      const record = path.join(dir, 'args.txt');
      const bin = fakeElectron(dir, record);
      const r = await runStart({ [variable]: variable === 'ELECTRON_PATH' ? bin : dir, OSS_BROWSER_USER_DATA: path.join(dir, 'user-data') });
      expect(r.code, r.stderr).toBe(0);
      // electron-vite runs `electron .` in the project root: Electron then loads package.json "main".
      expect(fs.readFileSync(record, 'utf8').trim().split('\n')).toEqual([root, '.']);
      expect(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).main).toBe('out/main/index.js');
      const line = r.stdout.split('\n').find((l) => l.startsWith('ELECTRON_STUB_REPORT '));
      expect(line, r.stdout + r.stderr).toBeTruthy();
      const report = JSON.parse(line!.slice('ELECTRON_STUB_REPORT '.length)) as { errors: string[]; windows: Array<{ url: string }> };
      expect(report.errors).toEqual([]);
      expect(report.windows.map((w) => w.url)).toEqual(['app://renderer/index.html']);
      expect(r.stdout).not.toContain('downloading');
    });
  }
});
