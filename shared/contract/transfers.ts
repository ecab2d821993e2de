/**
 * Transfers feature channels: uploads and downloads run by main's engine, never the page.
 * Local paths reach main only from a native dialog main runs or from files the user dropped
 * (getPathForFile) — and dropped paths are only ever read (uploaded), never written. The
 * queue can hold 100,000 items, so the list is paged and progress arrives in batches
 * (at most 4 events a second), never one message per chunk.
 */
import { z } from 'zod';
import type { AppError } from '../errors';
import { keyByteLength } from '../oss-path';
import { evt, out, req, type EventTable, type RequestTable } from './define';

export const TRANSFER_STATES = [
  'queued',
  'preparing',
  'running',
  'verifying',
  'paused',
  'waiting-credentials',
  'done',
  'skipped',
  'failed',
  'cancelled',
] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];

/** What to do when a target already exists. 'ask' shows a plan before the batch starts. */
export const CONFLICT_POLICIES = ['ask', 'overwrite', 'skip', 'skip-identical', 'keep-both'] as const;
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];

export type TransferDirection = 'upload' | 'download';

/** Why an item shows a note: resumed after a restart, retried after a stall, etc. */
export type TransferNote =
  | { kind: 'resumed'; percent: number }
  | { kind: 'retrying'; attempt: number; reason: 'stalled' | 'network' | 'server' | 'integrity' }
  | { kind: 'renamed'; to: string }
  | { kind: 'skipped'; reason: 'exists' | 'identical' };

/** One row of the transfer panel. Sizes in bytes; times ISO 8601. */
export interface TransferItem {
  id: string;
  batchId: string;
  direction: TransferDirection;
  profileId: string;
  bucket: string;
  key: string;
  /** The local file's name for display (never a path the page may send back). */
  localName: string;
  /** The local folder shown as a hint ("~/Downloads/photos"), display only. */
  localFolder: string;
  size: number | null;
  transferred: number;
  state: TransferState;
  /** True only after the CRC-64 of what arrived equals the source's. */
  verified: boolean;
  /** Bytes per second over the last few seconds; 0 when idle. */
  speed: number;
  etaSeconds: number | null;
  error?: AppError;
  note?: TransferNote;
  createdAt: string;
  finishedAt?: string;
}

/** Queue-wide numbers for the panel's header and the taskbar. */
export interface TransferTotals {
  items: number;
  active: number;
  queued: number;
  paused: number;
  failed: number;
  done: number;
  bytesTotal: number;
  bytesDone: number;
  speed: number;
  /** Folders still being walked: their files are not all counted yet. */
  walking: number;
}

/** A batched update: only items that changed since the last event (at most 4 a second). */
export interface TransferProgressEvent {
  items: TransferItem[];
  /** Items no longer in the queue (cleared or cancelled-and-removed). */
  removed: string[];
  totals: TransferTotals;
}

/** Shown before a batch with conflicts starts ("42 new, 3 changed, 1 identical"). */
export interface ConflictPlan {
  batchId: string;
  direction: TransferDirection;
  /** Where the batch goes: "oss://bucket/prefix/" or a local folder name. */
  target: string;
  newCount: number;
  changedCount: number;
  identicalCount: number;
  /** A few of the conflicting names (up to 20) so the prompt can show examples. */
  examples: string[];
  /** The plan covers every file (false while a large folder is still being walked). */
  complete: boolean;
}

/** Settings the panel edits; persisted by main. `downloadFolder` changes only through a dialog. */
export interface TransferSettings {
  parallelFiles: number;
  parallelParts: number;
  /** Part size in bytes, or 'auto' (chosen per file so parts stay ≤ 10,000). */
  partSize: number | 'auto';
  /** Bytes per second across all uploads / downloads; 0 = unlimited. */
  bandwidthUp: number;
  bandwidthDown: number;
  conflictDefault: ConflictPolicy;
  /** Display path of the default download folder ('' until chosen: Downloads). */
  downloadFolder: string;
}

export interface TransferListPage {
  items: TransferItem[];
  total: number;
  totals: TransferTotals;
}

/** The answer of an enqueue: null batch when the user cancelled the native dialog. */
export interface EnqueueResult {
  batchId: string | null;
  /** Files queued so far (folders keep adding while they are walked). */
  queued: number;
  /** Dropped paths that could not be uploaded (missing, not a file or folder), with why. */
  rejected: Array<{ name: string; reason: string }>;
}

/** What became of a drag out of the list. */
export type DragOutResult = { kind: 'dragging'; files: number } | ({ kind: 'queued' } & EnqueueResult);

/** A drag out of the list hands files to the OS itself only up to these (else the queue takes them). */
export const DRAG_OUT_MAX_FILES = 20;
export const DRAG_OUT_MAX_BYTES = 64 * 1024 * 1024;

const MAX_IDS = 10_000;
const profileId = z.string().min(1).max(200);
const bucket = z.string().min(3).max(63);
const key = z
  .string()
  .min(1)
  .max(1023)
  .refine((k) => keyByteLength(k) <= 1023, 'An object key can be at most 1023 bytes.');
/** '' (bucket root) or a folder key ending with '/'. */
const prefix = z
  .string()
  .max(1023)
  .refine((p) => keyByteLength(p) <= 1023, 'A prefix can be at most 1023 bytes.')
  .refine((p) => p === '' || p.endsWith('/'), 'A folder must end with "/".');
