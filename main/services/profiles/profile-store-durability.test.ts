/**
 * The atomic profiles.json write in the order that makes it survive a power cut: the new
 * content goes to a temp file next to profiles.json, is fsynced and closed, and only then
 * renamed over the old file. Without the fsync a crash right after the rename can leave an
 * empty profiles.json on ext4/XFS — no test of the bytes alone can see that, so the order
 * of the file operations is recorded here.
 */
import { mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpointSchema, type ProfileRecord } from '../../../shared/profile-types';
import { ProfileStore, type StoreFs } from './profile-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profile-durable-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const record = (id: string): ProfileRecord => ({
  id,
  name: id,
  type: 'access-key',
  settings: {},
  endpoint: endpointSchema.parse({}),
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
});

/** Real file operations that also log what was done to which path, in order. */
function recordingFs(steps: string[]): StoreFs {
  return {
    rename: (async (from: string, to: string) => {
      steps.push(`rename ${from} -> ${to}`);
      await rename(from, to);
    }) as StoreFs['rename'],
    open: (async (path: string, flags: string, mode?: number) => {
      steps.push(`open ${path} ${flags} ${mode?.toString(8)}`);
      const handle = await open(path, flags, mode);
      return new Proxy(handle, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (typeof prop === 'string') steps.push(prop);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    }) as StoreFs['open'],
  };
}

describe('ProfileStore durable write', () => {
  it('writes a temp file beside profiles.json, fsyncs and closes it, then renames it over the old file', async () => {
    const steps: string[] = [];
    const store = new ProfileStore(dir, recordingFs(steps));
    await store.update((f) => ({ ...f, profiles: [record('a')] }));
    const file = join(dir, 'profiles.json');
    const opened = /^open (\S+) w 600$/.exec(steps[0] ?? '');
    expect(opened, steps.join('\n')).not.toBeNull();
    const tmp = opened![1]!;
    expect(tmp).not.toBe(file);
    expect(dirname(tmp)).toBe(dir);
    expect(steps.slice(1)).toEqual(['writeFile', 'sync', 'close', `rename ${tmp} -> ${file}`]);
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });

  it('leaves profiles.json readable by its owner only', async () => {
    await new ProfileStore(dir).update((f) => ({ ...f, profiles: [record('a')] }));
    expect((await stat(join(dir, 'profiles.json'))).mode & 0o777).toBe(0o600);
  });

  it('uses a fresh temp name for each write, so two stores never share one', async () => {
    const steps: string[] = [];
    const store = new ProfileStore(dir, recordingFs(steps));
    await store.update((f) => ({ ...f, profiles: [record('a')] }));
    await new Promise((r) => setTimeout(r, 2));
    await store.update((f) => ({ ...f, profiles: [record('b')] }));
    const temps = steps.filter((s) => s.startsWith('open ')).map((s) => s.split(' ')[1]);
    expect(temps).toHaveLength(2);
    expect(new Set(temps).size).toBe(2);
  });
});
