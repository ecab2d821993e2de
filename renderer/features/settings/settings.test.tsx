/** The Settings screen: opened from the sidebar, theme and language apply at once and are remembered. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../app/app';
import { changeLanguage, initI18n } from '../../i18n';
import { initTheme, setTheme } from '../../lib/theme';
import { installTestBridge, type TestBridge } from '../../lib/test-bridge';
import { closeSettings } from '../../state/settings-store';
import { addSettingsSection } from '../../ui/settings-registry';
import { feature } from '.';

let bridge: TestBridge | undefined;

beforeAll(() => {
  initI18n('en');
  initTheme();
});
afterEach(async () => {
  cleanup();
  bridge?.uninstall();
  act(() => closeSettings());
  setTheme('system');
  await changeLanguage('en');
});

function openSettings() {
  bridge = installTestBridge({ 'app:info': () => ({ name: 'x', productName: 'OSS Browser', version: '1', platform: 'linux', arch: 'x64', versions: { node: '20' }, logFile: '' }) });
  render(<App features={[feature]} />);
  fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
  return screen.getByRole('dialog', { name: 'Settings' });
}

describe('Settings', () => {
  it('switches the theme to dark and remembers it', () => {
    const dialog = openSettings();
    expect(document.documentElement.dataset.theme).toBe('light');
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Theme' }), { target: { value: 'dark' } });
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(window.localStorage.getItem('oss-browser.theme')).toBe('dark');
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Theme' }), { target: { value: 'light' } });
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('switches the language', async () => {
    const dialog = openSettings();
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Language of the app' }), { target: { value: 'zh-CN' } });
    expect(await screen.findByRole('dialog', { name: '设置' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '主题' })).toBeTruthy();
  });

  it('shows sections other features add, in order, and closes with Escape', () => {
    const remove = addSettingsSection({ id: 'transfers', order: 50, title: () => 'Transfers', Component: () => <p>Parallel uploads</p> });
    const dialog = openSettings();
    expect(within(dialog).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Appearance', 'Language', 'Transfers']);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    remove();
  });
});
