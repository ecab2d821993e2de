import { describe, expect, it } from 'vitest';
import { acceptsDrops, addDropHandler, addObjectActions, dropFiles, extraActions, type BrowseContext } from './extension-points';

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
});
