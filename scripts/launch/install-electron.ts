/**
 * Fetches the Electron binary with Electron's own installer (node_modules/electron/install.js,
 * i.e. @electron/get: ELECTRON_MIRROR, ELECTRON_GET_USE_PROXY + HTTPS_PROXY, its download
 * cache and checksums all apply). Electron 45 has no postinstall step, so a fresh clone has
 * no binary until this runs. The installer prints a raw stack trace on failure; its error
 * output is captured and reduced to one reason line for the caller's message.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

export type InstallResult = { ok: true } | { ok: false; reason: string };

/** The first line of the installer's error output that says something (not a stack frame). */
export function reasonFrom(stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('at ') && !/^\^+$/.test(l));
  const line = lines.find((l) => /error|failed|refused|not found|ENOTFOUND|ECONN|ETIMEDOUT|checksum|status/i.test(l)) ?? lines[0];
  return (line ?? 'the installer stopped without saying why').replace(/^(\w*Error):\s*/, '').slice(0, 300);
}

/** Runs install.js in `electronDir`; prints a short notice while it downloads. */
export function installElectron(electronDir: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<InstallResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', path.join(__dirname, 'explain-fetch-errors.cjs'), path.join(electronDir, 'install.js')], {
      cwd: electronDir,
      env,
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    const started = Date.now();
    const heartbeat = setInterval(() => log(`  … still downloading (${Math.round((Date.now() - started) / 1000)} s)`), 15_000);
    const done = (result: InstallResult) => {
      clearInterval(heartbeat);
      resolve(result);
    };
    child.on('error', (err) => done({ ok: false, reason: err.message }));
    child.on('exit', (code, signal) => {
      if (code === 0) done({ ok: true });
      else done({ ok: false, reason: signal ? `the installer was stopped (${signal})` : reasonFrom(stderr) });
    });
  });
}
