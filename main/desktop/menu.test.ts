import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, flattenMenu, normaliseAccelerator, PAGE_SHORTCUTS, type MenuSpec } from './menu';
import { MENU_STRINGS, menuLanguageFor, menuText } from './menu-strings';

const build = (platform: NodeJS.Platform, development = false, language: 'en' | 'zh-CN' = 'en') =>
  buildMenuTemplate({ platform, language, appName: 'OSS Browser', development });
const roles = (items: MenuSpec[]) => flattenMenu(items).map((i) => i.role).filter(Boolean);
const submenu = (items: MenuSpec[], label: string) => items.find((i) => i.label === label)?.submenu ?? [];

describe('application menu', () => {
  it('gives macOS its app menu first (about, services, hide, quit) and no File menu', () => {
    const menu = build('darwin');
    expect(menu.map((m) => m.label)).toEqual(['OSS Browser', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(menu[0]!.submenu!)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
  });

  it.each(['win32', 'linux'] as const)('gives %s a File menu with quit and About under Help', (platform) => {
    const menu = build(platform);
    expect(menu.map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(submenu(menu, 'File'))).toEqual(['quit']);
    expect(roles(submenu(menu, 'Help'))).toEqual(['about']);
  });

  it.each(['darwin', 'win32', 'linux'] as const)('has the Edit roles text fields need on %s', (platform) => {
    expect(roles(submenu(build(platform), 'Edit'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('leaves the Edit keys to the page on Windows and Linux (object list and text fields), registers them on macOS', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const edit = submenu(build(platform), 'Edit').filter((i) => i.accelerator);
      expect(edit.map((i) => i.role)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
      expect(edit.every((i) => i.registerAccelerator === false)).toBe(true);
    }
    expect(flattenMenu(build('darwin')).some((i) => 'registerAccelerator' in i)).toBe(false);
    // Only the Edit items share keys with the page: zoom, full screen, quit stay registered.
    expect(flattenMenu(build('linux', true)).filter((i) => i.registerAccelerator === false)).toHaveLength(6);
  });

  it('offers reload and developer tools only in development', () => {
    expect(roles(submenu(build('linux'), 'View'))).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
    expect(roles(submenu(build('linux', true), 'View'))).toEqual(['forceReload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });

  it('has Copy Diagnostics and Open Logs Folder in Help, bound by id', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      expect(flattenMenu(build(platform)).filter((i) => i.id).map((i) => i.id)).toEqual(['copyDiagnostics', 'openLogs']);
    }
  });

  it.each(['darwin', 'win32', 'linux'] as const)('takes no shortcut the page handles itself, and none twice, on %s', (platform) => {
    for (const development of [false, true]) {
      const accelerators = flattenMenu(build(platform, development))
        .map((i) => i.accelerator)
        .filter((a): a is string => !!a)
        .map((a) => normaliseAccelerator(a, platform));
      expect(new Set(accelerators).size).toBe(accelerators.length);
      for (const page of PAGE_SHORTCUTS) expect(accelerators).not.toContain(normaliseAccelerator(page, platform));
    }
  });

  it('is fully translated into Simplified Chinese', () => {
    const labels = flattenMenu(build('darwin', true, 'zh-CN')).map((i) => i.label).filter(Boolean);
    expect(labels).toContain('编辑');
    expect(labels).toContain('复制诊断信息');
    expect(labels).toContain('退出 OSS Browser');
    const english = new Set(Object.values(MENU_STRINGS.en));
    expect(labels.filter((l) => english.has(l as never))).toEqual([]);
    expect(Object.keys(MENU_STRINGS['zh-CN']).sort()).toEqual(Object.keys(MENU_STRINGS.en).sort());
  });
});

describe('menu language', () => {
  it('follows the locale and fills in the app name', () => {
    expect(menuLanguageFor('zh-CN')).toBe('zh-CN');
    expect(menuLanguageFor('zh-Hans-CN')).toBe('zh-CN');
    expect(menuLanguageFor('zh')).toBe('zh-CN');
    expect(menuLanguageFor('en-GB')).toBe('en');
    expect(menuLanguageFor('zhx')).toBe('en');
    expect(menuLanguageFor(undefined)).toBe('en');
    expect(menuText('en', 'about', { app: 'OSS Browser' })).toBe('About OSS Browser');
  });
});
