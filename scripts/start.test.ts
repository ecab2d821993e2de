import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { reasonFrom } from './launch/install-electron';
import { locateElectron, platformExecutable } from './launch/locate-electron';
import { enginesRange, nodeVersionProblem } from './node-version.mjs';

// `npm start` on a fresh clone: the real start script, the real Electron installer, a download
// that cannot succeed (a loopback port nobody listens on) and an empty download cache.
const root = path.resolve(__dirname, '..');
const realElectron = path.join(root, 'node_modules', 'electron');
// On a Node older than engines.node the script must stop before anything else, with one line.
const tooOld = nodeVersionProblem(process.version, enginesRange(root));
const temps: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oss-start-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the electron package as npm leaves it on a fresh clone: no path.txt, no dist/. */
function freshElectronPackage(): string {
  const dir = path.join(tempDir(), 'electron');
  fs.mkdirSync(dir);
  for (const file of ['package.json', 'install.js', 'checksums.json']) fs.copyFileSync(path.join(realElectron, file), path.join(dir, file));
  return dir;
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_GET_NO_PROGRESS: '1', ...extra };
  for (const name of ['ELECTRON_PATH', 'ELECTRON_EXEC_PATH', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_GET_USE_PROXY']) if (!(name in extra)) delete env[name];
  return env;
}

function runStart(env: NodeJS.ProcessEnv, args: string[] = ['preview']): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(__dirname, 'start.ts'), ...args], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.runIf(tooOld)('npm start on an unsupported Node', () => {
  it('stops up front with the one-line version message, exit code 1', async () => {
    const r = await runStart(cleanEnv({ OSS_ELECTRON_PACKAGE_DIR: freshElectronPackage(), ELECTRON_MIRROR: 'http://127.0.0.1:1/' }));
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(tooOld);
    expect(r.stdout).not.toContain('downloading');
  });
});

