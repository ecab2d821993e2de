import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnqueueResult, TransferListPage, TransferSettings } from '../../../shared/contract/transfers';
import type { EventChannel } from '../../../shared/ipc-contract';
import { createAppContext, type AppContext } from '../../app-context';
import { ScriptedDesktopHost } from '../../services/host/desktop-host';
import { createMemoryLogger } from '../../services/log/logger';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';
import { dispatch } from '../dispatch';
import type { HandlerTable } from '../handler-types';
import { createHandlerTable } from './index';

describe('transfers channels through dispatch (validation, native dialogs, events)', () => {
  let fx: BrowseFixture;
  let ctx: AppContext;
  let table: HandlerTable;
  let dir: string;
  const host = new ScriptedDesktopHost();
  const events: Array<{ event: EventChannel; payload: unknown }> = [];

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket('ipc-tx');
    dir = await mkdtemp(path.join(os.tmpdir(), 'ipc-transfers-'));
    ctx = createAppContext({
      userDataDir: dir,
      log: createMemoryLogger(),
      emit: (event, payload) => events.push({ event, payload }),
      openExternal: async () => undefined,
      clients: fx.clients,
      host,
      downloadFolder: path.join(dir, 'Downloads'),
    });
    table = createHandlerTable(ctx);
  });
  afterAll(async () => {
    await ctx?.transfers.close();
    await fx?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const until = async (pred: () => Promise<boolean>): Promise<void> => {
    for (let i = 0; i < 400 && !(await pred()); i++) await new Promise((r) => setTimeout(r, 25));
  };
  const list = async (): Promise<TransferListPage> => {
    const res = await dispatch(table, 'transfers:list', {});
    if (!res.ok) throw new Error(res.error.message);
    return res.value as TransferListPage;
  };

  it('refuses unbounded or malformed input before the engine sees it', async () => {
    const long = await dispatch(table, 'transfers:upload-paths', { profileId: 'p', bucket: 'ipc-tx', prefix: '', paths: ['x'.repeat(5000)] });
    expect(long).toMatchObject({ ok: false, error: { code: 'InvalidArgument' } });
    const badPrefix = await dispatch(table, 'transfers:upload-paths', { profileId: 'p', bucket: 'ipc-tx', prefix: 'no-slash', paths: ['/tmp'] });
    expect(badPrefix.ok).toBe(false);
    const tooFast = await dispatch(table, 'transfers:settings-set', { parallelFiles: 1000 });
    expect(tooFast.ok).toBe(false);
    // The download folder cannot be named by the page: an unknown key is not accepted as a path.
    const sneaky = await dispatch(table, 'transfers:settings-set', { downloadFolder: '/etc' });
    expect(sneaky.ok && (sneaky.value as TransferSettings).downloadFolder).not.toBe('/etc');
  });

  it('uploads what the native dialog returned, reports progress events, and lists the item as verified', async () => {
    const file = path.join(dir, 'pick', 'chosen.txt');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'picked by the user');
    host.answers.files.push([file]);
    const res = await dispatch(table, 'transfers:upload-dialog', { profileId: 'p', bucket: 'ipc-tx', prefix: 'in/', kind: 'files', conflict: 'overwrite' });
    expect(res.ok).toBe(true);
    expect((res as { value: EnqueueResult }).value.queued).toBe(1);
    await until(async () => (await list()).totals.done === 1);
    const page = await list();
    expect(page.items[0]).toMatchObject({ key: 'in/chosen.txt', state: 'done', verified: true, localName: 'chosen.txt' });
    expect(JSON.stringify(page)).not.toContain(dir); // the page never gets a full local path
    expect(events.some((e) => e.event === 'transfers:progress')).toBe(true);
    expect(events.some((e) => e.event === 'transfers:batch-finished')).toBe(true);
    expect((await fx.getBytes('ipc-tx', 'in/chosen.txt')).toString()).toBe('picked by the user');
    // A cancelled dialog queues nothing.
    const cancelled = await dispatch(table, 'transfers:upload-dialog', { profileId: 'p', bucket: 'ipc-tx', prefix: '', kind: 'folder' });
    expect(cancelled).toMatchObject({ ok: true, value: { batchId: null, queued: 0 } });
  });

  it('downloads to the default folder and to a chosen one; reveal and open use the host', async () => {
    await dispatch(table, 'transfers:clear-finished', undefined);
    const res = await dispatch(table, 'transfers:download', { profileId: 'p', bucket: 'ipc-tx', basePrefix: 'in/', items: [{ key: 'in/chosen.txt', isPrefix: false }], destination: 'default', conflict: 'overwrite' });
    expect(res.ok).toBe(true);
    await until(async () => (await list()).totals.done === 1);
    expect(await readFile(path.join(dir, 'Downloads', 'chosen.txt'), 'utf8')).toBe('picked by the user');
    const chosen = path.join(dir, 'elsewhere');
    host.answers.folders.push(chosen);
    await dispatch(table, 'transfers:download', { profileId: 'p', bucket: 'ipc-tx', basePrefix: '', items: [{ key: 'in/', isPrefix: true }], destination: 'choose', conflict: 'overwrite' });
    await until(async () => (await list()).totals.done === 2);
    expect(await readFile(path.join(chosen, 'in', 'chosen.txt'), 'utf8')).toBe('picked by the user');
    const id = (await list()).items[0]!.id;
    expect((await dispatch(table, 'transfers:reveal', { id })).ok).toBe(true);
    expect((await dispatch(table, 'transfers:open-local', { id })).ok).toBe(true);
    expect(host.calls.filter((c) => c.kind === 'showItemInFolder' || c.kind === 'openPath').map((c) => c.kind)).toEqual(['showItemInFolder', 'openPath']);
    const missing = await dispatch(table, 'transfers:reveal', { id: 'nope' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  });

  it('persists settings and picks the download folder only through the dialog', async () => {
    const set = await dispatch(table, 'transfers:settings-set', { parallelFiles: 6, bandwidthUp: 1_000_000, conflictDefault: 'keep-both' });
    expect(set).toMatchObject({ ok: true, value: { parallelFiles: 6, bandwidthUp: 1_000_000, conflictDefault: 'keep-both' } });
    host.answers.folders.push(path.join(dir, 'dl-here'));
    const chosen = await dispatch(table, 'transfers:choose-download-folder', undefined);
    expect(chosen).toMatchObject({ ok: true, value: { downloadFolder: path.join(dir, 'dl-here') } });
    const saved = JSON.parse(await readFile(path.join(dir, 'transfers', 'transfer-settings.json'), 'utf8')) as TransferSettings;
    expect(saved).toMatchObject({ parallelFiles: 6, conflictDefault: 'keep-both', downloadFolder: path.join(dir, 'dl-here') });
  });
});
