import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  allowedOrigins,
  developmentContentSecurityPolicy,
  guardWebContents,
  isAllowedNavigation,
  isOpenableExternally,
  isLoopbackAllowed,
  isPermissionAllowed,
  mainWindowOptions,
} from './window-options';

const directives = (csp: string) =>
  new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

describe('main window security defaults', () => {
  const prefs = mainWindowOptions('/app/preload/index.js').webPreferences!;

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
  ] as const)('%s is %s', (flag, expected) => {
    expect(prefs[flag]).toBe(expected);
  });

  it('loads the preload it was given', () => {
    expect(prefs.preload).toBe('/app/preload/index.js');
  });

  it('has a CSP that allows scripts only from the app', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    // No wildcard host; the loopback preview server's port wildcard is the one exception.
    expect(CONTENT_SECURITY_POLICY.replace(/\/\/127\.0\.0\.1:\*/g, '')).not.toMatch(/unsafe-(inline|eval)|\*/);
  });

  it('lets previews load only from the loopback preview server, never from OSS hosts', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'http://127.0.0.1:*']);
    expect(csp.get('media-src')).toEqual(["'self'", 'blob:', 'http://127.0.0.1:*']);
    expect(csp.get('frame-src')).toEqual(['http://127.0.0.1:*']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https:|localhost|aliyuncs/);
  });

  it('relaxes the CSP only for the dev server', () => {
    const csp = directives(developmentContentSecurityPolicy('http://localhost:5173'));
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('keeps navigation inside the app', () => {
    const origins = allowedOrigins();
    expect(isAllowedNavigation('app://renderer/index.html', origins)).toBe(true);
    expect(isAllowedNavigation('https://evil.example/', origins)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', origins)).toBe(false);
    expect(isAllowedNavigation('app://other/index.html', origins)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/', origins)).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/', allowedOrigins('http://localhost:5173'))).toBe(true);
  });

  it('opens only https links externally', () => {
    expect(isOpenableExternally('https://help.aliyun.com/oss')).toBe(true);
    expect(isOpenableExternally('http://example.com')).toBe(false);
    expect(isOpenableExternally('file:///etc/passwd')).toBe(false);
    expect(isOpenableExternally('javascript:alert(1)')).toBe(false);
    expect(isOpenableExternally('smb://host/share')).toBe(false);
    expect(isOpenableExternally('https://user:pw@example.com')).toBe(false);
  });

  it('denies permissions except writing to the clipboard', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown']) {
      expect(isPermissionAllowed(p)).toBe(false);
    }
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
  });

  it('lets only the app page reach loopback (the preview server)', () => {
    const origins = allowedOrigins();
    expect(isLoopbackAllowed('loopback-network', 'app://renderer/index.html', origins)).toBe(true);
    expect(isLoopbackAllowed('local-network-access', 'app://renderer/', origins)).toBe(true);
    expect(isLoopbackAllowed('loopback-network', 'https://evil.example/', origins)).toBe(false);
    expect(isLoopbackAllowed('loopback-network', undefined, origins)).toBe(false);
    expect(isLoopbackAllowed('local-network', 'app://renderer/index.html', origins)).toBe(false);
    expect(isLoopbackAllowed('media', 'app://renderer/index.html', origins)).toBe(false);
  });
});

describe('guardWebContents', () => {
  const fake = () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents = {
      on: (event: string, listener: (event: { preventDefault(): void }, url?: string) => void) => listeners.set(event, listener),
      setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => (openHandler = h),
    };
    const fire = (event: string, url?: string) => {
      let prevented = false;
      listeners.get(event)!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { contents, fire, open: (url: string) => openHandler!({ url }) };
  };
  const origins = allowedOrigins();

  it('keeps navigation in the app and refuses webviews', () => {
    const f = fake();
    const opened: string[] = [];
    guardWebContents(f.contents, { origins, openExternal: (u) => opened.push(u), warn: () => undefined });
    expect(f.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(f.fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(f.fire('will-navigate', 'app://renderer/index.html')).toBe(false);
    expect(f.fire('will-attach-webview')).toBe(true);
    expect(f.open('https://www.alibabacloud.com/')).toEqual({ action: 'deny' });
    expect(f.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://www.alibabacloud.com/']);
  });
});
