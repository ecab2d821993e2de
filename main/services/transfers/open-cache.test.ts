import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneOpenCache } from './open-cache';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('open cache', () => {
  it('removes copies older than a day and keeps recent ones (and the folder itself)', async () => {
    dir = await mkdtemp(join(tmpdir(), 'open-cache-'));
    const cache = join(dir, 'open-cache');
    for (const name of ['old', 'new']) {
      await mkdir(join(cache, name), { recursive: true });
      await writeFile(join(cache, name, 'report.pdf'), 'pdf');
    }
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    await utimes(join(cache, 'old'), twoDaysAgo, twoDaysAgo);
    expect(await pruneOpenCache(cache)).toBe(1);
    expect(await readdir(cache)).toEqual(['new']);
    expect(await pruneOpenCache(join(dir, 'missing'))).toBe(0);
  });
});
