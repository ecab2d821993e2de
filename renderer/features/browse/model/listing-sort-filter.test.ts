import { describe, expect, it } from 'vitest';
import { ListingColumns, naturalKey, extensionOf, type ListingRowInput } from './listing-columns';
import { ListingOrder, extendSorted, withoutDeleted, type SortSpec } from './sort-index';

const sortAll = (c: ListingColumns, spec: SortSpec) => new ListingOrder(c).sorted(spec);
import { filterIds } from './filter-index';

function row(key: string, size = 0, mtime = 0, storageClass = 'Standard'): ListingRowInput {
  const isFolder = key.endsWith('/');
  return { key, isFolder, size, lastModified: mtime, storageClass: isFolder ? '' : storageClass, objectType: isFolder ? '' : 'Normal', etag: '' };
}

function names(cols: ListingColumns, ids: Uint32Array): string[] {
  return Array.from(ids, (id) => cols.nameOf(id));
}

describe('listing columns', () => {
  it('strips the folder prefix for display names and interns classes and types', () => {
    const c = new ListingColumns('docs/'.length);
    c.append([row('docs/a.TXT', 3, 1, 'IA'), row('docs/sub/'), row('docs/b.txt', 1, 2, 'IA')]);
    expect(c.nameOf(0)).toBe('a.TXT');
    expect(c.isFolder(1)).toBe(true);
    expect(c.extOf(0)).toBe('txt');
    expect(c.typeIds[0]).toBe(c.typeIds[2]);
    expect(c.storageClassOf(2)).toBe('IA');
    expect(c.classes).toEqual(['', 'IA']);
  });

  it('sorts a folder by its name without the slash: "album" before "album (copy)"', () => {
    const c = new ListingColumns(0);
    c.append([row('album (copy)/'), row('album/'), row('album (copy 2)/')]);
    expect(names(c, sortAll(c, { column: 'name', direction: 'asc' }))).toEqual(['album/', 'album (copy 2)/', 'album (copy)/']);
  });

  it('natural keys order digit runs numerically and ignore case', () => {
    expect(naturalKey('File10') > naturalKey('file2')).toBe(true);
    expect(extensionOf('archive.tar.GZ')).toBe('gz');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('dir.d/')).toBe('');
  });
});

describe('sorting', () => {
  const c = new ListingColumns(0);
  c.append([row('b10.txt', 5, 300), row('zeta/'), row('B2.png', 50, 100, 'Archive'), row('a.txt', 50, 200, 'IA'), row('alpha/')]);

  it('sorts by name naturally with folders first, both directions', () => {
    expect(names(c, sortAll(c, { column: 'name', direction: 'asc' }))).toEqual(['alpha/', 'zeta/', 'a.txt', 'B2.png', 'b10.txt']);
    expect(names(c, sortAll(c, { column: 'name', direction: 'desc' }))).toEqual(['zeta/', 'alpha/', 'b10.txt', 'B2.png', 'a.txt']);
  });

  it('sorts by size, modified, type and storage class with name as tiebreak', () => {
    expect(names(c, sortAll(c, { column: 'size', direction: 'asc' })).slice(2)).toEqual(['b10.txt', 'a.txt', 'B2.png']);
    expect(names(c, sortAll(c, { column: 'modified', direction: 'desc' })).slice(2)).toEqual(['b10.txt', 'a.txt', 'B2.png']);
    expect(names(c, sortAll(c, { column: 'type', direction: 'asc' })).slice(2)).toEqual(['B2.png', 'a.txt', 'b10.txt']);
    expect(names(c, sortAll(c, { column: 'storageClass', direction: 'asc' })).slice(2)).toEqual(['b10.txt', 'a.txt', 'B2.png']);
  });

  it('merging appended pages equals a full sort, and deletions drop out', () => {
    const cols = new ListingColumns(0);
    const order = new ListingOrder(cols);
    let sorted: Uint32Array = new Uint32Array(0);
    const spec = { column: 'size', direction: 'desc' } as const;
    for (let p = 0; p < 5; p++) {
      const page: ListingRowInput[] = [];
      for (let i = 0; i < 200; i++) page.push(row(`k${(i * 7919 + p * 13) % 1000}-${p}-${i}`, (i * 31 + p) % 97, i));
      const from = cols.append(page);
      order.appended(from);
      sorted = extendSorted(order, cols, sorted, from, spec);
    }
    expect(Array.from(sorted)).toEqual(Array.from(sortAll(cols, spec)));
    cols.remove([0, 5, 999]);
    const pruned = withoutDeleted(cols, sorted);
    expect(pruned.length).toBe(997);
    expect(Array.from(pruned)).toEqual(Array.from(sortAll(cols, spec)));
  });

  it('sorts 100,000 rows correctly by every column', () => {
    const n = 100_000;
    const cols = new ListingColumns('big/'.length);
    const page: ListingRowInput[] = [];
    const classes = ['Standard', 'IA', 'Archive', 'ColdArchive'];
    for (let i = 0; i < n; i++) {
      const r = (i * 2654435761) % 1_000_003;
      page.push(row(`big/file-${r}.${['txt', 'png', 'jpg', 'log'][r % 4]}`, r % 5000, 1_700_000_000_000 + (r % 86_400_000), classes[r % 4]!));
    }
    const order = new ListingOrder(cols);
    for (let i = 0; i < n; i += 1000) order.appended(cols.append(page.slice(i, i + 1000)));
    for (const column of ['name', 'size', 'modified', 'type', 'storageClass'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const spec = { column, direction };
        const ids = order.sorted(spec);
        expect(ids.length).toBe(n);
        expect(new Set(ids).size).toBe(n);
        const cmp = order.comparator(spec);
        for (let i = 1; i < n; i++) if (cmp(ids[i - 1]!, ids[i]!) > 0) throw new Error(`${column} ${direction} out of order at ${i}`);
      }
    }
    const byName = order.sorted({ column: 'name', direction: 'asc' });
    const num = (id: number) => Number(/file-(\d+)/.exec(cols.nameOf(id))![1]);
    for (let i = 1; i < n; i++) if (num(byName[i - 1]!) > num(byName[i]!)) throw new Error(`natural order broken at ${i}`);
    const bySize = order.sorted({ column: 'size', direction: 'asc' });
    for (let i = 1; i < n; i++) expect(cols.sizes[bySize[i - 1]!]! <= cols.sizes[bySize[i]!]!).toBe(true);
  });
});

describe('filter', () => {
  it('matches case-insensitive substrings and keeps the sort order', () => {
    const c = new ListingColumns('p/'.length);
    c.append([row('p/Report-2024.PDF'), row('p/photos/'), row('p/notes.txt'), row('p/report-old.pdf')]);
    const sorted = sortAll(c, { column: 'name', direction: 'desc' });
    expect(names(c, filterIds(c, sorted, 'REPORT'))).toEqual(['report-old.pdf', 'Report-2024.PDF']);
    expect(names(c, filterIds(c, sorted, 'o'))).toEqual(['photos/', 'report-old.pdf', 'Report-2024.PDF', 'notes.txt']);
    expect(filterIds(c, sorted, '   ')).toBe(sorted);
    expect(filterIds(c, sorted, 'p/').length).toBe(0);
    c.append([row('p/REPORT-new.txt')]);
    expect(names(c, filterIds(c, sortAll(c, { column: 'name', direction: 'asc' }), 'report'))).toEqual(['Report-2024.PDF', 'REPORT-new.txt', 'report-old.pdf']);
  });
});
