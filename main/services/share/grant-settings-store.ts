/**
 * The role ARN and STS address each profile last granted access with, in one JSON file in
 * the user data folder (no secret: an ARN and a URL). Writes are atomic and serialised.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface GrantSettings {
  roleArn: string;
  stsEndpoint: string;
}

export class GrantSettingsStore {
  private readonly file: string | undefined;
  private data: Record<string, GrantSettings> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  /** `dir` undefined keeps the settings in memory (tests). */
  constructor(dir: string | undefined) {
    this.file = dir ? path.join(dir, 'share-settings.json') : undefined;
  }

  async get(profileId: string): Promise<GrantSettings | undefined> {
    return (await this.load())[profileId];
  }

  set(profileId: string, settings: GrantSettings): Promise<void> {
    return this.change((d) => (d[profileId] = settings));
  }

  /** Drops a deleted profile's settings. */
  removeProfile(profileId: string): Promise<void> {
    return this.change((d) => delete d[profileId]);
  }

  private change(edit: (d: Record<string, GrantSettings>) => unknown): Promise<void> {
    const next = this.queue.then(async () => {
      const d = await this.load();
      edit(d);
      if (!this.file) return;
      const tmp = `${this.file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, JSON.stringify({ version: 1, profiles: d }, null, 2));
      await fs.rename(tmp, this.file);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<Record<string, GrantSettings>> {
    if (this.data) return this.data;
    let profiles: Record<string, GrantSettings> = {};
    if (this.file) {
      try {
        const parsed = JSON.parse(await fs.readFile(this.file, 'utf8')) as { profiles?: Record<string, GrantSettings> };
        if (parsed.profiles && typeof parsed.profiles === 'object') profiles = parsed.profiles;
      } catch {
        // Missing or unreadable: start empty (the user re-enters a role ARN; nothing else is lost).
      }
    }
    this.data = profiles;
    return profiles;
  }
}