describe.skipIf(tooOld)('npm start without an Electron binary', () => {
  it('tries Electron\'s installer, and offline prints one clear message naming the overrides, exit code 1, no stack trace', async () => {
    const electronDir = freshElectronPackage();
    const cache = tempDir();
    const port = await closedPort();
    const r = await runStart(cleanEnv({
      OSS_ELECTRON_PACKAGE_DIR: electronDir,
      NODE_PATH: path.join(root, 'node_modules'), // lets the copied install.js find @electron/get
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      electron_config_cache: cache,
    }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`downloading it once (about 110 MB) from ELECTRON_MIRROR (http://127.0.0.1:${port}/)`);
    expect(r.stderr).toContain('Could not download Electron 45.');
    expect(r.stderr).toContain(`Reason: fetch failed (ECONNREFUSED) for http://127.0.0.1:${port}/v45.`);
    expect(r.stderr).toContain('ELECTRON_PATH=/path/to/electron npm start');
    expect(r.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH=');
    expect(r.stderr).toContain('ELECTRON_GET_USE_PROXY=1 HTTPS_PROXY=');
    expect(r.stderr + r.stdout).not.toMatch(/^\s+at /m);
    expect(fs.existsSync(path.join(electronDir, 'path.txt'))).toBe(false);
  });

  it('refuses an override that names nothing runnable instead of ignoring it, and downloads nothing', async () => {
    const notExecutable = path.join(tempDir(), 'electron');
    fs.writeFileSync(notExecutable, 'not a program', { mode: 0o644 });
    const r = await runStart(cleanEnv({ OSS_ELECTRON_PACKAGE_DIR: freshElectronPackage(), ELECTRON_PATH: notExecutable, ELECTRON_MIRROR: 'http://127.0.0.1:1/' }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`ELECTRON_PATH is set to "${notExecutable}", but that file is not executable`);
    expect(r.stdout).not.toContain('downloading');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('rejects an unknown mode with its usage line', async () => {
    const r = await runStart(cleanEnv({}), ['serve']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('usage: tsx scripts/start.ts preview|dev');
  });
});

describe('locateElectron', () => {
  const executable = (file: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '#!/bin/sh\n', { mode: 0o755 });
    return file;
  };

  it('finds the binary install-electron wrote (path.txt + dist/)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(locateElectron({}, dir, 'linux')).toEqual({ kind: 'missing' });
    const bin = executable(path.join(dir, 'dist', 'electron'));
    expect(locateElectron({}, dir, 'linux')).toEqual({ kind: 'found', executable: bin, source: 'node_modules/electron' });
  });

  it('prefers ELECTRON_EXEC_PATH, then ELECTRON_PATH, then ELECTRON_OVERRIDE_DIST_PATH over the installed binary', () => {
    const pkg = tempDir();
    const other = tempDir();
    const a = executable(path.join(other, 'a', 'electron'));
    const b = executable(path.join(other, 'b', 'electron'));
    const distDir = path.join(other, 'dist');
    const c = executable(path.join(distDir, 'electron'));
    expect(locateElectron({ ELECTRON_EXEC_PATH: a, ELECTRON_PATH: b, ELECTRON_OVERRIDE_DIST_PATH: distDir }, pkg, 'linux')).toMatchObject({ executable: a, source: 'ELECTRON_EXEC_PATH' });
    expect(locateElectron({ ELECTRON_PATH: b, ELECTRON_OVERRIDE_DIST_PATH: distDir }, pkg, 'linux')).toMatchObject({ executable: b, source: 'ELECTRON_PATH' });
    expect(locateElectron({ ELECTRON_OVERRIDE_DIST_PATH: distDir }, pkg, 'linux')).toMatchObject({ executable: c, source: 'ELECTRON_OVERRIDE_DIST_PATH' });
  });

  it('reports a folder or a missing path given as an override', () => {
    const dir = tempDir();
    expect(locateElectron({ ELECTRON_PATH: dir }, dir, 'linux')).toMatchObject({ kind: 'bad-override', variable: 'ELECTRON_PATH', problem: expect.stringContaining('not a file') });
    expect(locateElectron({ ELECTRON_OVERRIDE_DIST_PATH: dir }, dir, 'linux')).toMatchObject({ kind: 'bad-override', variable: 'ELECTRON_OVERRIDE_DIST_PATH', problem: expect.stringContaining('nothing exists') });
  });

  it('names the executable inside a dist folder per platform', () => {
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('linux')).toBe('electron');
  });
});

describe('installer output', () => {
  it('keeps the reason and drops the stack', () => {
    const stack = 'TypeError: fetch failed (ENOTFOUND) for https://example.test/e.zip\n    at node:internal/deps/undici:1:1\n    at async x (file:///a.js:2:3)\n';
    expect(reasonFrom(stack)).toBe('fetch failed (ENOTFOUND) for https://example.test/e.zip');
    expect(reasonFrom('')).toBe('the installer stopped without saying why');
  });
});

describe('Node version check', () => {
  it('scripts/check-node.mjs (used by .ci/run) exits 1 with the same line exactly when this Node is too old', () => {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'check-node.mjs')], { encoding: 'utf8' });
    expect(r.status).toBe(tooOld ? 1 : 0);
    expect(r.stderr.trim()).toBe(tooOld ?? '');
  });

  it('accepts the supported range and names both versions otherwise', () => {
    const range = enginesRange(root);
    expect(range).toBe('>=22.12');
    expect(nodeVersionProblem('v22.12.0', range)).toBeNull();
    expect(nodeVersionProblem('v24.3.1', range)).toBeNull();
    expect(nodeVersionProblem('v22.11.0', range)).toContain('needs Node.js 22.12 or later; this is Node.js 22.11.0');
    expect(nodeVersionProblem('v20.20.2', range)).toContain('this is Node.js 20.20.2');
    expect(() => nodeVersionProblem('v22.12.0', '^22')).toThrow(/engines.node/);
  });
});
