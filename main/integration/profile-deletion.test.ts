/**
 * Deleting a profile removes what other features keep for it: the profile service runs its
 * onDeleted hooks, and the app context wires the bookmark store to them.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpointSchema, type ResolvedProfileInput } from '../../shared/profile-types';
import { createAppContext, type AppContext } from '../app-context';
import { createMemoryLogger } from '../services/log/logger';
import { MemorySecretStore } from '../services/secrets/memory-secret-store';
import { ProfileService } from '../services/profiles/profile-service';
import { ProfileStore } from '../services/profiles/profile-store';

let dir: string;
let ctx: AppContext | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'profile-deletion-'));
});
afterEach(async () => {
  await ctx?.previewServer.close();
  await ctx?.profiles.close();
  ctx = undefined;
  await rm(dir, { recursive: true, force: true });
});

const input = (name: string, sessionOnly = false): ResolvedProfileInput => ({
  name,
  credentials: { type: 'access-key', accessKeyId: 'LTAI5tDeletionTest01', accessKeySecret: 'Deletion-Secret-1' },
  endpoint: endpointSchema.parse({}),
  sessionOnly,
});

describe('profile deletion', () => {
  it('runs every onDeleted hook for saved and session-only profiles; a failing hook neither stops the others nor restores the profile', async () => {
    const seen: string[] = [];
    const hooks = [(id: string) => void seen.push(`a:${id}`), async (id: string) => void seen.push(`b:${id}`)];
    const svc = new ProfileService({ store: new ProfileStore(dir), secrets: new MemorySecretStore(), onDeleted: hooks });
    const saved = await svc.add(input('saved'));
    const temp = await svc.add(input('temp', true));
    await svc.delete(saved.id);
    await svc.delete(temp.id);
    expect(seen).toEqual([`a:${saved.id}`, `b:${saved.id}`, `a:${temp.id}`, `b:${temp.id}`]);
    // An unknown profile is an error before any hook runs.
    await expect(svc.delete('no-such-id')).rejects.toMatchObject({ code: 'NotFound' });
    expect(seen).toHaveLength(4);

    hooks.unshift(() => Promise.reject(new Error('disk full')));
    const third = await svc.add(input('third'));
    await expect(svc.delete(third.id)).rejects.toThrow('disk full');
    expect(seen.slice(-2)).toEqual([`a:${third.id}`, `b:${third.id}`]);
    expect(await svc.list()).toEqual([]);
  });

  it('the app deletes a profile\'s bookmarks with it and keeps the other profiles\' bookmarks', async () => {
    const log = createMemoryLogger();
    ctx = createAppContext({ userDataDir: dir, log, emit: () => undefined, openExternal: async () => undefined, secrets: new MemorySecretStore(), sandboxInMemory: true });
    const gone = await ctx.profiles.add(input('gone'), false);
    const kept = await ctx.profiles.add(input('kept', true), false);
    await ctx.browse.bookmarks.add(gone.id, 'photos', '2024/');
    await ctx.browse.bookmarks.add(kept.id, 'photos', 'kept/');
    await ctx.profiles.delete(gone.id);
    expect(await ctx.browse.bookmarks.list(gone.id)).toEqual([]);
    expect((await ctx.browse.bookmarks.list(kept.id)).map((b) => b.prefix)).toEqual(['kept/']);
    expect(await readFile(join(dir, 'bookmarks.json'), 'utf8')).not.toContain(gone.id);

    // A bookmarks file that cannot be parsed does not stop a deletion: it is logged instead.
    await writeFile(join(dir, 'bookmarks.json'), '{not json');
    await ctx.profiles.delete(kept.id);
    expect((await ctx.profiles.list()).profiles).toEqual([]);
    expect(log.lines.join('\n')).toMatch(/Could not remove the bookmarks of a deleted profile/);
  });
});
