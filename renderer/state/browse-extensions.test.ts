import { describe, expect, it } from 'vitest';
import {
  acceptsDrops,
  addDropHandler,
  addObjectActions,
  addPreviewActions,
  addToolbarActions,
  currentFileOpener,
  dropFiles,
  extraActions,
  objectsChanged,
  onObjectsChanged,
  previewActions,
  setFileOpener,
  toolbarActions,
  type BrowseContext,
  type ObjectChange,
} from './browse-extensions';

const ctx: BrowseContext = { profileId: 'p', bucket: 'b', prefix: 'docs/', items: [{ key: 'docs/a.txt', isPrefix: false }] };

describe('browse extension points', () => {
  it('adds and removes context-menu actions from other features', () => {
    expect(extraActions(ctx)).toEqual([]);
    const remove = addObjectActions((c) => [{ id: 'download', label: `Download ${c.items.length}`, run: () => undefined }]);
    expect(extraActions(ctx).map((i) => i.label)).toEqual(['Download 1']);
    remove();
    expect(extraActions(ctx)).toEqual([]);
  });

  it('hands dropped files to the registered handler only while it is registered', () => {
    const got: Array<[string, number]> = [];
    expect(acceptsDrops()).toBe(false);
    const remove = addDropHandler((c, files) => got.push([c.prefix, files.length]));
    expect(acceptsDrops()).toBe(true);
    dropFiles(ctx, [new File(['x'], 'x.txt')]);
    remove();
    dropFiles(ctx, [new File(['y'], 'y.txt')]);
    expect(got).toEqual([['docs/', 1]]);
    expect(acceptsDrops()).toBe(false);
  });

  it('passes object changes to listeners until they stop listening', () => {
    const seen: ObjectChange[] = [];
    const stop = onObjectsChanged((c) => seen.push(c));
    objectsChanged({ profileId: 'p', bucket: 'b', key: 'docs/new.txt' });
    stop();
    objectsChanged({ profileId: 'p', bucket: 'b', key: 'docs/late.txt' });
    expect(seen.map((c) => c.key)).toEqual(['docs/new.txt']);
  });

  it('keeps one file opener, removed only by its own remover', () => {
    expect(currentFileOpener()).toBeNull();
    const first = () => undefined;
    const second = () => undefined;
    const removeFirst = setFileOpener(first);
    const removeSecond = setFileOpener(second);
    removeFirst();
    expect(currentFileOpener()).toBe(second);
    removeSecond();
    expect(currentFileOpener()).toBeNull();
  });

  it('offers preview buttons from providers for the previewed key', () => {
    const remove = addPreviewActions((c) => [{ id: 'saveAs', label: `Save ${c.key}`, run: () => undefined }]);
    expect(previewActions({ profileId: 'p', bucket: 'b', key: 'a.bin' }).map((i) => i.label)).toEqual(['Save a.bin']);
    remove();
    expect(previewActions({ profileId: 'p', bucket: 'b', key: 'a.bin' })).toEqual([]);
  });

  it('offers toolbar buttons from providers for the folder on screen', () => {
    const remove = addToolbarActions((c) => [{ id: 'upload', label: `Upload to ${c.prefix}`, run: () => undefined }]);
    expect(toolbarActions(ctx).map((i) => i.label)).toEqual(['Upload to docs/']);
    remove();
    expect(toolbarActions(ctx)).toEqual([]);
  });
});
