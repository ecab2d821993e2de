import { describe, expect, it } from 'vitest';
import type { OperationProgress } from '../../../shared/object-types';
import { rowFromModel, succeeded, type Item } from './browse-actions';
import { ListingModel } from './model/listing-model';

const final = (failed: string[], extra: Partial<OperationProgress> = {}): OperationProgress => ({
  operationId: 'op',
  kind: 'delete',
  done: 5,
  total: 5,
  scanning: false,
  failed: failed.map((key) => ({ key, code: 'AccessDenied', message: 'no' })),
  failedCount: failed.length,
  finished: true,
  cancelled: false,
  ...extra,
});

const items: Item[] = [
  { bucket: 'b', key: 'p/a.txt', isPrefix: false, rowId: 0 },
  { bucket: 'b', key: 'p/dir/', isPrefix: true, rowId: 1 },
  { bucket: 'b', key: 'p/dir2/', isPrefix: true, rowId: 2 },
  { bucket: 'b', key: 'p/b.txt', isPrefix: false, rowId: 3 },
];

describe('after a long operation', () => {
  it('counts an item as done only when no key under it failed', () => {
    expect(succeeded(items, final([])).map((i) => i.rowId)).toEqual([0, 1, 2, 3]);
    expect(succeeded(items, final(['p/dir/deep/x.bin', 'p/b.txt'])).map((i) => i.rowId)).toEqual([0, 2]);
    expect(succeeded(items, final([], { cancelled: true, done: 0 }))).toEqual([]);
  });

  it('rebuilds a renamed row from the columns with the new key', () => {
    const m = new ListingModel(2);
    m.append([{ key: 'p/old.txt', name: 'old.txt', isPrefix: false, size: 42, lastModified: 7, etag: 'E', storageClass: 'IA', type: 'Normal' }]);
    expect(rowFromModel(m, 0, 'p/new name.txt')).toEqual({
      key: 'p/new name.txt',
      name: 'new name.txt',
      isPrefix: false,
      size: 42,
      lastModified: 7,
      etag: 'E',
      storageClass: 'IA',
      type: 'Normal',
    });
    m.append([{ key: 'p/dir/', name: 'dir', isPrefix: true, size: 0, lastModified: 0, etag: '', storageClass: '' }]);
    expect(rowFromModel(m, 1, 'p/renamed/')).toMatchObject({ key: 'p/renamed/', name: 'renamed', isPrefix: true });
  });
});
