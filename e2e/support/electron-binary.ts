/**
 * Finds an Electron binary without side effects. `require('electron')` is not an option:
 * when the binary is missing it starts a download (none is possible here), so this
 * repeats its lookup (ELECTRON_OVERRIDE_DIST_PATH, node_modules/electron/path.txt) and
 * only returns a path that exists.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The Electron executable to run the e2e specs with, or null to use the Chromium bridge. */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env, root = path.resolve(__dirname, '../..')): string | null {
  if (env.OSS_E2E_MODE === 'chromium') return null;
  const candidates: string[] = [];
  if (env.ELECTRON_PATH) candidates.push(env.ELECTRON_PATH);
  const pkgDir = path.join(root, 'node_modules', 'electron');
  let relative = 'electron';
  try {
    relative = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim() || relative;
    candidates.push(path.join(pkgDir, 'dist', relative));
  } catch {
    // No path.txt: the binary was never downloaded.
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) candidates.push(path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative));
  return candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile()) ?? null;
}
