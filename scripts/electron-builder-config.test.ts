import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_ID } from '../main/desktop/app-identity';

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
    // Windows shows notifications only when the running app's AppUserModelID is the installer's appId.
    expect(c.appId).toBe(APP_ID);
    expect(c.productName).toBe('OSS Browser');
  });
});

/** Width and height of a PNG (its IHDR chunk). */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('installers: platforms, signing readiness, links and keychain', () => {
  it('builds NSIS per-user for x64 and arm64', () => {
    const c = load() as BuilderConfig & { nsis: Record<string, unknown> };
    expect(c.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(c.nsis.perMachine).toBe(false);
    expect(c.nsis.oneClick).toBe(false);
  });

  it('builds the AppImage and the deb for x64 and arm64, each arch to its own file name', () => {
    const c = load() as BuilderConfig & Record<string, { artifactName?: string } | undefined>;
    expect(c.linux.target).toEqual([
      { target: 'AppImage', arch: ['x64', 'arm64'] },
      { target: 'deb', arch: ['x64', 'arm64'] },
    ]);
    // Two arches built in one run must not overwrite each other's installer.
    for (const key of ['linux', 'appImage', 'deb'] as const) {
      const name = (c[key] as { artifactName?: string } | undefined)?.artifactName;
      if (name) expect(name, key).toContain('${arch}');
    }
  });

  it('gives macOS the hardened runtime with an entitlements file that only allows the JIT', () => {
    const mac = load().mac as unknown as Record<string, unknown>;
    expect(mac.hardenedRuntime).toBe(true);
    for (const key of ['entitlements', 'entitlementsInherit']) {
      const plist = readFileSync(join(root, String(mac[key])), 'utf8');
      expect(plist).toContain('<key>com.apple.security.cs.allow-jit</key>');
      expect(plist).not.toContain('disable-library-validation');
      expect(plist).not.toContain('com.apple.security.get-task-allow');
    }
  });

  it('makes the deb depend on libsecret-1-0 (keytar reaches the keychain through it)', () => {
    const deb = load().deb as { depends: string[] };
    expect(deb.depends).toContain('libsecret-1-0');
  });

  it('declares oss:// so electron-builder writes x-scheme-handler/oss into the Linux .desktop file', async () => {
    const c = load();
    expect(c.protocols).toEqual([{ name: 'OSS Browser link', schemes: ['oss'] }]);
    // electron-builder's own .desktop generator, fed with this config (a packager stand-in
    // carrying only what the generator reads).
    const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper') as {
      LinuxTargetHelper: { prototype: { computeDesktopEntry(options: unknown, exec?: string, extra?: unknown): Promise<string> } };
    };
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const helper = Object.create(LinuxTargetHelper.prototype) as typeof LinuxTargetHelper.prototype & { packager: unknown };
    helper.packager = {
      appInfo: { productName: c.productName, sanitizedProductName: c.productName, description: pkg.description },
      executableName: pkg.name,
      info: { metadata: pkg },
      config: c,
      platformSpecificBuildOptions: c.linux,
      fileAssociations: [],
    };
    const entry = await helper.computeDesktopEntry(c.linux);
    expect(entry).toMatch(/^MimeType=x-scheme-handler\/oss;$/m);
    // %U hands the link to the app as an argument (main reads it with linkFromArgv).
    expect(entry).toMatch(/^Exec=.* %U$/m);
    expect(entry).toMatch(/^StartupWMClass=oss-browser$/m);
  });

  it('has every icon file it names, at every size, rendered from one source image', () => {
    const c = load() as BuilderConfig & { mac: { icon: string }; win: { icon: string }; linux: { icon: string } };
    expect(readFileSync(join(root, 'build/icon.svg'), 'utf8')).toContain('<svg');
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      expect(pngSize(readFileSync(join(root, c.linux.icon, `${size}x${size}.png`))), `${size}px`).toEqual({ width: size, height: size });
    }
    expect(pngSize(readFileSync(join(root, 'build/icon.png')))).toEqual({ width: 1024, height: 1024 });

    // ICO: a directory of images; width/height bytes (0 means 256).
    const ico = readFileSync(join(root, c.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(icoSizes).toEqual([16, 24, 32, 48, 64, 128, 256]);

    // ICNS: 'icns' + length, then typed chunks, each a PNG here.
    const icns = readFileSync(join(root, c.mac.icon));
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const chunks: Record<string, number> = {};
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      chunks[icns.subarray(at, at + 4).toString('ascii')] = pngSize(icns.subarray(at + 8, at + icns.readUInt32BE(at + 4))).width;
    }
    expect(chunks).toEqual({ icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 });
  });
});
