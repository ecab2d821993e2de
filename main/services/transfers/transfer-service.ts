/**
 * What the IPC handlers call: runs the native dialogs (so local paths come from the user,
 * never from the page), picks download folders, opens and reveals local files, keeps the
 * settings, and forwards everything else to the engine. Starts lazily on first use so the
 * app's start-up does not wait for the queue to load.
 */
import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AppError } from '../../../shared/errors';
import { AppException } from '../../../shared/errors';
import {
  DRAG_OUT_MAX_BYTES,
  DRAG_OUT_MAX_FILES,
  type ConflictPolicy,
  type ConflictPlan,
  type DragOutResult,
  type EnqueueResult,
  type TransferListPage,
  type TransferSettings,
} from '../../../shared/contract/transfers';
import type { DesktopHost } from '../host/desktop-host';
import type { ClientProvider } from '../oss/client-provider';
import { BatchIntake } from './batch-intake';
import type { NoticeLanguage } from './batch-notice';
import { safeSegment } from './local-paths';
import { pruneOpenCache } from './open-cache';
import type { EngineTuning } from './task-context';
import { TransferEngine, type EngineEvents } from './transfer-engine';
import type { ResolvedPolicy } from './transfer-record';
import { TransferSettingsStore, sanitizeSettings } from './transfer-settings';

export interface TransferServiceOptions {
  userDataDir: string;
  clients: ClientProvider;
  host: DesktopHost;
  events: EngineEvents;
  describeError(e: unknown): AppError;
  log?: { warn(message: string, fields?: Record<string, unknown>): void };
  tuning?: Partial<EngineTuning>;
  /** The page's language, for system notifications (desktop:set-language; 'en' until the page said). */
  language?: () => NoticeLanguage;
  /** Where downloads go before the user picks a folder (default ~/Downloads). */
  defaultDownloadFolder?: string;
}

type Target = { all: true } | { ids: string[] };

/** How long a drag out waits for its files before it gives up and says so. */
const DRAG_OUT_WAIT_MS = 15_000;

export class TransferService {
  private ready: Promise<{ engine: TransferEngine; intake: BatchIntake }> | undefined;
  private readonly settingsStore: TransferSettingsStore;

  constructor(private readonly options: TransferServiceOptions) {
    this.settingsStore = new TransferSettingsStore(join(options.userDataDir, 'transfers'));
  }

  /** Loads the queue and resumes it (called at start-up, and by the first request anyway). */
  start(): Promise<{ engine: TransferEngine; intake: BatchIntake }> {
    this.ready ??= (async () => {
      const settings = await this.settingsStore.load();
      const engine = new TransferEngine({
        dataDir: join(this.options.userDataDir, 'transfers'),
        clients: this.options.clients,
        events: this.options.events,
        host: this.options.host,
        describeError: this.options.describeError,
        settings,
        ...(this.options.language ? { language: this.options.language } : {}),
        ...(this.options.log ? { log: this.options.log } : {}),
        ...(this.options.tuning ? { tuning: this.options.tuning } : {}),
      });
      await engine.start();
      void pruneOpenCache(this.cacheDir()).catch(() => undefined);
      const intake = new BatchIntake(engine, this.options.log);
      intake.resumeAll();
      return { engine, intake };
    })();
    return this.ready;
  }

  async close(): Promise<void> {
    if (this.ready) await (await this.ready).engine.close();
  }

  async uploadPaths(input: { profileId: string; bucket: string; prefix: string; paths: string[]; conflict?: ConflictPolicy | undefined }): Promise<EnqueueResult> {
    const { engine, intake } = await this.start();
    return intake.upload({ ...input, policy: input.conflict ?? engine.currentSettings.conflictDefault });
  }

  async uploadDialog(input: { profileId: string; bucket: string; prefix: string; kind: 'files' | 'folder'; conflict?: ConflictPolicy | undefined }): Promise<EnqueueResult> {
    const host = this.options.host;
    const paths =
      input.kind === 'files'
        ? await host.chooseFiles({ title: 'Upload files', multiple: true })
        : await host.chooseFolder({ title: 'Upload folder', buttonLabel: 'Upload' }).then((p) => (p ? [p] : []));
    if (paths.length === 0) return { batchId: null, queued: 0, rejected: [] };
    return this.uploadPaths({ ...input, paths });
  }

  async download(input: {
    profileId: string;
    bucket: string;
    basePrefix: string;
    items: Array<{ key: string; isPrefix: boolean }>;
    destination: 'default' | 'choose';
    conflict?: ConflictPolicy | undefined;
  }): Promise<EnqueueResult> {
    const { engine, intake } = await this.start();
    let root: string | undefined = engine.currentSettings.downloadFolder || this.defaultFolder();
    if (input.destination === 'choose') root = await this.options.host.chooseFolder({ title: 'Download to', buttonLabel: 'Download here', defaultPath: root });
    if (!root) return { batchId: null, queued: 0, rejected: [] };
    await mkdir(root, { recursive: true });
    return intake.download({ ...input, root, policy: input.conflict ?? engine.currentSettings.conflictDefault });
  }

  /** "Save as…": the OS dialog asks about replacing an existing file, so this one overwrites. */
  async saveAs(input: { profileId: string; bucket: string; key: string }): Promise<EnqueueResult> {
    const { intake } = await this.start();
    const name = input.key.split('/').filter(Boolean).pop() ?? 'download';
    const path = await this.options.host.chooseSaveFile({ title: 'Save as', defaultPath: name });
    if (!path) return { batchId: null, queued: 0, rejected: [] };
    const { engine } = await this.start();
    const id = intake.single({ ...input, path, root: dirname(path) });
    return { batchId: engine.store.items.get(id)!.batchId, queued: 1, rejected: [] };
  }

