import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventChannel } from '../../../shared/ipc-contract';
import type { OperationProgress } from '../../../shared/object-types';
import { createAppContext } from '../../app-context';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';
import { createMemoryLogger } from '../../services/log/logger';
import { dispatch } from '../dispatch';
import type { HandlerTable } from '../handler-types';
import { createHandlerTable } from './index';

describe('browse channels through dispatch (validation, services, events, error mapping)', () => {
  let fx: BrowseFixture;
  let table: HandlerTable;
  const events: Array<{ event: EventChannel; payload: unknown }> = [];
  const bucket = 'ipc-bucket';

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(bucket);
    await fx.seed(bucket, Array.from({ length: 1500 }, (_, i) => ({ key: `f/${i}.txt`, body: 'x' })));
    const ctx = createAppContext({
      userDataDir: await mkdtemp(path.join(os.tmpdir(), 'ipc-browse-')),
      log: createMemoryLogger(),
      emit: (event, payload) => events.push({ event, payload }),
      openExternal: async () => undefined,
      clients: fx.clients,
    });
    table = createHandlerTable(ctx);
  });
  afterAll(async () => fx?.close());

  it('lists with defaults filled in by the schema (1000 keys, "/" delimiter)', async () => {
    const result = await dispatch(table, 'objects:list', { profileId: 'p', bucket, prefix: 'f/' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const page = result.value as { rows: unknown[]; nextToken: string | null };
    expect(page.rows).toHaveLength(1000);
    expect(page.nextToken).toEqual(expect.any(String));
    // Rows cross IPC by structured clone: plain data only.
    expect(structuredClone(page)).toEqual(page);
  });

  it('rejects a bad bucket name for create before any request', async () => {
    const before = fx.requests.length;
    const result = await dispatch(table, 'buckets:create', { profileId: 'p', name: '-bad-', region: fx.region });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidArgument', message: expect.stringContaining('hyphen') } });
    expect(fx.requests.length).toBe(before);
  });

  it('rejects a folder item without a trailing slash at the schema', async () => {
    const result = await dispatch(table, 'objects:delete-start', { profileId: 'p', bucket, items: [{ key: 'f', isPrefix: true }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidArgument', message: expect.stringContaining('must end with "/"') } });
  });

  it('maps OSS errors to code, message, request ID and hint', async () => {
    const result = await dispatch(table, 'buckets:delete', { profileId: 'p', bucket });
    expect(result).toMatchObject({ ok: false, error: { code: 'BucketNotEmpty', requestId: expect.any(String), hint: expect.any(String) } });
  });

  it('starts a delete and reports progress as objects:operation-progress events', async () => {
    const result = await dispatch(table, 'objects:delete-start', { profileId: 'p', bucket, items: [{ key: 'f/', isPrefix: true }] });
    expect(result.ok).toBe(true);
    const { operationId } = (result as { value: { operationId: string } }).value;
    await expect
      .poll(() => events.some((e) => e.event === 'objects:operation-progress' && (e.payload as OperationProgress).operationId === operationId && (e.payload as OperationProgress).finished), {
        timeout: 20_000,
      })
      .toBe(true);
    const last = events.filter((e) => e.event === 'objects:operation-progress').at(-1)!.payload as OperationProgress;
    expect(last).toMatchObject({ done: 1500, total: 1500, failedCount: 0 });
    expect(await dispatch(table, 'objects:count', { profileId: 'p', bucket, prefix: 'f/' })).toEqual({ ok: true, value: { objects: 0, bytes: 0, complete: true } });
  });
});
