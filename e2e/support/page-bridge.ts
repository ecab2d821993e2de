/**
 * Gives a Playwright page the same `window.oss` the preload gives the app window, wired to
 * main's real handler table: requests go through `exposeBinding` into main/ipc/dispatch,
 * events from the context's hub are delivered into the page, and dropped files get a path.
 * The object itself is built by shared/bridge-shape.ts, the preload's own code.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { dispatch } from '../../main/ipc/dispatch';
import type { EventHub } from '../../main/ipc/event-hub';
import type { HandlerTable } from '../../main/ipc/handler-types';
import { isTrustedSender } from '../../main/ipc/trusted-sender';
import type { Logger } from '../../main/services/log/logger';
import { buildBridge } from '../../shared/bridge-shape';
import { ErrorCode } from '../../shared/errors';
import { eventChannelNames, requestChannelNames } from '../../shared/ipc-contract';

export interface PageBridgeOptions {
  table: HandlerTable;
  hub: EventHub;
  /** The renderer server's origin: the only page allowed to call, like main's sender check. */
  origin: string;
  log: Logger;
}

/** What the injected script adds to the page's global object. */
interface PageGlobals {
  __ossDeliver(event: string, payload: unknown): void;
}

/** Page-side glue, injected as source text before any page script runs. */
function bridgeScript(): string {
  return `(() => {
  const buildBridge = ${buildBridge.toString()};
  const listeners = new Map();
  const filePaths = new WeakMap();
  Object.defineProperty(window, '__ossTestFilePaths', { value: filePaths });
  Object.defineProperty(window, '__ossDeliver', {
    value: (event, payload) => { for (const listener of listeners.get(event) ?? []) listener(payload); },
  });
  const api = buildBridge(${JSON.stringify(requestChannelNames)}, ${JSON.stringify(eventChannelNames)}, {
    invoke: (channel, input) => window.__ossInvoke(channel, input).then((reply) => JSON.parse(reply)),
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => { set.delete(listener); };
    },
    getPathForFile: (file) => filePaths.get(file) ?? '',
  });
  Object.defineProperty(window, 'oss', { value: api, enumerable: true });
})();`;
}

/** Installs the bridge on every page of `context`; returns a function that stops event delivery. */
export async function installPageBridge(context: BrowserContext, options: PageBridgeOptions): Promise<() => void> {
  const { table, hub, origin, log } = options;
  await context.exposeBinding('__ossInvoke', async (source, channel: unknown, input: unknown) => {
    const url = source.frame.url();
    if (source.frame !== source.page.mainFrame() || !isTrustedSender(url, [origin])) {
      return JSON.stringify({ ok: false, error: { code: ErrorCode.UntrustedSender, message: 'This page may not use the app.' } });
    }
    // Replies travel as one JSON string: Playwright's per-value serializer costs ~0.3 ms per
    // listing row, which would make the bridge, not the app, the bottleneck of a big folder.
    return JSON.stringify(await dispatch(table, String(channel), input, { log }));
  });
  await context.addInitScript({ content: bridgeScript() });
  return hub.connect((event, payload) => {
    for (const page of context.pages()) {
      if (isTrustedSender(page.url(), [origin])) {
        page.evaluate(([e, p]) => (globalThis as unknown as PageGlobals).__ossDeliver(e, p), [event, payload] as const).catch(() => {});
      }
    }
  });
}

/** A file to drop: its path on disk (what getPathForFile returns) and its contents. */
export interface DropFile {
  path: string;
  name: string;
  mimeType: string;
  base64: string;
}

/**
 * Page-side source of the drop helper (a string: e2e code is type-checked without DOM
 * types). Builds a real DataTransfer of File objects, remembers each file's disk path for
 * getPathForFile (Chromium bridge; in Electron webUtils answers and synthetic files have
 * no path), and dispatches dragenter, dragover and drop on the target.
 */
const dropSource = `(selector, files) => {
  const target = document.querySelector(selector);
  if (!target) throw new Error('Nothing matches ' + selector);
  const paths = window.__ossTestFilePaths;
  const transfer = new DataTransfer();
  for (const f of files) {
    const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
    const file = new File([bytes], f.name, { type: f.mimeType });
    if (paths) paths.set(file, f.path);
    transfer.items.add(file);
  }
  for (const type of ['dragenter', 'dragover', 'drop']) {
    target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
  }
}`;

/** Drops files on `selector` the way a user drags them in from the file manager. */
export async function dropFilesInPage(page: Page, selector: string, files: DropFile[]): Promise<void> {
  await page.evaluate(`(${dropSource})(${JSON.stringify(selector)}, ${JSON.stringify(files)})`);
}
