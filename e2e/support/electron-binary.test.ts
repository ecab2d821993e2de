import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

function fakeRoot(withBinary: boolean): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'oss-electron-'));
  const pkg = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  if (withBinary) {
    fs.writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    fs.writeFileSync(path.join(pkg, 'dist', 'electron'), '');
  }
  return root;
}

describe('findElectronBinary', () => {
  it('finds the installed binary, and never one that is missing', () => {
    const withBinary = fakeRoot(true);
    expect(findElectronBinary({}, withBinary)).toBe(path.join(withBinary, 'node_modules', 'electron', 'dist', 'electron'));
    expect(findElectronBinary({}, fakeRoot(false))).toBeNull();
    expect(findElectronBinary({ ELECTRON_PATH: '/nonexistent/electron' }, fakeRoot(false))).toBeNull();
  });

  it('prefers ELECTRON_PATH and honours a forced Chromium run', () => {
    const root = fakeRoot(true);
    const custom = path.join(root, 'my-electron');
    fs.writeFileSync(custom, '');
    expect(findElectronBinary({ ELECTRON_PATH: custom }, root)).toBe(custom);
    expect(findElectronBinary({ ELECTRON_PATH: custom, OSS_E2E_MODE: 'chromium' }, root)).toBeNull();
  });
});
