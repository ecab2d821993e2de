/**
 * `npm start` (electron-vite preview: build, then open the app) and `npm run dev` (electron-vite
 * dev): checks Node, finds or downloads the Electron binary, then hands over to electron-vite
 * with ELECTRON_EXEC_PATH set. electron-vite alone throws "Electron uninstall" on a fresh clone
 * and ignores ELECTRON_PATH / ELECTRON_OVERRIDE_DIST_PATH. Failures end in a few plain lines and
 * exit code 1, never a stack trace. OSS_ELECTRON_PACKAGE_DIR (tests only) replaces
 * node_modules/electron.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { enginesRange, nodeVersionProblem } from './node-version.mjs';
import { installElectron } from './launch/install-electron';
import { locateElectron } from './launch/locate-electron';

const root = path.resolve(__dirname, '..');
const [mode, ...rest] = process.argv.slice(2);

function fail(lines: string[]): never {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(1);
}

function overrideHelp(version: string): string[] {
  return [
    `  • an Electron ${version.split('.')[0]} you already have:  ELECTRON_PATH=/path/to/electron npm start`,
    '    (or ELECTRON_OVERRIDE_DIST_PATH=/folder/that/holds/the/electron/executable)',
  ];
}

async function main(): Promise<void> {
  if (mode !== 'preview' && mode !== 'dev') fail(['usage: tsx scripts/start.ts preview|dev [electron-vite options]']);
  const problem = nodeVersionProblem(process.version, enginesRange(root));
  if (problem) fail([problem]);

  const electronDir = process.env.OSS_ELECTRON_PACKAGE_DIR ?? path.dirname(require.resolve('electron/package.json', { paths: [root] }));
  const version = (JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')) as { version: string }).version;
  let found = locateElectron(process.env, electronDir);
  if (found.kind === 'bad-override') {
    fail([`${found.variable} is set to "${found.value}", but ${found.problem}.`, `Point it at a working Electron ${version.split('.')[0]} executable, or unset it to download Electron.`]);
  }
  if (found.kind === 'missing') {
    const mirror = process.env.ELECTRON_MIRROR;
    console.log(`Electron ${version} is not installed yet: downloading it once (about 110 MB) from ${mirror ? `ELECTRON_MIRROR (${mirror})` : 'GitHub'}…`);
    const result = await installElectron(electronDir, process.env, (line) => console.log(line));
    if (!result.ok) {
      fail([
        `Could not download Electron ${version}, the desktop shell that "npm start" opens.`,
        `Reason: ${result.reason}`,
        'If this computer is offline or behind a firewall, run it again with one of:',
        '  • a proxy:   ELECTRON_GET_USE_PROXY=1 HTTPS_PROXY=http://proxy.example:8080 npm start',
        '  • a mirror:  ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start',
        ...overrideHelp(version),
        'Without Electron, "npm test" still runs the whole app in Chromium.',
      ]);
    }
    found = locateElectron(process.env, electronDir);
    if (found.kind !== 'found') fail([`Electron's installer finished, but no executable is in ${path.join(electronDir, 'dist')}.`, 'Delete that folder and run "npm start" again, or use:', ...overrideHelp(version)]);
  }

  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), mode, ...rest], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_EXEC_PATH: found.executable },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

main().catch((err: unknown) => fail([`npm start stopped: ${err instanceof Error ? err.message : String(err)}`]));
