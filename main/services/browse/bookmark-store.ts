/**
 * Bookmarks per profile in one JSON file in the user data folder. Writes are atomic (temp
 * file + rename) and serialised, so a crash or two quick clicks never leave a torn file.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Bookmark } from '../../../shared/object-types';
import { formatOssPath } from '../../../shared/oss-path';

interface BookmarkFile {
  version: 1;
  profiles: Record<string, Bookmark[]>;
}

/** Reads and writes `bookmarks.json` in `dir`. */
export class BookmarkStore {
  private readonly file: string;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    dir: string,
    private readonly clock: () => number = Date.now,
  ) {
    this.file = path.join(dir, 'bookmarks.json');
  }

  async list(profileId: string): Promise<Bookmark[]> {
    await this.queue;
    return (await this.read()).profiles[profileId] ?? [];
  }

  /** Adds a bookmark, or renames the existing one for the same location. */
  add(profileId: string, bucket: string, prefix: string, name?: string): Promise<Bookmark[]> {
    return this.update(profileId, (list) => {
      const label = name?.trim() || formatOssPath({ bucket, prefix });
      const existing = list.find((b) => b.bucket === bucket && b.prefix === prefix);
      if (existing) {
        existing.name = label;
        return list;
      }
      return [...list, { bucket, prefix, name: label, createdAt: this.clock() }];
    });
  }

  remove(profileId: string, bucket: string, prefix: string): Promise<Bookmark[]> {
    return this.update(profileId, (list) => list.filter((b) => !(b.bucket === bucket && b.prefix === prefix)));
  }

  /** Drops a deleted profile's bookmarks. */
  removeProfile(profileId: string): Promise<Bookmark[]> {
    return this.update(profileId, () => []);
  }

  private update(profileId: string, change: (list: Bookmark[]) => Bookmark[]): Promise<Bookmark[]> {
    const next = this.queue.then(async () => {
      const data = await this.read();
      const list = change([...(data.profiles[profileId] ?? [])]);
      if (list.length === 0) delete data.profiles[profileId];
      else data.profiles[profileId] = list;
      await this.write(data);
      return list;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async read(): Promise<BookmarkFile> {
    try {
      const parsed = JSON.parse(await fs.readFile(this.file, 'utf8')) as Partial<BookmarkFile>;
      return { version: 1, profiles: parsed.profiles && typeof parsed.profiles === 'object' ? parsed.profiles : {} };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, profiles: {} };
      throw error;
    }
  }

  private async write(data: BookmarkFile): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temp, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
    await fs.rename(temp, this.file);
  }
}