  /**
   * Files dragged out of the list: a few small ones are fetched to the cache (verified) and
   * handed to the OS drag; folders, large or many files go to the download folder through
   * the queue — a drag cannot wait for them.
   */
  async dragOut(input: { profileId: string; bucket: string; basePrefix: string; items: Array<{ key: string; isPrefix: boolean }>; sizes: number[] }): Promise<DragOutResult> {
    const total = input.sizes.reduce((a, b) => a + b, 0);
    const small = input.items.length <= DRAG_OUT_MAX_FILES && input.items.every((i) => !i.isPrefix) && input.sizes.length === input.items.length && total <= DRAG_OUT_MAX_BYTES;
    if (!small) return { kind: 'queued', ...(await this.download({ ...input, destination: 'default' })) };
    const { engine, intake } = await this.start();
    const root = join(this.cacheDir(), randomUUID());
    await mkdir(root, { recursive: true });
    // One folder per file: two keys with the same last name never collide in the cache.
    const ids = await Promise.all(
      input.items.map(async (it, i) => {
        const dir = join(root, String(i));
        await mkdir(dir);
        const name = it.key.split('/').filter(Boolean).pop() ?? 'file';
        return intake.single({ profileId: input.profileId, bucket: input.bucket, key: it.key, path: join(dir, safeSegment(name)), root: dir });
      }),
    );
    const records = await engine.settled(ids, DRAG_OUT_WAIT_MS);
    const failed = records?.find((r) => r.state !== 'done');
    if (!records || failed) {
      throw new AppException({
        code: 'DragOutFailed',
        message: failed?.error?.message ?? 'The files did not arrive in time for the drag.',
        hint: 'Use "Download" or "Download to…" from the menu instead; the transfer panel shows what happened.',
      });
    }
    this.options.host.startDrag(records.map((r) => r.localPath));
    return { kind: 'dragging', files: records.length };
  }

  /** Downloads into a private cache folder, verified, then opens it with the OS's app. */
  async openObject(input: { profileId: string; bucket: string; key: string }): Promise<{ itemId: string }> {
    const { intake } = await this.start();
    const name = input.key.split('/').filter(Boolean).pop() ?? 'file';
    const root = join(this.cacheDir(), randomUUID());
    await mkdir(root, { recursive: true });
    const itemId = intake.single({ ...input, path: join(root, safeSegment(name)), root, openWhenDone: true });
    return { itemId };
  }

  async list(offset: number, limit: number): Promise<TransferListPage> {
    return (await this.start()).engine.list(offset, limit);
  }

  async act(action: 'pause' | 'resume' | 'cancel' | 'retry', target: Target): Promise<void> {
    const { engine } = await this.start();
    await engine[action](engine.ids(target));
  }

  async clearFinished(): Promise<{ removed: number }> {
    return { removed: await (await this.start()).engine.clearFinished() };
  }

  /** Shows the item's local file (a finished download, or an upload's source) in the file manager. */
  async reveal(id: string): Promise<void> {
    const r = (await this.start()).engine.store.items.get(id);
    if (!r) throw notFound();
    this.options.host.showItemInFolder(r.localPath);
  }

  /** Opens a finished download with the OS's app (only files this app wrote). */
  async openLocal(id: string): Promise<void> {
    const r = (await this.start()).engine.store.items.get(id);
    if (!r) throw notFound();
    if (r.direction !== 'download' || r.state !== 'done') {
      throw new AppException({ code: 'NotReady', message: 'The file has not finished downloading.', hint: 'Wait until it shows "verified", then open it.' });
    }
    await this.options.host.openPath(r.localPath);
  }

  async answer(batchId: string, policy: ResolvedPolicy | 'cancel', remember: boolean): Promise<void> {
    const { engine } = await this.start();
    if (remember && policy !== 'cancel') await this.setSettings({ conflictDefault: policy });
    await engine.answer(batchId, policy);
  }

  async pendingPlans(): Promise<ConflictPlan[]> {
    return [...(await this.start()).engine.held.values()];
  }

  async getSettings(): Promise<TransferSettings> {
    const s = (await this.start()).engine.currentSettings;
    return { ...s, downloadFolder: s.downloadFolder || this.defaultFolder() };
  }

  async setSettings(patch: Partial<Omit<TransferSettings, 'downloadFolder'>>): Promise<TransferSettings> {
    const { engine } = await this.start();
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next = sanitizeSettings({ ...engine.currentSettings, ...defined, downloadFolder: engine.currentSettings.downloadFolder });
    await this.settingsStore.save(next);
    engine.configure(next);
    return this.getSettings();
  }

  async chooseDownloadFolder(): Promise<TransferSettings> {
    const { engine } = await this.start();
    const current = engine.currentSettings.downloadFolder || this.defaultFolder();
    const chosen = await this.options.host.chooseFolder({ title: 'Default download folder', buttonLabel: 'Use this folder', defaultPath: current });
    if (chosen) {
      const next = { ...engine.currentSettings, downloadFolder: chosen };
      await this.settingsStore.save(next);
      engine.configure(next);
    }
    return this.getSettings();
  }

  /** Credentials of a profile were refreshed: items waiting for them continue. */
  credentialsRefreshed(profileId: string): void {
    if (this.ready) void this.ready.then(({ engine }) => engine.credentialsRefreshed(profileId));
  }

  private cacheDir(): string {
    return join(this.options.userDataDir, 'transfers', 'open-cache');
  }

  private defaultFolder(): string {
    return this.options.defaultDownloadFolder ?? join(homedir(), 'Downloads');
  }
}

function notFound(): AppException {
  return new AppException({ code: 'NotFound', message: 'That transfer is no longer in the list.', hint: 'Refresh the transfers panel.' });
}

