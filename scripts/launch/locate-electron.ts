/**
 * Where the Electron executable for `npm start`/`npm run dev` is, without side effects.
 * `require('electron')` cannot be used: it downloads on a miss and throws a stack trace when
 * offline. An environment variable wins (so a user with an installed Electron can skip the
 * download); a variable that names nothing runnable is an error, never silently ignored.
 */
import fs from 'node:fs';
import path from 'node:path';

export type ElectronLocation =
  | { kind: 'found'; executable: string; source: string }
  | { kind: 'bad-override'; variable: string; value: string; problem: string }
  | { kind: 'missing' };

/** The executable's path inside an Electron dist folder, as Electron's own install.js names it. */
export function platformExecutable(platform: NodeJS.Platform | string = process.platform): string {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

function runnable(file: string, platform: string): string | null {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return 'nothing exists at that path';
  }
  if (!stat.isFile()) return 'that path is not a file';
  if (platform !== 'win32') {
    try {
      fs.accessSync(file, fs.constants.X_OK);
    } catch {
      return 'that file is not executable';
    }
  }
  return null;
}

/**
 * Looks, in order, at ELECTRON_EXEC_PATH (electron-vite's own variable), ELECTRON_PATH (an
 * executable), ELECTRON_OVERRIDE_DIST_PATH (a folder holding one, Electron's own variable),
 * then the binary `install-electron` put under `electronDir/dist`.
 */
export function locateElectron(env: NodeJS.ProcessEnv, electronDir: string, platform: string = process.platform): ElectronLocation {
  let relative = platformExecutable(platform);
  let installed: string | null = null;
  try {
    relative = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim() || relative;
    installed = path.join(electronDir, 'dist', relative);
  } catch {
    // No path.txt: install-electron has not run yet.
  }
  const overrides: Array<[string, string | undefined]> = [
    ['ELECTRON_EXEC_PATH', env.ELECTRON_EXEC_PATH],
    ['ELECTRON_PATH', env.ELECTRON_PATH],
    ['ELECTRON_OVERRIDE_DIST_PATH', env.ELECTRON_OVERRIDE_DIST_PATH && path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)],
  ];
  for (const [variable, file] of overrides) {
    if (!file) continue;
    const executable = path.resolve(file);
    const problem = runnable(executable, platform);
    if (problem) return { kind: 'bad-override', variable, value: env[variable] ?? file, problem: `${problem} (${executable})` };
    return { kind: 'found', executable, source: variable };
  }
  if (installed && !runnable(installed, platform)) return { kind: 'found', executable: installed, source: 'node_modules/electron' };
  return { kind: 'missing' };
}
