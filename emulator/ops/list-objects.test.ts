/** The listing page walker: prefixes, delimiters, markers and limits on the sorted index. */
import { describe, expect, it } from 'vitest';
import { BucketState } from '../store/engine';
import type { ObjectRecord } from '../store/types';
import { listPage } from './list-objects';

function bucketWith(keys: string[]): BucketState {
  const state = new BucketState({ name: 'b', region: 'r', ownerAccountId: 'o', acl: 'private', storageClass: 'Standard', dataRedundancyType: 'LRS', createdAt: 0, cors: null }, null);
  for (const key of keys) {
    state.apply({ t: 'put', o: { key, size: 0, etag: '', crc64: '0', lastModified: 0, type: 'Normal', storageClass: 'Standard', acl: 'default', contentType: '', headers: {}, userMeta: {}, tags: [], segments: [] } satisfies ObjectRecord });
  }
  return state;
}

/** Pages through everything and returns keys and prefixes in the order served. */
function walk(state: BucketState, prefix: string, delimiter: string, maxKeys: number, start = ''): string[] {
  const out: string[] = [];
  let after = start;
  for (let guard = 0; guard < 1000; guard++) {
    const page = listPage(state, prefix, delimiter, after, maxKeys);
    out.push(...page.contents.map((o) => o.key), ...page.prefixes.map((p) => `[${p}]`));
    if (!page.truncated) return out;
    after = page.last as string;
  }
  throw new Error('listing did not end');
}

describe('listPage', () => {
  const keys = ['a', 'a/1', 'a/2', 'a/b/1', 'a0', 'b/', 'b/x', 'c', 'dir//x', 'dir/y', '😀', '\uffff'];
  const state = bucketWith(keys);

  it('with no delimiter serves every key once, in byte order, at any page size', () => {
    const sorted = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    for (const size of [1, 2, 3, 5, 100]) expect(walk(state, '', '', size)).toEqual(sorted);
  });

  it('rolls up common prefixes once each, even across page boundaries', () => {
    for (const size of [1, 2, 3, 100]) {
      const served = walk(state, '', '/', size);
      expect(served.filter((s) => s.startsWith('['))).toEqual(['[a/]', '[b/]', '[dir/]']);
      expect(served.filter((s) => !s.startsWith('['))).toEqual(['a', 'a0', 'c', '\uffff', '😀']);
    }
  });

  it('lists inside a prefix with a nested delimiter, including empty segments (a//b)', () => {
    expect(walk(state, 'a/', '/', 1)).toEqual(['a/1', 'a/2', '[a/b/]']);
    expect(walk(state, 'dir/', '/', 10)).toEqual(['dir/y', '[dir//]']);
  });

  it('starts after a marker, and a marker before the prefix starts at the prefix', () => {
    expect(walk(state, '', '', 100, 'b/')).toEqual(['b/x', 'c', 'dir//x', 'dir/y', '\uffff', '😀']);
    expect(walk(state, 'b', '', 100, 'a')).toEqual(['b/', 'b/x']);
    expect(walk(state, '', '/', 100, 'a/')).toEqual(['a0', 'c', '\uffff', '😀', '[b/]', '[dir/]']);
  });

  it('with max-keys 0 returns nothing and says whether more exist', () => {
    const page = listPage(state, '', '', '', 0);
    expect([page.contents.length, page.prefixes.length, page.truncated]).toEqual([0, 0, true]);
    expect(listPage(state, 'zzz', '', '', 0).truncated).toBe(false);
  });
});
