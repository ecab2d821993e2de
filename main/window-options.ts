/**
 * Every security-relevant window setting in one electron-free module, so a unit test can
 * read them back and fail when one is weakened. window.ts and index.ts only apply them.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { APP_ORIGIN, isTrustedSender } from './ipc/trusted-sender';

/**
 * Where object previews load from: main's loopback preview server only (its port is picked
 * at start, hence the port wildcard). OSS hosts are not listed: no presigned URL reaches the
 * renderer. Only images, media and the PDF frame use it; scripts stay 'self'.
 */
const PREVIEW_SOURCES = 'http://127.0.0.1:*';

/**
 * Production Content Security Policy: scripts and styles only from the app itself, no
 * inline script, no eval, no plugins, no framing; network access goes through main.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' data: blob: ${PREVIEW_SOURCES}`,
  "font-src 'self' data:",
  "connect-src 'self'",
  `media-src 'self' blob: ${PREVIEW_SOURCES}`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  `frame-src ${PREVIEW_SOURCES}`,
  "frame-ancestors 'none'",
].join('; ');

/** Development only: Vite's dev server injects inline styles and a React refresh preamble and talks over a websocket. */
export function developmentContentSecurityPolicy(devServerUrl: string): string {
  const ws = devServerUrl.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", `connect-src 'self' ${ws}`);
}

/** The web preferences of every app window. */
export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

/** The main window's options. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 780,
    minWidth: 760,
    minHeight: 480,
    show: false,
    title: 'OSS Browser',
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** Origins the window may show and that may call IPC: the app protocol, plus the dev server in development. */
export function allowedOrigins(devServerUrl?: string): string[] {
  return devServerUrl ? [APP_ORIGIN, devServerUrl] : [APP_ORIGIN];
}

/** Navigation stays inside the app; anything else is refused (links open externally instead). */
export function isAllowedNavigation(url: string, origins: readonly string[]): boolean {
  return isTrustedSender(url, origins);
}

/** Only plain https links the user clicked may leave the app, in the system browser. */
export function isOpenableExternally(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

/** The part of Electron's WebContents the guard touches (structural, so a test can pass a fake). */
export interface GuardableContents {
  on(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', listener: (event: { preventDefault(): void }, url?: string) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardOptions {
  origins: readonly string[];
  /** Opens an https link in the system browser. */
  openExternal: (url: string) => void;
  warn: (message: string, meta: Record<string, unknown>) => void;
}

/**
 * Locks down one web contents: navigation stays inside the app, new windows are refused
 * (an https link opens in the system browser instead), webviews cannot be attached. Applied
 * to EVERY web contents Electron creates (app 'web-contents-created'): the main window, and
 * also the PDF viewer and any frame or window a page could otherwise open.
 */
export function guardWebContents(contents: GuardableContents, { origins, openExternal, warn }: GuardOptions): void {
  const guardNavigation = (event: { preventDefault(): void }, url?: string) => {
    if (url !== undefined && isAllowedNavigation(url, origins)) return;
    event.preventDefault();
    warn('blocked navigation away from the app', { url: String(url).slice(0, 200) });
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isOpenableExternally(url)) openExternal(url);
    else warn('blocked window.open', { url: url.slice(0, 200) });
    return { action: 'deny' };
  });
}

/** Permissions the page may use; everything else (camera, geolocation, notifications…) is denied. */
const allowedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Answer for session permission requests and checks. */
export function isPermissionAllowed(permission: string): boolean {
  return allowedPermissions.has(permission);
}

/** Chromium's Local Network Access permissions that cover requests to 127.0.0.1. */
const loopbackPermissions: ReadonlySet<string> = new Set(['loopback-network', 'local-network-access']);

/**
 * The app's own page may reach loopback (previews load from main's 127.0.0.1 preview
 * server, and Chromium's Local Network Access may treat an app:// page as public). Any other
 * requester is denied; the CSP still limits what the page loads to that one host.
 */
export function isLoopbackAllowed(permission: string, requestingUrl: string | undefined, origins: readonly string[]): boolean {
  return loopbackPermissions.has(permission) && !!requestingUrl && isTrustedSender(requestingUrl, origins);
}
