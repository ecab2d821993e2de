import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventChannel } from '../../shared/ipc-contract';
import { credentialNotification } from './credential-notifications';
import { DesktopFeature } from './desktop-feature';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossb-desktop-'));
  dirs.push(dir);
  return dir;
}

describe('DesktopFeature', () => {
  it('tells the page a link waits and hands it out with the profiles that may open it', async () => {
    const events: Array<[EventChannel, unknown]> = [];
    const desktop = new DesktopFeature({ emit: (event, payload) => events.push([event, payload]), userDataDir: tempDir() });
    desktop.links.receive('oss://team-bucket/docs/');
    expect(events).toEqual([['desktop:link-waiting', { waiting: 1 }]]);
    const profiles = {
      profiles: [
        { id: 'a', name: 'All buckets' },
        { id: 'r', name: 'Team', startPath: { bucket: 'team-bucket', prefix: 'docs/' } },
        { id: 'x', name: 'Elsewhere', startPath: { bucket: 'team-bucket', prefix: 'private/' } },
      ],
      lastUsedId: 'r',
    };
    expect(await desktop.takeLink(async () => profiles)).toEqual({
      bucket: 'team-bucket',
      prefix: 'docs/',
      candidates: [
        { id: 'r', name: 'Team' },
        { id: 'a', name: 'All buckets' },
      ],
    });
    expect(await desktop.takeLink(async () => profiles)).toBeNull();
  });

  it('passes a language change to listeners once', () => {
    const desktop = new DesktopFeature({ emit: () => undefined, userDataDir: tempDir() });
    const heard: string[] = [];
    desktop.onLanguage((l) => heard.push(l));
    desktop.setLanguage('zh-CN');
    desktop.setLanguage('zh-CN');
    desktop.setLanguage('en');
    expect(heard).toEqual(['zh-CN', 'en']);
    expect(desktop.language).toBe('en');
  });
});

describe('DesktopFeature layout', () => {
  it('keeps the layout per display arrangement in window-state.json, beside the window', () => {
    const userDataDir = tempDir();
    let screens = 'laptop';
    const desktop = new DesktopFeature({ emit: () => undefined, userDataDir, displayArrangement: () => screens });
    expect(desktop.layout()).toEqual({});
    desktop.setLayout({ sidebarWidth: 300 });
    desktop.setLayout({ columns: { size: 90 } });
    desktop.setLayout({ columns: { modified: 200 } });
    expect(desktop.layout()).toEqual({ sidebarWidth: 300, columns: { size: 90, modified: 200 } });
    // Docked for the first time: the laptop's layout carries over until changed there.
    screens = 'docked';
    expect(desktop.layout()).toEqual({ sidebarWidth: 300, columns: { size: 90, modified: 200 } });
    desktop.setLayout({ sidebarWidth: 400 });
    expect(desktop.layout()).toEqual({ sidebarWidth: 400, columns: { size: 90, modified: 200 } });
    screens = 'laptop';
    expect(desktop.layout().sidebarWidth).toBe(300);
    const file = JSON.parse(fs.readFileSync(path.join(userDataDir, 'window-state.json'), 'utf8'));
    expect(file.laptop).toEqual({ maximized: false, layout: { sidebarWidth: 300, columns: { size: 90, modified: 200 } } });
  });

  it('logs a layout it cannot save instead of throwing', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'blocker'), '');
    const warnings: string[] = [];
    const desktop = new DesktopFeature({ emit: () => undefined, userDataDir: path.join(dir, 'blocker'), warn: (m) => warnings.push(m) });
    desktop.setLayout({ sidebarWidth: 300 });
    expect(warnings).toEqual(['window layout not saved']);
  });
});

describe('credential notifications', () => {
  const now = new Date('2026-12-01T03:00:00Z');
  it('says how long is left, in the chosen language', () => {
    expect(credentialNotification({ kind: 'expiring', expiresAt: new Date('2026-12-01T03:04:30Z') }, 'Temp', now, 'en')).toEqual({
      title: 'Credentials expire soon',
      body: 'The temporary credentials of “Temp” expire in 5 min. Open OSS Browser to renew them; transfers pause when they expire.',
    });
    expect(credentialNotification({ kind: 'expired' }, '临时', now, 'zh-CN')?.title).toBe('凭证已过期');
    expect(credentialNotification({ kind: 'refreshed' }, 'Temp', now, 'en')).toBeNull();
  });
});
