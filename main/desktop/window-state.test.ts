import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { displayArrangementKey, layoutFor, parseWindowStateFile, rememberLayout, rememberWindowState, restoreWindowState, type DisplayInfo } from './window-state';
import { WindowStateStore } from './window-state-store';

const limits = { width: 1200, height: 780, minWidth: 760, minHeight: 480 };
const laptop: DisplayInfo = { workArea: { x: 0, y: 25, width: 1440, height: 875 } };
const monitor: DisplayInfo = { workArea: { x: 1440, y: 0, width: 2560, height: 1415 } };
const small: DisplayInfo = { workArea: { x: 0, y: 0, width: 1024, height: 700 } };

describe('restoreWindowState', () => {
  it('opens centred at the default size on the primary screen the first time', () => {
    expect(restoreWindowState(undefined, [laptop, monitor], limits)).toEqual({ bounds: { x: 120, y: 73, width: 1200, height: 780 }, maximized: false });
  });

  it('keeps a saved window that is on a screen, maximised flag included', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1800, height: 1000 }, maximized: true };
    expect(restoreWindowState(saved, [laptop, monitor], limits)).toEqual(saved);
  });

  it('moves a window saved on a monitor that is gone onto the primary screen, shrunk to fit', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1800, height: 1000 }, maximized: false };
    const restored = restoreWindowState(saved, [laptop], limits);
    expect(restored.bounds).toEqual({ x: 0, y: 25, width: 1440, height: 875 });
  });

  it('pulls a window whose title bar is above the top of the screen back into view', () => {
    const restored = restoreWindowState({ bounds: { x: 100, y: -30, width: 900, height: 600 }, maximized: false }, [laptop], limits);
    // Only 10 px of its 40 px title strip was visible: not enough to grab, so it is centred.
    expect(restored.bounds).toEqual({ x: 270, y: 163, width: 900, height: 600 });
  });

  it('keeps a window partly off the right edge in place but inside the screen', () => {
    const restored = restoreWindowState({ bounds: { x: 1000, y: 100, width: 900, height: 600 }, maximized: false }, [laptop], limits);
    expect(restored.bounds).toEqual({ x: 540, y: 100, width: 900, height: 600 });
  });

  it('never opens smaller than the minimum size unless the screen itself is smaller', () => {
    expect(restoreWindowState({ bounds: { x: 0, y: 0, width: 200, height: 100 }, maximized: false }, [laptop], limits).bounds).toMatchObject({ width: 760, height: 480 });
    expect(restoreWindowState(undefined, [{ workArea: { x: 0, y: 0, width: 640, height: 400 } }], limits).bounds).toEqual({ x: 0, y: 0, width: 640, height: 400 });
  });

  it('treats damaged numbers as no saved state', () => {
    expect(restoreWindowState({ bounds: { x: NaN, y: 0, width: 800, height: 600 }, maximized: true }, [small], limits)).toEqual({
      bounds: { x: 0, y: 0, width: 1024, height: 700 },
      maximized: false,
    });
  });
});

describe('per display arrangement', () => {
  it('names an arrangement independently of the order Electron lists screens in', () => {
    expect(displayArrangementKey([laptop, monitor])).toBe(displayArrangementKey([monitor, laptop]));
    expect(displayArrangementKey([laptop])).not.toBe(displayArrangementKey([laptop, monitor]));
  });

  it('remembers each arrangement separately and at most ten of them', () => {
    let file = {};
    for (let i = 0; i < 12; i++) file = rememberWindowState(file, `desk-${i}`, { bounds: { x: i, y: 0, width: 800, height: 600 }, maximized: false });
    expect(Object.keys(file)).toHaveLength(10);
    expect(Object.keys(file)).not.toContain('desk-0');
    expect(file).toHaveProperty('desk-11.bounds.x', 11);
  });

  it('drops malformed entries of a hand-edited or damaged file', () => {
    expect(parseWindowStateFile('{"a":{"bounds":{"x":1,"y":2,"width":3,"height":4},"maximized":true},"b":{"bounds":"x"},"c":null}')).toEqual({
      a: { bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: true },
    });
    expect(parseWindowStateFile('not json')).toEqual({});
    // A layout out of range or with a foreign field is dropped; the window's place stays.
    expect(
      parseWindowStateFile('{"a":{"bounds":{"x":1,"y":2,"width":3,"height":4},"layout":{"sidebarWidth":5000}},"b":{"layout":{"sidebarWidth":300,"evil":1}},"c":{"layout":{"columns":{"size":90}}}}'),
    ).toEqual({ a: { bounds: { x: 1, y: 2, width: 3, height: 4 }, maximized: false }, c: { maximized: false, layout: { columns: { size: 90 } } } });
    expect(parseWindowStateFile('[1]')).toEqual({});
  });
});

describe('layout beside the window state', () => {
  const bounds = { x: 10, y: 20, width: 900, height: 700 };

  it('closing the window keeps the layout, and a layout change keeps the window', () => {
    let file = rememberLayout({}, 'desk', { sidebarWidth: 320 });
    file = rememberWindowState(file, 'desk', { bounds, maximized: true });
    expect(file.desk).toEqual({ bounds, maximized: true, layout: { sidebarWidth: 320 } });
    file = rememberLayout(file, 'desk', { columns: { size: 100 } });
    expect(file.desk).toEqual({ bounds, maximized: true, layout: { sidebarWidth: 320, columns: { size: 100 } } });
  });

  it('starts a new arrangement from the newest layout saved elsewhere', () => {
    let file = rememberLayout({}, 'old', { sidebarWidth: 200 });
    file = rememberLayout(file, 'newer', { sidebarWidth: 350 });
    file = rememberWindowState(file, 'no-layout', { bounds, maximized: false });
    expect(layoutFor(file, 'fresh')).toEqual({ sidebarWidth: 350 });
    expect(layoutFor(file, 'old')).toEqual({ sidebarWidth: 200 });
    expect(rememberLayout(file, 'fresh', { columns: { type: 70 } }).fresh?.layout).toEqual({ sidebarWidth: 350, columns: { type: 70 } });
    expect(layoutFor({}, 'fresh')).toEqual({});
  });
});

describe('WindowStateStore', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  it('saves atomically and loads what it saved, per arrangement', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossb-ws-'));
    dirs.push(dir);
    const store = new WindowStateStore(dir);
    expect(store.load()).toEqual({});
    const state = { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: false };
    expect(store.save('desk', state)).toBeUndefined();
    expect(new WindowStateStore(dir).load()).toEqual({ desk: state });
    expect(fs.readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('reports a save it could not make instead of throwing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ossb-ws-'));
    dirs.push(dir);
    fs.writeFileSync(path.join(dir, 'blocker'), '');
    const store = new WindowStateStore(path.join(dir, 'blocker'));
    expect(store.save('desk', { bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false })).toBeInstanceOf(Error);
  });
});
