import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowseServices, type BrowseServices } from './browse-services';
import { eventLog } from '../../test-support/collect-events';
import { startBrowseFixture, type BrowseFixture } from '../../test-support/emulator-fixture';

describe('text preview of a binary file, against the emulator', () => {
  let fx: BrowseFixture;
  let svc: BrowseServices;
  const bucket = 'binary-preview';

  beforeAll(async () => {
    fx = await startBrowseFixture();
    await fx.createBucket(bucket);
    await fx.seed(bucket, [
      // A text-like name with zip bytes, as a renamed .docx would be.
      { key: 'notes.txt', body: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]) },
      { key: 'real.txt', body: 'just text' },
    ]);
    svc = createBrowseServices({ clients: fx.clients, dataDir: await mkdtemp(path.join(os.tmpdir(), 'bin-')), ...eventLog(), progressIntervalMs: 0 });
  });
  afterAll(async () => fx?.close());

  it('says binary and sends no text for NUL bytes near the start; text still decodes', async () => {
    expect(await svc.preview.readText('p', bucket, 'notes.txt', 1024)).toEqual({ text: '', encoding: '', truncated: false, size: 10, binary: true });
    expect(await svc.preview.readText('p', bucket, 'real.txt', 1024)).toEqual({ text: 'just text', encoding: 'utf-8', truncated: false, size: 9 });
  });
});
