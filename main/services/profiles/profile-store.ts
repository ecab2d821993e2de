/**
 * Profile metadata on disk: `profiles.json` in the user data folder, never a secret.
 * Written atomically (temp file, fsync, rename) so a crash leaves the old or the new file,
 * never half of one; versioned so later releases can migrate older files.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ProfileRecord } from '../../../shared/profile-types';

export const PROFILES_FILE = 'profiles.json';
export const CURRENT_VERSION = 2;

export interface ProfilesFile {
  version: number;
  profiles: ProfileRecord[];
  /** The profile opened last, reopened at start. */
  lastUsedId?: string;
}

type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * migrations[n] turns version n into n+1. v0 was a bare array of profiles; v1 had no
 * per-profile `settings` object (role fields sat on the profile itself).
 */
const migrations: Record<number, Migration> = {
  0: (data) => ({ version: 1, profiles: Array.isArray(data.profiles) ? data.profiles : [] }),
  1: (data) => ({
    ...data,
    version: 2,
    profiles: ((data.profiles as Array<Record<string, unknown>>) ?? []).map((p) => {
      if (p.settings) return p;
      const { roleArn, sessionName, durationSeconds, credentialsUri, ...rest } = p;
      const settings = Object.fromEntries(
        Object.entries({ roleArn, sessionName, durationSeconds, credentialsUri }).filter(([, v]) => v !== undefined),
      );
      return { ...rest, settings };
    }),
  }),
};

/** Brings any older file up to CURRENT_VERSION; refuses files from a newer app. */
export function migrate(raw: unknown): ProfilesFile {
  let data: Record<string, unknown> = Array.isArray(raw) ? { version: 0, profiles: raw } : { ...(raw as Record<string, unknown>) };
  let version = typeof data.version === 'number' ? data.version : 0;
  if (version > CURRENT_VERSION) {
    throw new Error(`profiles.json was written by a newer OSS Browser (format ${version}); update the app to open it.`);
  }
  while (version < CURRENT_VERSION) {
    const step = migrations[version];
    if (!step) throw new Error(`No migration from profiles.json format ${version}.`);
    data = step(data);
    version = data.version as number;
  }
  return data as unknown as ProfilesFile;
}

/** The file operations the atomic write uses; tests pass ones that fail half-way. */
export interface StoreFs {
  open: typeof open;
  rename: typeof rename;
}

export class ProfileStore {
  private readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly fs: StoreFs;

  constructor(userDataDir: string, fs: StoreFs = { open, rename }) {
    this.file = join(userDataDir, PROFILES_FILE);
    this.fs = fs;
  }

  get path(): string {
    return this.file;
  }

  async read(): Promise<ProfilesFile> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: CURRENT_VERSION, profiles: [] };
      throw err;
    }
    return migrate(JSON.parse(text));
  }

  /** Read-modify-write, one at a time, so two quick edits cannot lose each other. */
  update(change: (file: ProfilesFile) => ProfilesFile | void): Promise<ProfilesFile> {
    const run = this.queue.then(async () => {
      const current = await this.read();
      const next = change(current) ?? current;
      await this.writeAtomic({ ...next, version: CURRENT_VERSION });
      return next;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeAtomic(data: ProfilesFile): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    // The old file is replaced only by a complete, synced new one; any failure (a full disk
    // half-way through, a failed rename) leaves the old file as it was and no temp file behind.
    try {
      const handle = await this.fs.open(tmp, 'w', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.fs.rename(tmp, this.file);
    } catch (err) {
      await rm(tmp, { force: true });
      throw err;
    }
  }
}
