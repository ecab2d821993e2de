/**
 * A recording stand-in for the `electron` module, preloaded with `node --require` so the
 * BUILT main bundle (out/main/index.js) can start on a machine without an Electron binary.
 * It implements only what main touches at start-up and records every call; once the main
 * window has loaded its URL it exercises the registered protocol, IPC, window-open and
 * permission handlers the way Electron would, prints one JSON report line and exits.
 * Used by e2e/main-process.spec.ts; never bundled into the app.
 */
'use strict';
const Module = require('node:module');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { EventEmitter } = require('node:events');

const report = { schemes: [], protocolHandlers: [], ipcChannels: [], windows: [], calls: {}, errors: [] };
const ipcHandlers = new Map();
const protocolHandlers = new Map();
let permissionRequestHandler = null;
const userData = process.env.OSS_BROWSER_USER_DATA || fs.mkdtempSync(path.join(os.tmpdir(), 'ossb-stub-'));

const app = Object.assign(new EventEmitter(), {
  isPackaged: true,
  setPath() {},
  getPath: (name) => (name === 'userData' ? userData : os.tmpdir()),
  getVersion: () => require(path.join(__dirname, '../../package.json')).version,
  getName: () => 'OSS Browser',
  getLocale: () => 'en-US',
  requestSingleInstanceLock: () => true,
  quit() {},
  whenReady: () => Promise.resolve(),
});

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.mainFrame = { url: '' };
    this.windowOpenHandler = null;
  }
  setWindowOpenHandler(fn) { this.windowOpenHandler = fn; }
  send() {}
}

class BrowserWindow extends EventEmitter {
  static all = [];
  static getAllWindows() { return BrowserWindow.all; }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    BrowserWindow.all.push(this);
    // Electron announces every web contents it creates, the main window's included.
    app.emit('web-contents-created', {}, this.webContents);
  }
  isDestroyed() { return false; }
  isMinimized() { return false; }
  show() {}
  focus() {}
  restore() {}
  async loadURL(url) {
    this.webContents.mainFrame.url = url;
    report.windows.push({ url, webPreferences: this.options.webPreferences, show: this.options.show });
    setImmediate(() => exercise(this).catch((e) => report.errors.push(String(e && e.stack || e))).finally(finish));
  }
}

const electron = {
  app,
  BrowserWindow,
  ipcMain: {
    handle(channel, fn) { ipcHandlers.set(channel, fn); report.ipcChannels.push(channel); },
    removeHandler(channel) { ipcHandlers.delete(channel); },
    on() {},
  },
  protocol: {
    registerSchemesAsPrivileged(schemes) { report.schemes.push(...schemes); },
    handle(scheme, fn) { protocolHandlers.set(scheme, fn); report.protocolHandlers.push(scheme); },
  },
  net: {
    async fetch(url) {
      const file = require('node:url').fileURLToPath(url);
      return new Response(fs.readFileSync(file));
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler(fn) { permissionRequestHandler = fn; },
      setPermissionCheckHandler() {},
      webRequest: { onHeadersReceived() {} },
    },
  },
  shell: { async openExternal(url) { (report.calls.openExternal ??= []).push(url); } },
  webUtils: { getPathForFile: () => '' },
  contextBridge: { exposeInMainWorld() {} },
  ipcRenderer: { invoke() {}, on() {}, removeListener() {} },
};

async function exercise(win) {
  // URL#origin is 'null' for non-special schemes such as app://, so cut the path off by hand.
  const origin = win.webContents.mainFrame.url.replace(/\/index\.html$/, '');
  const serve = protocolHandlers.get('app');
  const page = await serve(new Request(`${origin}/index.html`));
  report.indexHtml = { status: page.status, csp: page.headers.get('content-security-policy'), body: (await page.text()).slice(0, 200) };
  report.traversal = {};
  for (const probe of ['/../main/index.js', '/%2e%2e/main/index.js', '/..%2fmain%2findex.js', '/%2e%2e%2f%2e%2e%2fpackage.json']) {
    report.traversal[probe] = (await serve(new Request(`${origin}${probe}`))).status;
  }

  const invoke = (channel, url, input) => ipcHandlers.get(channel)({ senderFrame: { url, parent: null } }, input);
  report.trustedInfo = await invoke('app:info', `${origin}/index.html`);
  report.untrustedInfo = await invoke('app:info', 'https://evil.example/');
  report.badArgument = await invoke('profiles:list', `${origin}/index.html`, { unexpected: 1 });

  report.windowOpen = {
    https: win.webContents.windowOpenHandler({ url: 'https://www.alibabacloud.com/' }),
    file: win.webContents.windowOpenHandler({ url: 'file:///etc/passwd' }),
  };
  const navigation = { preventDefault() { navigation.prevented = true; }, prevented: false };
  win.webContents.emit('will-navigate', navigation, 'https://evil.example/');
  report.navigationBlocked = navigation.prevented;
  // A web contents that is not the main window (Chromium's PDF viewer, a popup): same guards.
  const other = new WebContents();
  app.emit('web-contents-created', {}, other);
  const otherNavigation = { preventDefault() { otherNavigation.prevented = true; }, prevented: false };
  other.emit('will-navigate', otherNavigation, 'https://evil.example/');
  const otherRedirect = { preventDefault() { otherRedirect.prevented = true; }, prevented: false };
  other.emit('will-redirect', otherRedirect, 'file:///etc/passwd');
  report.otherContents = {
    windowOpen: other.windowOpenHandler ? other.windowOpenHandler({ url: 'file:///etc/passwd' }) : null,
    navigationBlocked: otherNavigation.prevented,
    redirectBlocked: otherRedirect.prevented,
  };
  report.permissions = {};
  for (const permission of ['geolocation', 'media', 'notifications']) {
    report.permissions[permission] = await new Promise((resolve) =>
      permissionRequestHandler(win.webContents, permission, resolve, { requestingUrl: `${origin}/index.html` }),
    );
  }
}

function finish() {
  app.emit('will-quit');
  process.stdout.write(`ELECTRON_STUB_REPORT ${JSON.stringify(report)}\n`);
  setTimeout(() => process.exit(0), 200);
}

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'electron') return __filename;
  return resolve.call(this, request, ...rest);
};
module.exports = electron;
