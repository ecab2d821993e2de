/**
 * Transfer settings, persisted as JSON in the user data folder. Values are clamped to the
 * same ranges the IPC schema allows; the download folder changes only through a native
 * dialog main runs (the page never names a path).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFLICT_POLICIES, type TransferSettings } from '../../../shared/contract/transfers';
import { writeFileAtomic } from './atomic-file';
import { DEFAULT_SETTINGS } from './transfer-record';

const clamp = (v: unknown, min: number, max: number, fallback: number): number =>
  typeof v === 'number' && Number.isInteger(v) ? Math.min(max, Math.max(min, v)) : fallback;

/** Reads a settings object of unknown shape into valid settings. */
export function sanitizeSettings(raw: unknown): TransferSettings {
  const s = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  return {
    parallelFiles: clamp(s.parallelFiles, 1, 16, d.parallelFiles),
    parallelParts: clamp(s.parallelParts, 1, 32, d.parallelParts),
    partSize: s.partSize === 'auto' ? 'auto' : typeof s.partSize === 'number' ? clamp(s.partSize, 100 * 1024, 5 * 1024 ** 3, 8 * 1024 * 1024) : d.partSize,
    bandwidthUp: clamp(s.bandwidthUp, 0, 100 * 1024 ** 3, 0),
    bandwidthDown: clamp(s.bandwidthDown, 0, 100 * 1024 ** 3, 0),
    conflictDefault: (CONFLICT_POLICIES as readonly string[]).includes(String(s.conflictDefault)) ? (s.conflictDefault as TransferSettings['conflictDefault']) : d.conflictDefault,
    downloadFolder: typeof s.downloadFolder === 'string' && s.downloadFolder.length < 4096 ? s.downloadFolder : '',
  };
}

export class TransferSettingsStore {
  private readonly file: string;

  constructor(dir: string) {
    this.file = join(dir, 'transfer-settings.json');
  }

  async load(): Promise<TransferSettings> {
    const text = await readFile(this.file, 'utf8').catch(() => '{}');
    try {
      return sanitizeSettings(JSON.parse(text));
    } catch {
      return sanitizeSettings({});
    }
  }

  async save(settings: TransferSettings): Promise<void> {
    await writeFileAtomic(this.file, JSON.stringify(settings, null, 2));
  }
}
