import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../app/app';
import { initI18n } from '../../i18n';
import { installTestBridge, type TestBridge } from '../../lib/test-bridge';
import { flushLayout, layoutStore, loadLayout } from '../../state/layout-store';
import { widestFor, widthForKey } from './sidebar-resizer';

let bridge: TestBridge | undefined;
beforeAll(() => initI18n('en'));
afterEach(() => {
  cleanup();
  bridge?.uninstall();
  layoutStore.set({ sidebarWidth: undefined });
});

describe('sidebar splitter', () => {
  it('maps keys to widths within the limits', () => {
    expect(widthForKey('ArrowRight', false, 260)).toBe(270);
    expect(widthForKey('ArrowLeft', true, 260)).toBe(210);
    expect(widthForKey('ArrowLeft', true, 200)).toBe(180);
    expect(widthForKey('Home', false, 300)).toBe(180);
    expect(widthForKey('End', false, 300)).toBe(480);
    expect(widthForKey('a', false, 300)).toBeNull();
  });

  it('never goes wider than 45% of a narrow window, and steps from what is shown', () => {
    expect(widestFor(1280)).toBe(480);
    expect(widestFor(760)).toBe(342);
    expect(widestFor(300)).toBe(180);
    // Remembered 480 in a 760 px window shows 342: one step left is 332, not 470.
    expect(widthForKey('ArrowLeft', false, 480, 342)).toBe(332);
    expect(widthForKey('ArrowRight', false, 340, 342)).toBe(342);
    expect(widthForKey('End', false, 200, 342)).toBe(342);
  });

  it('opens at the remembered width, resizes from the keyboard, resets on double-click and tells main', async () => {
    bridge = installTestBridge({ 'app:info': () => ({ name: 'oss-browser', productName: 'OSS Browser', version: '1', platform: 'linux', arch: 'x64', versions: { node: '20' }, logFile: '' }), 'desktop:get-layout': () => ({ sidebarWidth: 300 }), 'desktop:set-layout': () => undefined });
    await loadLayout();
    const resizeTo = (width: number) => {
      Object.defineProperty(window, 'innerWidth', { value: width, configurable: true });
      window.dispatchEvent(new Event('resize'));
    };
    resizeTo(1280);
    const { container } = render(<App features={[]} />);
    const splitter = screen.getByRole('separator', { name: 'Resize the sidebar' });
    const frame = container.querySelector<HTMLElement>('.app-frame')!;
    expect(splitter.getAttribute('aria-valuenow')).toBe('300');
    expect(splitter.getAttribute('aria-controls')).toBe('sidebar');
    expect(document.getElementById('sidebar')?.tagName).toBe('NAV');
    expect(frame.style.getPropertyValue('--sidebar-width')).toBe('300px');
    fireEvent.keyDown(splitter, { key: 'ArrowRight' });
    expect(splitter.getAttribute('aria-valuenow')).toBe('310');
    fireEvent.keyDown(splitter, { key: 'End' });
    expect(splitter.getAttribute('aria-valuenow')).toBe('480');
    expect(frame.style.getPropertyValue('--sidebar-width')).toBe('480px');
    fireEvent.keyDown(splitter, { key: 'Home' });
    expect(splitter.getAttribute('aria-valuenow')).toBe('180');
    fireEvent.keyDown(splitter, { key: 'End' });
    // A narrow window shows (and announces) the widest it allows; the remembered width stays.
    act(() => resizeTo(760));
    expect(splitter.getAttribute('aria-valuenow')).toBe('342');
    expect(splitter.getAttribute('aria-valuemax')).toBe('342');
    expect(layoutStore.get().sidebarWidth).toBe(480);
    act(() => resizeTo(1280));
    expect(splitter.getAttribute('aria-valuenow')).toBe('480');
    fireEvent.doubleClick(splitter);
    expect(splitter.getAttribute('aria-valuenow')).toBe('260');
    act(() => flushLayout());
    expect(bridge.calls.filter((c) => c.channel === 'desktop:set-layout').map((c) => c.input)).toEqual([{ sidebarWidth: 260 }]);
  });
});