const id = z.string().min(1).max(100);
/** Items by id, or every item in the queue. */
const target = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ ids: z.array(id).min(1).max(MAX_IDS) }),
]);
const conflict = z.enum(CONFLICT_POLICIES);
const destination = z.object({ profileId, bucket, prefix });
const downloadItem = z
  .object({ key, isPrefix: z.boolean() })
  .refine((i) => !i.isPrefix || i.key.endsWith('/'), { message: 'A folder key must end with "/".', path: ['key'] });
const GiB = 1024 ** 3;

export const requests = {
  /**
   * Queues dropped files and folders (paths from getPathForFile). Main checks each exists
   * and is a regular file or folder, and only reads it. Folders are walked lazily.
   */
  'transfers:upload-paths': req(
    z.object({
      ...destination.shape,
      paths: z.array(z.string().min(1).max(4096)).min(1).max(MAX_IDS),
      conflict: conflict.optional(),
    }),
    out<EnqueueResult>(),
  ),
  /** Main opens the native "Upload files…" or "Upload folder…" dialog, then queues the answer. */
  'transfers:upload-dialog': req(
    z.object({ ...destination.shape, kind: z.enum(['files', 'folder']), conflict: conflict.optional() }),
    out<EnqueueResult>(),
  ),
  /**
   * Downloads objects and folders. Names are kept relative to `basePrefix` (the folder on
   * screen). 'default' uses the download folder from settings; 'choose' asks with a dialog.
   */
  'transfers:download': req(
    z.object({
      profileId,
      bucket,
      basePrefix: prefix,
      items: z.array(downloadItem).min(1).max(MAX_IDS),
      destination: z.enum(['default', 'choose']),
      conflict: conflict.optional(),
    }),
    out<EnqueueResult>(),
  ),
  /** "Save as…": one object to a file the user names in the native save dialog. */
  'transfers:save-as': req(z.object({ profileId, bucket, key }), out<EnqueueResult>()),
  /**
   * Dragging objects out of the list to the desktop: a few small files are fetched to the
   * cache (verified) and handed to the OS drag; folders, large or many files go through the
   * queue to the download folder instead ('queued', so the page can say so).
   */
  'transfers:drag-out': req(
    z.object({
      profileId,
      bucket,
      basePrefix: prefix,
      items: z.array(downloadItem).min(1).max(MAX_IDS),
      /** Sizes from the listing, in item order (folders 0): only used to choose the route. */
      sizes: z.array(z.number().int().min(0).max(64 * 1024 * GiB)).max(MAX_IDS),
    }),
    out<DragOutResult>(),
  ),
  /** "Open with default app": downloads to the cache folder (verified), then opens it. */
  'transfers:open-object': req(z.object({ profileId, bucket, key }), out<{ itemId: string }>()),

  /** One page of the queue, oldest first. */
  'transfers:list': req(
    z.object({ offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(1000).default(500) }),
    out<TransferListPage>(),
  ),
  'transfers:pause': req(target, out<void>()),
  'transfers:resume': req(target, out<void>()),
  /** Stops items and removes what they left behind (multipart uploads aborted, temp files deleted). */
  'transfers:cancel': req(target, out<void>()),
  /** Re-queues failed or cancelled items. */
  'transfers:retry': req(target, out<void>()),
  /** Removes done, skipped and cancelled items from the list; returns how many. */
  'transfers:clear-finished': req(z.undefined(), out<{ removed: number }>()),
  /** Shows the local file of an item in the OS file manager. */
  'transfers:reveal': req(z.object({ id }), out<void>()),
  /** Opens the local file of a finished download with the OS's default app. */
  'transfers:open-local': req(z.object({ id }), out<void>()),

  /** Answers a conflict plan: the policy applies to every conflict of the batch; 'cancel' drops it. */
  'transfers:conflict-answer': req(
    z.object({
      batchId: id,
      policy: z.enum(['overwrite', 'skip', 'skip-identical', 'keep-both', 'cancel']),
      /** Also make this the default for later batches (settings' conflict default). */
      remember: z.boolean().default(false),
    }),
    out<void>(),
  ),
  /** Conflict plans still waiting for an answer (e.g. after the panel was reopened). */
  'transfers:conflict-pending': req(z.undefined(), out<ConflictPlan[]>()),

  'transfers:settings-get': req(z.undefined(), out<TransferSettings>()),
  /** Changes settings (all optional); returns the saved settings. */
  'transfers:settings-set': req(
    z.object({
      parallelFiles: z.number().int().min(1).max(16).optional(),
      parallelParts: z.number().int().min(1).max(32).optional(),
      partSize: z.union([z.literal('auto'), z.number().int().min(100 * 1024).max(5 * GiB)]).optional(),
      bandwidthUp: z.number().int().min(0).max(100 * GiB).optional(),
      bandwidthDown: z.number().int().min(0).max(100 * GiB).optional(),
      conflictDefault: conflict.optional(),
    }),
    out<TransferSettings>(),
  ),
  /** Main opens a folder dialog and saves the answer as the default download folder. */
  'transfers:choose-download-folder': req(z.undefined(), out<TransferSettings>()),
} satisfies RequestTable;

export const events = {
  /** Changed items and totals, at most 4 a second. */
  'transfers:progress': evt<TransferProgressEvent>(),
  /** A batch has conflicts and the policy is 'ask': answer with transfers:conflict-answer. */
  'transfers:conflict-plan': evt<ConflictPlan>(),
  /** A batch finished (every item done, skipped, failed or cancelled). */
  'transfers:batch-finished': evt<{ batchId: string; done: number; failed: number; skipped: number }>(),
} satisfies EventTable;
