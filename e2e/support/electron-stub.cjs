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

const report = { schemes: [], protocolHandlers: [], ipcChannels: [], windows: [], calls: {}, errors: [], protocolClients: [], appListeners: [], sent: [], notifications: [] };
const ipcHandlers = new Map();
const protocolHandlers = new Map();
let permissionRequestHandler = null;
const userData = process.env.OSS_BROWSER_USER_DATA || fs.mkdtempSync(path.join(os.tmpdir(), 'ossb-stub-'));

const app = Object.assign(new EventEmitter(), {
  isPackaged: true,
  setPath() {},
  // Electron's 'logs' is <userData>/logs on Linux and Windows.
  getPath: (name) => (name === 'userData' ? userData : name === 'logs' ? path.join(userData, 'logs') : os.tmpdir()),
  getVersion: () => require(path.join(__dirname, '../../package.json')).version,
  getName: () => 'OSS Browser',
  getLocale: () => 'en-US',
  requestSingleInstanceLock: () => true,
  setAsDefaultProtocolClient(scheme, ...rest) { report.protocolClients.push({ scheme, args: rest }); return true; },
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
  send(channel, payload) { report.sent.push({ channel, payload }); }
}

class BrowserWindow extends EventEmitter {
  static all = [];
  /** The window with the OS focus; null: the user is in another app. */
  static focused = null;
  static getAllWindows() { return BrowserWindow.all; }
  static getFocusedWindow() { return BrowserWindow.focused; }
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
  isFocused() { return false; }
  isMaximized() { return false; }
  maximize() { (report.calls.maximize ??= []).push(true); }
  getNormalBounds() { const { x, y, width, height } = this.options; return { x, y, width, height }; }
  setProgressBar() {}
  show() {}
  focus() { (report.calls.focus ??= []).push(true); }
  restore() {}
  async loadURL(url) {
    this.webContents.mainFrame.url = url;
    const { x, y, width, height } = this.options;
    report.windows.push({ url, webPreferences: this.options.webPreferences, show: this.options.show, bounds: { x, y, width, height } });
    setImmediate(() => exercise(this).catch((e) => report.errors.push(String(e && e.stack || e))).finally(finish));
  }
}

// One 1920x1080 screen with a 40 px task bar.
const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
let applicationMenu = null;
let clipboardText = null;

/** System notifications: recorded when shown. */
class Notification {
  static isSupported() { return true; }
  constructor(options) { this.options = options; }
  show() { report.notifications.push({ title: this.options.title, body: this.options.body }); }
}

const electron = {
  app,
  BrowserWindow,
  Notification,
  Menu: {
    buildFromTemplate: (template) => ({ template }),
    setApplicationMenu(menu) { applicationMenu = menu; },
  },
  clipboard: { writeText(text) { clipboardText = text; } },
  screen: { getPrimaryDisplay: () => display, getAllDisplays: () => [display] },
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
  shell: {
    async openExternal(url) { (report.calls.openExternal ??= []).push(url); },
    async openPath(target) { (report.calls.openPath ??= []).push(target); return ''; },
  },
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
  await exerciseDesktop(win, invoke, `${origin}/index.html`);
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

/** The menu as data: labels, roles, ids and whether a command is bound. */
function describeMenu(items) {
  return items.map((i) => ({
    ...(i.label ? { label: i.label } : {}),
    ...(i.role ? { role: i.role } : {}),
    ...(i.id ? { id: i.id, bound: typeof i.click === 'function' } : {}),
    ...(i.accelerator ? { accelerator: i.accelerator } : {}),
    ...(i.type ? { type: i.type } : {}),
    ...(i.submenu ? { submenu: describeMenu(i.submenu) } : {}),
  }));
}

function findItem(items, id) {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu && findItem(item.submenu, id);
    if (inner) return inner;
  }
  return null;
}

async function until(check, ms = 2000) {
  for (let i = 0; i < ms / 10 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A session-only profile with a pasted STS token that expires in `seconds`, opened (which starts its expiry timers). */
async function openExpiringProfile(invoke, trusted, name, seconds) {
  const credentials = {
    type: 'sts-token',
    accessKeyId: 'STS.NUexampleId1234',
    accessKeySecret: 'stsSecretValueExample0987654321',
    securityToken: 'CAIStokenExampleValue',
    expiration: new Date(Date.now() + seconds * 1000).toISOString(),
  };
  const added = await invoke('profiles:add', trusted, { input: { name, credentials, sessionOnly: true }, test: false });
  if (!added.ok) throw new Error(`profiles:add failed: ${JSON.stringify(added.error)}`);
  const opened = await invoke('profiles:open', trusted, { id: added.value.id });
  if (!opened.ok) throw new Error(`profiles:open failed: ${JSON.stringify(opened.error)}`);
  return added.value.id;
}

/**
 * Temporary credentials running out while the user is in another app: the system tells
 * them, in the page's language; while the window has the focus the page's own prompt is
 * enough and no notification is shown.
 */
async function exerciseCredentialNotifications(win, invoke, trusted) {
  BrowserWindow.focused = null;
  await openExpiringProfile(invoke, trusted, 'Temporary EN', 2);
  await until(() => report.notifications.length >= 1);
  // The page switches to Chinese before the token runs out: the "expired" notice speaks it.
  await invoke('desktop:set-language', trusted, { language: 'zh-CN' });
  await until(() => report.notifications.length >= 2, 4000);
  // Focused: the page's prompt is enough.
  BrowserWindow.focused = win;
  const focusedId = await openExpiringProfile(invoke, trusted, 'Focused one', 1);
  await until(() => report.sent.some((e) => e.channel === 'credentials:expired' && e.payload.profileId === focusedId), 3000);
  await sleep(100);
  report.credentialEvents = report.sent.filter((e) => e.channel.startsWith('credentials:')).map((e) => e.channel);
  BrowserWindow.focused = null;
}

/** The page's layout (sidebar and column widths), kept by main beside the window's place. */
async function exerciseLayout(invoke, trusted) {
  report.layoutBefore = await invoke('desktop:get-layout', trusted);
  report.layoutSet = await invoke('desktop:set-layout', trusted, { sidebarWidth: 320, columns: { size: 100 } });
  await invoke('desktop:set-layout', trusted, { columns: { modified: 200 } });
  report.layoutAfter = await invoke('desktop:get-layout', trusted);
  report.layoutTooWide = await invoke('desktop:set-layout', trusted, { sidebarWidth: 99999 });
  report.layoutForeign = await invoke('desktop:set-layout', trusted, { sidebarWidth: 300, script: 'x' });
  report.layoutUntrusted = await invoke('desktop:set-layout', 'https://evil.example/', { sidebarWidth: 300 });
}

/** The desktop shell: menu, oss:// links (start argument, second launch), diagnostics, window state. */
async function exerciseDesktop(win, invoke, trusted) {
  report.menu = applicationMenu ? describeMenu(applicationMenu.template) : null;
  report.appListeners = ['open-url', 'second-instance'].filter((e) => app.listenerCount(e) > 0);
  // A second launch hands over its command line: one valid link, then a hostile one.
  app.emit('second-instance', {}, ['/opt/OSS Browser/oss-browser', '--no-sandbox', 'oss://second-bucket/from/second%20launch/'], '/');
  app.emit('second-instance', {}, ['/opt/OSS Browser/oss-browser', 'oss://Bad_Bucket/%00'], '/');
  report.takenLinks = [];
  for (let i = 0; i < 3; i++) report.takenLinks.push(await invoke('desktop:take-link', trusted));
  report.untrustedTake = await invoke('desktop:take-link', 'https://evil.example/');

  // Something fails with a secret in its text; diagnostics must carry the failure, not the secret.
  await invoke('app:log', trusted, { level: 'error', message: 'upload failed accessKeySecret=Zx9YwVu8Ts7Rq6Po5Nm4Lk3Ji2Hg1F' });
  const help = report.menu && applicationMenu.template;
  findItem(help, 'copyDiagnostics').click();
  await until(() => clipboardText !== null);
  report.diagnostics = clipboardText;
  findItem(help, 'openLogs').click();
  await until(() => report.calls.openPath);
  await exerciseLayout(invoke, trusted);
  // Ends with the page in Chinese: the menu follows.
  await exerciseCredentialNotifications(win, invoke, trusted);
  report.menuZh = describeMenu(applicationMenu.template).map((m) => m.label);
  win.emit('close', { preventDefault() {} });
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
