/**
 * Every channel's handler calls the service method it names with the caller's arguments, in
 * order, and returns its answer (wrapped where the contract wraps it). A handler wired to a
 * neighbouring method (testSaved for testPatch, resume for retry) or dropping an argument
 * (the host the user confirmed, a restore tier) passes type-checks; this table catches it.
 * The context is a recorder: every service method records its path and arguments.
 */
import { describe, expect, it } from 'vitest';
import { requestChannelNames } from '../../../shared/ipc-contract';
import type { AppContext } from '../../app-context';
import type { HandlerTable } from '../handler-types';
import { createHandlerTable } from './index';

interface Call {
  path: string;
  args: unknown[];
}

/** A context whose every nested function records its call and answers `{ from: path }`. */
function recordingContext(calls: Call[], extra: Record<string, unknown>): AppContext {
  const node = (path: string): unknown =>
    new Proxy(function () {}, {
      get: (_t, prop) => (typeof prop === 'string' && prop in extra && path === '' ? extra[prop] : node(path ? `${path}.${String(prop)}` : String(prop))),
      apply: (_t, _this, args: unknown[]) => {
        calls.push({ path, args });
        return { from: path };
      },
    });
  return node('') as AppContext;
}

const P = { profileId: 'P', bucket: 'B' };
/** [channel, input, service method, its arguments, how the handler wraps the answer]. */
const cases: Array<[string, unknown, string, unknown[], ((v: unknown) => unknown)?]> = [
  ['profiles:list', undefined, 'profiles.list', []],
  ['profiles:add', { input: 'I', test: true }, 'profiles.add', ['I', true]],
  ['profiles:update', { id: 'X', test: false, name: 'N', settings: 'S' }, 'profiles.update', ['X', { name: 'N', settings: 'S' }, false]],
  ['profiles:duplicate', { id: 'X', name: 'N' }, 'profiles.duplicate', ['X', 'N']],
  ['profiles:delete', { id: 'X' }, 'profiles.delete', ['X']],
  ['profiles:test', { input: 'I' }, 'profiles.testInput', ['I']],
  ['profiles:test', { id: 'X', patch: 'Q' }, 'profiles.testPatch', ['X', 'Q']],
  ['profiles:test', { id: 'X', startPath: 'S' }, 'profiles.testSaved', ['X', 'S']],
  ['profiles:open', { id: 'X' }, 'profiles.open', ['X']],
  ['profiles:import-env', { save: true, name: 'N' }, 'profiles.importEnv', [true, 'N']],
  ['profiles:import-file', { source: 'S' }, 'profiles.importFile', ['S']],
  ['profiles:import-access-code', { code: 'C', name: 'N' }, 'profiles.importAccessCode', ['C', 'N']],
  ['profiles:choose-token-file', undefined, 'profiles.chooseTokenFile', []],
  ['profiles:sandbox-start', undefined, 'profiles.startSandbox', []],
  ['profiles:session-status', { id: 'X' }, 'profiles.sessionStatus', ['X']],

  ['buckets:list', { profileId: 'P' }, 'browse.buckets.list', ['P']],
  ['buckets:create', { ...P, acl: 'private' }, 'browse.buckets.create', [{ ...P, acl: 'private' }]],
  ['buckets:delete', P, 'browse.buckets.delete', ['P', 'B']],
  ['buckets:info', P, 'browse.buckets.info', ['P', 'B']],
  ['objects:list', { ...P, prefix: 'x/' }, 'browse.listing.listPage', [{ ...P, prefix: 'x/' }]],
  ['objects:count', { ...P, prefix: 'x/', limit: 5 }, 'browse.listing.count', ['P', 'B', 'x/', 5]],
  ['objects:search-start', { ...P, prefix: 'x/', query: 'q' }, 'browse.search.start', [{ ...P, prefix: 'x/', query: 'q' }], (v) => ({ searchId: v })],
  ['objects:search-cancel', { searchId: 'S' }, 'browse.search.cancel', ['S']],
  ['objects:create-folder', { ...P, key: 'K' }, 'browse.metadata.createFolder', ['P', 'B', 'K']],
  ['objects:head', { ...P, key: 'K' }, 'browse.metadata.details', ['P', 'B', 'K']],
  ['objects:set-acl', { ...P, key: 'K', acl: 'A' }, 'browse.metadata.setAcl', ['P', 'B', 'K', 'A']],
  ['objects:set-headers', { ...P, key: 'K', headers: 'H', meta: 'M' }, 'browse.metadata.setHeaders', ['P', 'B', 'K', 'H', 'M']],
  ['objects:set-storage-class', { ...P, key: 'K', storageClass: 'C' }, 'browse.metadata.setStorageClass', ['P', 'B', 'K', 'C']],
  ['objects:restore', { ...P, key: 'K', days: 3, tier: 'T' }, 'browse.metadata.restore', ['P', 'B', 'K', 3, 'T']],
  ['objects:symlink-create', { ...P, key: 'K', target: 'T' }, 'browse.metadata.createSymlink', ['P', 'B', 'K', 'T']],
  ['objects:symlink-get', { ...P, key: 'K' }, 'browse.metadata.symlinkTarget', ['P', 'B', 'K'], (v) => ({ target: v })],
  ['objects:delete-start', { ...P, items: 'I' }, 'browse.operations.startDelete', ['P', 'B', 'I'], (v) => ({ operationId: v })],
  ['objects:copy-start', { ...P, items: 'I' }, 'browse.operations.startCopy', [{ ...P, items: 'I' }], (v) => ({ operationId: v })],
  ['objects:copy-conflicts', { ...P, items: 'I' }, 'browse.operations.conflicts', [{ ...P, items: 'I' }], (v) => v],
  ['objects:rename-start', { ...P, fromKey: 'F' }, 'browse.operations.startRename', [{ ...P, fromKey: 'F' }], (v) => ({ operationId: v })],
  ['objects:operation-cancel', { operationId: 'O' }, 'browse.operations.cancel', ['O']],
  ['multipart:list', { ...P, keyMarker: 'K', uploadIdMarker: 'U' }, 'browse.multipart.list', ['P', 'B', 'K', 'U']],
  ['multipart:abort', { ...P, key: 'K', uploadId: 'U' }, 'browse.multipart.abort', ['P', 'B', 'K', 'U']],
  ['objects:preview-url', { ...P, key: 'K', expiresSeconds: 60 }, 'browse.preview.previewUrl', ['P', 'B', 'K', 60]],
  ['objects:thumbnail-url', { ...P, key: 'K', size: 128, objectSize: 9 }, 'browse.preview.thumbnailUrl', ['P', 'B', 'K', 128, 9]],
  ['objects:read-text', { ...P, key: 'K', maxBytes: 10 }, 'browse.preview.readText', ['P', 'B', 'K', 10]],
  ['bookmarks:list', { profileId: 'P' }, 'browse.bookmarks.list', ['P']],
  ['bookmarks:add', { ...P, prefix: 'x/', name: 'N' }, 'browse.bookmarks.add', ['P', 'B', 'x/', 'N']],
  ['bookmarks:remove', { ...P, prefix: 'x/' }, 'browse.bookmarks.remove', ['P', 'B', 'x/']],

  ['transfers:upload-paths', { x: 1 }, 'transfers.uploadPaths', [{ x: 1 }]],
  ['transfers:upload-dialog', { x: 1 }, 'transfers.uploadDialog', [{ x: 1 }]],
  ['transfers:download', { x: 1 }, 'transfers.download', [{ x: 1 }]],
  ['transfers:drag-out', { x: 1 }, 'transfers.dragOut', [{ x: 1 }]],
  ['transfers:save-as', { x: 1 }, 'transfers.saveAs', [{ x: 1 }]],
  ['transfers:open-object', { x: 1 }, 'transfers.openObject', [{ x: 1 }]],
  ['transfers:list', { offset: 4, limit: 8 }, 'transfers.list', [4, 8]],
  ['transfers:pause', { id: 'T' }, 'transfers.act', ['pause', { id: 'T' }]],
  ['transfers:resume', { id: 'T' }, 'transfers.act', ['resume', { id: 'T' }]],
  ['transfers:cancel', { id: 'T' }, 'transfers.act', ['cancel', { id: 'T' }]],
  ['transfers:retry', { id: 'T' }, 'transfers.act', ['retry', { id: 'T' }]],
  ['transfers:clear-finished', undefined, 'transfers.clearFinished', []],
  ['transfers:reveal', { id: 'T' }, 'transfers.reveal', ['T']],
  ['transfers:open-local', { id: 'T' }, 'transfers.openLocal', ['T']],
  ['transfers:conflict-answer', { batchId: 'Z', policy: 'skip', remember: true }, 'transfers.answer', ['Z', 'skip', true]],
  ['transfers:conflict-pending', undefined, 'transfers.pendingPlans', []],
  ['transfers:settings-get', undefined, 'transfers.getSettings', []],
  ['transfers:settings-set', { x: 1 }, 'transfers.setSettings', [{ x: 1 }]],
  ['transfers:choose-download-folder', undefined, 'transfers.chooseDownloadFolder', []],

  ['share:links', { x: 1 }, 'share.links.links', [{ x: 1 }]],
  ['share:upload-link', { x: 1 }, 'share.links.uploadLink', [{ x: 1 }]],
  ['share:export-csv', { batchId: 'Z' }, 'share.exportCsv', ['Z']],
  ['share:history', undefined, 'share.links.history', []],
  ['share:grant-setup', { profileId: 'P' }, 'share.grants.setup', ['P']],
  ['share:grant', { x: 1 }, 'share.grants.grant', [{ x: 1 }]],
  ['share:import-oss-browser-code', { code: 'C', name: 'N' }, 'share.importOssBrowserCode', ['C', 'N']],
  // take-link passes main's own profile lister (never the page's input) to the link inbox.
  ['desktop:take-link', undefined, 'desktop.takeLink', [expect.any(Function)]],
  ['desktop:set-language', { language: 'zh-CN' }, 'desktop.setLanguage', ['zh-CN']],
  ['desktop:get-layout', undefined, 'desktop.layout', []],
  ['desktop:set-layout', { sidebarWidth: 300 }, 'desktop.setLayout', [{ sidebarWidth: 300 }]],
  ['app:open-external', { url: 'https://example.com/a' }, 'openExternal', ['https://example.com/a']],
];

