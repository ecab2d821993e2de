import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// electron-builder cannot package here (it downloads Electron and toolchains), but its own
// schema validation runs offline: use it, then check the choices this product depends on.
const require = createRequire(import.meta.url);
const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const root = join(__dirname, '..');
interface Target { target: string; arch: string[] }
type BuilderConfig = Record<string, unknown> & {
  mac: { target: Target[] }; win: { target: Target[] }; linux: { target: Target[] };
  asar: boolean; asarUnpack: string[]; files: string[]; appId: string; productName: string;
};
const load = () => parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const validate = (config: unknown) => validateConfiguration(config, new DebugLogger(false));

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(validate(load())).resolves.toBeUndefined();
  });

  it('rejects a misspelt option (the validation is live)', async () => {
    await expect(validate({ ...load(), asarr: true })).rejects.toThrow(/asarr/);
  });

  it('targets dmg (arm64 + x64), nsis, AppImage and deb', () => {
    const c = load();
    const targets = (os: 'mac' | 'win' | 'linux') => c[os].target;
    expect(targets('mac')).toContainEqual({ target: 'dmg', arch: ['arm64', 'x64'] });
    expect(targets('win').map((t) => t.target)).toEqual(['nsis']);
    expect(targets('linux').map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
  });

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableCookieEncryption', true],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false],
  ] as const)('flips the Electron fuse %s to %s at package time', (fuse, expected) => {
    const fuses = load().electronFuses as Record<string, unknown> | undefined;
    expect(fuses?.[fuse]).toBe(expected);
  });

  it('sets fuses only by names electron-builder knows (its schema lets a misspelt one pass silently)', () => {
    const known = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges', 'resetAdHocDarwinSignature'];
    const schema = readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8');
    for (const name of known) expect(schema, name).toContain(`"${name}"`);
    expect(Object.keys(load().electronFuses as object).filter((k) => !known.includes(k))).toEqual([]);
  });

  it('packs into asar with keytar unpacked, and ships the built bundles', () => {
    const c = load();
    expect(c.asar).toBe(true);
    expect(c.asarUnpack).toContain('node_modules/keytar/**');
    expect(c.files).toContain('out/**');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('out/main/index.js');
    expect(c.appId).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
    expect(c.productName).toBe('OSS Browser');
  });
});
