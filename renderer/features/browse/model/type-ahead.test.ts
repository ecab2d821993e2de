import { describe, expect, it } from 'vitest';
import { ListingColumns } from './listing-columns';
import { TypeAheadBuffer, findByPrefix } from './type-ahead';

describe('type-ahead find', () => {
  const cols = new ListingColumns('p/'.length);
  cols.append(['p/Alpha/', 'p/beta.txt', 'p/Bravo.png', 'p/charlie.md', 'p/bob.log'].map((key) => ({ key, isFolder: key.endsWith('/'), size: 0, lastModified: 0, storageClass: '', objectType: '', etag: '' })));
  const view = Uint32Array.from([0, 1, 2, 3, 4]);

  it('finds the next name with the typed start, ignoring case and wrapping', () => {
    expect(findByPrefix(cols, view, 0, 'b')).toBe(1);
    expect(findByPrefix(cols, view, 2, 'B')).toBe(2);
    expect(findByPrefix(cols, view, 3, 'b')).toBe(4);
    expect(findByPrefix(cols, view, 0, 'br')).toBe(2);
    expect(findByPrefix(cols, view, 4, 'a')).toBe(0);
    expect(findByPrefix(cols, view, 0, 'zz')).toBe(-1);
    expect(findByPrefix(cols, new Uint32Array(0), 0, 'a')).toBe(-1);
  });

  it('joins keys typed quickly and starts over after a pause', () => {
    const b = new TypeAheadBuffer();
    expect(b.push('b', 1000)).toBe('b');
    expect(b.continuing(1500)).toBe(true);
    expect(b.push('r', 1500)).toBe('br');
    expect(b.continuing(3000)).toBe(false);
    expect(b.push('c', 3000)).toBe('c');
  });
});
