/**
 * Builds the app once when out/ is missing, so `npx playwright test` works on a fresh
 * clone; `npm test` builds before running Playwright and skips this.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export default function globalSetup(): void {
  const root = path.resolve(__dirname, '../..');
  const built = ['out/renderer/index.html', 'out/main/index.js', 'out/preload/index.js'].every((f) => fs.existsSync(path.join(root, f)));
  if (!built) execFileSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
}