describe('handler table wiring', () => {
  it('covers every channel of the contract', () => {
    expect(new Set(cases.map((c) => c[0]))).toEqual(new Set([...requestChannelNames].filter((c) => c !== 'app:info' && c !== 'app:log')));
  });

  it.each(cases.map((c, i) => [`${c[0]} #${i}`, ...c] as const))('%s calls its service method with the caller’s arguments', async (_name, channel, input, path, args, wrap) => {
    const calls: Call[] = [];
    const table = createHandlerTable(recordingContext(calls, {}));
    const handler = (table as unknown as Record<string, (input: unknown, call: { channel: string }) => unknown>)[channel]!;
    const answer = await handler(input, { channel });
    const own = calls.filter((c) => !c.path.startsWith('log.'));
    expect(own).toEqual([{ path, args }]);
    if (channel !== 'app:open-external') expect(answer).toEqual(wrap ? wrap({ from: path }) : { from: path });
  });

  it('app:info reports the context’s versions and log file; app:log writes at the asked level', () => {
    const calls: Call[] = [];
    const ctx = recordingContext(calls, { versions: { node: '22.1.0', electron: '45.0.0' }, log: { file: '/logs/main.log', warn: (m: string) => calls.push({ path: 'log.warn', args: [m] }) } });
    const table: HandlerTable = createHandlerTable(ctx);
    const info = table['app:info'](undefined, { channel: 'app:info' }) as { versions: Record<string, string>; logFile: string };
    expect(info.versions).toEqual({ node: '22.1.0', electron: '45.0.0' });
    expect(info.logFile).toBe('/logs/main.log');
    void table['app:log']({ level: 'warn', message: 'hello' }, { channel: 'app:log' });
    expect(calls).toContainEqual({ path: 'log.warn', args: ['renderer: hello'] });
  });

  it('app:open-external logs only the host of the link, never its path or query (tokens live there)', async () => {
    const calls: Call[] = [];
    const table: HandlerTable = createHandlerTable(recordingContext(calls, {}));
    await table['app:open-external']({ url: 'https://help.example.com/doc?token=SECRET' }, { channel: 'app:open-external' });
    expect(calls.find((c) => c.path === 'log.info')).toEqual({ path: 'log.info', args: ['opening external link', { host: 'help.example.com' }] });
  });
});
