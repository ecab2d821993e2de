import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../app/app';
import type { ShellFeature } from '../../app/feature-registry';
import { changeLanguage, initI18n } from '../../i18n';
import { installTestBridge, type TestBridge } from '../../lib/test-bridge';
import { captureNotices, noticeStore } from '../../state/notice-store';
import { selectProfile, selectionStore } from '../../state/selection-store';

let bridge: TestBridge | undefined;
const appInfo = {
  name: 'oss-browser',
  productName: 'OSS Browser',
  version: '9.8.7',
  platform: 'linux',
  arch: 'x64',
  versions: { node: '20.0.0', electron: '45.0.0' },
  logFile: '/tmp/logs/main.log',
};

beforeAll(() => {
  initI18n('en');
});
afterEach(async () => {
  cleanup();
  selectProfile(null);
  noticeStore.set({ notices: [] });
  bridge?.uninstall();
  await changeLanguage('en');
});

describe('app shell', () => {
  it('shows the welcome empty state with disabled actions when no feature provides them', async () => {
    bridge = installTestBridge({ 'app:info': () => appInfo });
    render(<App features={[]} />);
    expect(screen.getByRole('heading', { level: 1, name: 'No profiles yet' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Navigation' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Add profile' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Try the local sandbox' }) as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect(screen.getByTestId('app-version').textContent).toBe('OSS Browser · Version 9.8.7'));
    // Runtime details are for support, not for the status bar.
    const statusBar = screen.getByRole('contentinfo', { name: 'Status' });
    expect(statusBar.textContent).not.toMatch(/Electron|Node|linux|x64/);
  });

  it('shows the Electron version, OS and log file in About, closes on Escape and returns focus', async () => {
    bridge = installTestBridge({ 'app:info': () => ({ ...appInfo, versions: { ...appInfo.versions, chrome: '140.0.1' } }) });
    render(<App features={[]} />);
    const about = await screen.findByRole('button', { name: 'About' });
    about.focus();
    fireEvent.click(about);
    const dialog = screen.getByRole('dialog', { name: 'About OSS Browser' });
    const facts = [...dialog.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`);
    expect(facts).toEqual(['Version: 9.8.7', 'Electron: 45.0.0', 'Chromium: 140.0.1', 'Operating system: Linux (x64)', 'Log file: /tmp/logs/main.log']);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(about);
  });

  it('says so in About when not running in Electron, in Chinese too', async () => {
    bridge = installTestBridge({ 'app:info': () => ({ ...appInfo, platform: 'darwin', arch: 'arm64', versions: { node: '22.12.0' } }) });
    await changeLanguage('zh-CN');
    render(<App features={[]} />);
    fireEvent.click(await screen.findByRole('button', { name: '关于' }));
    const dialog = screen.getByRole('dialog', { name: '关于 OSS Browser' });
    expect(dialog.textContent).toContain('未在 Electron 中运行（测试模式）');
    expect(dialog.textContent).toContain('macOS (arm64)');
    expect(dialog.textContent).not.toContain('22.12.0');
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('wires the empty-state buttons to the commands a feature provides', async () => {
    bridge = installTestBridge({ 'app:info': () => appInfo });
    const addProfile = vi.fn();
    const trySandbox = vi.fn();
    render(<App features={[{ id: 'profiles', commands: { addProfile, trySandbox } }]} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }));
    fireEvent.click(screen.getByRole('button', { name: 'Try the local sandbox' }));
    expect(addProfile).toHaveBeenCalledOnce();
    expect(trySandbox).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.getByTestId('app-version').textContent).toContain('9.8.7'));
  });

  it('renders feature slots in place of the defaults', async () => {
    bridge = installTestBridge({ 'app:info': () => appInfo });
    const features: ShellFeature[] = [
      { id: 'browse', slots: { main: () => (selectionStore.use((s) => s.profileId) ? <p>Object table</p> : null), sidebarBuckets: () => <p>bucket-a</p> } },
      { id: 'profiles', order: 10, slots: { sidebarProfiles: () => <p>Work account</p>, statusBar: () => <span>2 uploads</span> } },
    ];
    render(<App features={features} />);
    // The main slot takes over once a profile is active.
    expect(screen.getByRole('heading', { level: 1, name: 'No profiles yet' })).toBeTruthy();
    expect(screen.queryByText('Object table')).toBeNull();
    act(() => selectProfile('p1'));
    expect(screen.getByText('Object table')).toBeTruthy();
    expect(screen.getByText('bucket-a')).toBeTruthy();
    expect(screen.getByText('Work account')).toBeTruthy();
    expect(screen.getByText('2 uploads')).toBeTruthy();
    expect(screen.queryByText('No profiles yet')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('app-version').textContent).toContain('9.8.7'));
  });

  it('switches the visible language to Chinese from the status bar', async () => {
    bridge = installTestBridge({ 'app:info': () => appInfo });
    render(<App features={[]} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'zh-CN' } });
    expect(await screen.findByRole('heading', { level: 1, name: '还没有配置' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '添加配置' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(window.localStorage.getItem('oss-browser.language')).toBe('zh-CN');
  });

  it('shows a main-process error in the status bar instead of hanging on loading', async () => {
    bridge = installTestBridge({});
    render(<App features={[]} />);
    await waitFor(() => expect(screen.getByTestId('app-version').textContent).toMatch(/No test handler for app:info/));
  });

  it('shows notices pushed by main and lets the user dismiss them', async () => {
    bridge = installTestBridge({ 'app:info': () => appInfo });
    render(<App features={[]} />);
    await waitFor(() => expect(screen.getByTestId('app-version').textContent).toContain('9.8.7'));
    bridge.emit('app:notice', { level: 'warn', message: 'Upload paused: network lost' });
    expect(await screen.findByText('Upload paused: network lost')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss notice' }));
    expect(screen.queryByText('Upload paused: network lost')).toBeNull();
  });

  it('shows a notice main sent while the page was still starting, before the shell mounted', async () => {
    bridge = installTestBridge({ 'app:info': () => appInfo });
    const stop = captureNotices();
    bridge.emit('app:notice', { level: 'error', message: 'That oss:// link was not opened.' });
    render(<App features={[]} />);
    expect((await screen.findByRole('alert')).textContent).toContain('That oss:// link was not opened.');
    stop();
  });
});
