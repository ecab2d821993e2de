import { mkdtemp, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_VERSION, migrate, ProfileStore, type StoreFs } from './profile-store';
import type { ProfileRecord } from '../../../shared/profile-types';
import { endpointSchema } from '../../../shared/profile-types';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profile-store-'));
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

describe('ProfileStore', () => {
  it('starts empty, writes versioned JSON atomically, leaves no temp files', async () => {
    const store = new ProfileStore(dir);
    expect(await store.read()).toEqual({ version: CURRENT_VERSION, profiles: [] });
    await store.update((f) => ({ ...f, profiles: [record('a')] }));
    const onDisk = JSON.parse(await readFile(join(dir, 'profiles.json'), 'utf8'));
    expect(onDisk.version).toBe(CURRENT_VERSION);
    expect(onDisk.profiles.map((p: ProfileRecord) => p.id)).toEqual(['a']);
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });

  it('serialises concurrent updates so none is lost', async () => {
    const store = new ProfileStore(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.update((f) => ({ ...f, profiles: [...f.profiles, record(`p${i}`)] }))));
    expect((await store.read()).profiles).toHaveLength(20);
  });

  it('migrates a v0 array and a v1 file with flat role fields', async () => {
    expect(migrate([record('x')]).profiles[0]!.id).toBe('x');
    const v1 = { version: 1, profiles: [{ ...record('r'), settings: undefined, type: 'ram-role', roleArn: 'acs:ram::1:role/a', durationSeconds: 900 }] };
    const migrated = migrate(v1);
    expect(migrated.version).toBe(2);
    expect(migrated.profiles[0]!.settings).toEqual({ roleArn: 'acs:ram::1:role/a', durationSeconds: 900 });
    expect('roleArn' in migrated.profiles[0]!).toBe(false);
  });

  it('refuses a file from a newer app instead of overwriting it', async () => {
    await writeFile(join(dir, 'profiles.json'), JSON.stringify({ version: 99, profiles: [] }));
    await expect(new ProfileStore(dir).read()).rejects.toThrow(/newer OSS Browser/);
  });
});

describe('ProfileStore atomic write (issue 15 blind spot)', () => {
  /** An fs whose file handles write the first half of the data, then fail as a full disk would. */
  const halfWriting = (): StoreFs => ({
    rename,
    open: (async (path: string, flags: string, mode?: number) => {
      const handle = await open(path, flags, mode);
      return new Proxy(handle, {
        get(target, prop, receiver) {
          if (prop === 'writeFile') {
            return async (data: string) => {
              await target.write(data.slice(0, Math.floor(data.length / 2)));
              throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
            };
          }
          const value = Reflect.get(target, prop, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    }) as StoreFs['open'],
  });

  it('keeps the old profiles.json intact when the disk fills half-way through a write, and leaves no temp file', async () => {
    await new ProfileStore(dir).update((f) => ({ ...f, profiles: [record('kept')] }));
    const before = await readFile(join(dir, 'profiles.json'), 'utf8');
    const failing = new ProfileStore(dir, halfWriting());
    await expect(failing.update((f) => ({ ...f, profiles: [...f.profiles, record('x'.repeat(5000))] }))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readFile(join(dir, 'profiles.json'), 'utf8')).toBe(before);
    expect((await new ProfileStore(dir).read()).profiles.map((p) => p.id)).toEqual(['kept']);
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });

  it('keeps the old file when the rename fails, and leaves no temp file', async () => {
    await new ProfileStore(dir).update((f) => ({ ...f, profiles: [record('kept')] }));
    const failing = new ProfileStore(dir, { open, rename: async () => Promise.reject(Object.assign(new Error('EPERM'), { code: 'EPERM' })) });
    await expect(failing.update((f) => ({ ...f, profiles: [] }))).rejects.toMatchObject({ code: 'EPERM' });
    expect((await new ProfileStore(dir).read()).profiles.map((p) => p.id)).toEqual(['kept']);
    expect(await readdir(dir)).toEqual(['profiles.json']);
  });
});
