/**
 * `npm start` on a fresh clone when the download works: the real start script runs Electron's
 * real installer against a local mirror (ELECTRON_MIRROR) that serves a small Electron zip
 * (a shell script named `electron`, with its SHA-256 in the package's checksums.json), the
 * installer checks and unpacks it, and electron-vite launches it. A second start with the
 * mirror gone installs from the download cache, as @electron/get does for real users.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { enginesRange, nodeVersionProblem } from './node-version.mjs';

const root = path.resolve(__dirname, '..');
const tooOld = nodeVersionProblem(process.version, enginesRange(root));
const temps: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oss-start-dl-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A zip (stored, no compression) holding one executable file: enough for Electron's extractor. */
function zipOneExecutable(name: string, body: Buffer): Buffer {
  const fileName = Buffer.from(name);
  const crc = zlib.crc32(body);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(body.length, 18);
  local.writeUInt32LE(body.length, 22);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the mode below counts
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(body.length, 20);
  central.writeUInt32LE(body.length, 24);
  central.writeUInt16LE(fileName.length, 28);
  central.writeUInt32LE(((0o100755 << 16) >>> 0), 38); // a regular file, rwxr-xr-x
  const centralOffset = local.length + fileName.length + body.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + fileName.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, body, central, fileName, end]);
}

/** The electron package as npm leaves it, with checksums.json vouching for `zip` on this platform. */
function electronPackageTrusting(zipName: string, zip: Buffer): string {
  const dir = path.join(tempDir(), 'electron');
  fs.mkdirSync(dir);
  for (const file of ['package.json', 'install.js']) fs.copyFileSync(path.join(root, 'node_modules', 'electron', file), path.join(dir, file));
  const checksums = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'checksums.json'), 'utf8')) as Record<string, string>;
  expect(checksums[zipName], zipName).toMatch(/^[0-9a-f]{64}$/);
  checksums[zipName] = createHash('sha256').update(zip).digest('hex');
  fs.writeFileSync(path.join(dir, 'checksums.json'), JSON.stringify(checksums));
  return dir;
}

function runStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const child = spawn(process.execPath, [tsx, path.join(__dirname, 'start.ts'), 'preview', '--skipBuild'], { cwd: root, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.skipIf(tooOld || process.platform !== 'linux')('npm start when Electron can be downloaded', () => {
  // `--skipBuild` launches the built app: on a fresh clone (the unit phase runs before the build) build it first.
  beforeAll(() => {
    if (fs.existsSync(path.join(root, 'out', 'main', 'index.js'))) return;
    const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
  }, 300_000);

  it('downloads through ELECTRON_MIRROR, checks the checksum, unpacks, launches; later the cache suffices', async () => {
    const version = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    const zipName = `electron-v${version}-linux-${process.arch}.zip`;
    const zip = zipOneExecutable('electron', Buffer.from('#!/bin/sh\necho "FAKE-ELECTRON ran with: $*"\n'));
    const electronDir = electronPackageTrusting(zipName, zip);

    const requests: string[] = [];
    const mirror = http.createServer((req, res) => {
      requests.push(req.url ?? '');
      if (req.url === `/v${version}/${zipName}`) res.writeHead(200, { 'content-type': 'application/zip', 'content-length': zip.length }).end(zip);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    const { port } = mirror.address() as net.AddressInfo;
    const env: NodeJS.ProcessEnv = { ...process.env, OSS_ELECTRON_PACKAGE_DIR: electronDir, NODE_PATH: path.join(root, 'node_modules'), ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: tempDir(), ELECTRON_GET_NO_PROGRESS: '1' };
    for (const name of ['ELECTRON_PATH', 'ELECTRON_EXEC_PATH', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_GET_USE_PROXY']) delete env[name];

    try {
      const first = await runStart(env);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toContain(`Electron ${version} is not installed yet: downloading it once`);
      expect(requests).toEqual([`/v${version}/${zipName}`]);
      expect(fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8')).toBe('electron');
      // electron-vite runs `electron .` in the project root.
      expect(first.stdout).toContain('FAKE-ELECTRON ran with: .');
    } finally {
      await new Promise((resolve) => mirror.close(resolve));
    }

    // The next start finds the unpacked binary and downloads nothing.
    const second = await runStart(env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).not.toContain('downloading');
    expect(second.stdout).toContain('FAKE-ELECTRON ran with: .');

    // With dist/ gone and the mirror closed, the installer unpacks the cached zip again.
    fs.rmSync(path.join(electronDir, 'dist'), { recursive: true });
    fs.rmSync(path.join(electronDir, 'path.txt'));
    const third = await runStart(env);
    expect(third.code, third.stderr).toBe(0);
    expect(third.stdout).toContain('downloading it once');
    expect(third.stdout).toContain('FAKE-ELECTRON ran with: .');
    expect(requests).toHaveLength(1);
  });

  it('refuses a download whose checksum does not match, and says so', async () => {
    const version = (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    const zipName = `electron-v${version}-linux-${process.arch}.zip`;
    const zip = zipOneExecutable('electron', Buffer.from('#!/bin/sh\necho tampered\n'));
    const electronDir = electronPackageTrusting(zipName, zipOneExecutable('electron', Buffer.from('#!/bin/sh\necho trusted\n')));
    const mirror = http.createServer((_req, res) => res.writeHead(200, { 'content-length': zip.length }).end(zip));
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = mirror.address() as net.AddressInfo;
      const env: NodeJS.ProcessEnv = { ...process.env, OSS_ELECTRON_PACKAGE_DIR: electronDir, NODE_PATH: path.join(root, 'node_modules'), ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: tempDir(), ELECTRON_GET_NO_PROGRESS: '1' };
      for (const name of ['ELECTRON_PATH', 'ELECTRON_EXEC_PATH', 'ELECTRON_OVERRIDE_DIST_PATH']) delete env[name];
      const r = await runStart(env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Could not download Electron ${version}`);
      expect(r.stderr).toMatch(/Reason: .*checksum/i);
      expect(r.stderr + r.stdout).not.toMatch(/^\s+at /m);
      expect(r.stdout).not.toContain('tampered');
      expect(fs.existsSync(path.join(electronDir, 'path.txt'))).toBe(false);
    } finally {
      await new Promise((resolve) => mirror.close(resolve));
    }
  });
});
