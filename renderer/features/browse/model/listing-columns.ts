/**
 * Compact, append-only column storage for one folder listing (or one search result set).
 * A 100,000-row folder must not cost 100,000 objects with a dozen fields each: keys live in
 * one string array, numbers in growable typed arrays, and repeated strings (storage class,
 * file type) are interned to small integers. Rows are addressed by their append index
 * ("row id"), which never changes; deletions are tombstones so ids stay stable.
 */

/** One row as it arrives from the listing; the store keeps only what the table needs. */
export interface ListingRowInput {
  key: string;
  isFolder: boolean;
  size: number;
  /** Epoch milliseconds; 0 when unknown (folders). */
  lastModified: number;
  storageClass: string;
  /** OSS object type: Normal, Multipart, Appendable, Symlink. */
  objectType: string;
  etag: string;
}

export const FLAG_FOLDER = 1;
export const FLAG_DELETED = 2;
export const FLAG_SYMLINK = 4;

const INITIAL_CAPACITY = 1024;

/** Returns the lowercase extension of a key's last segment, '' when there is none. */
export function extensionOf(name: string): string {
  if (name.endsWith('/')) return '';
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 && dot < base.length - 1 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * A sort key for names that compares naturally with plain code-unit comparison:
 * case-folded, digit runs left-padded so "file2" sorts before "file10".
 */
export function naturalKey(name: string): string {
  const lower = name.toLowerCase();
  if (!/\d/.test(lower)) return lower;
  return lower.replace(/\d+/g, (run) => (run.length >= 12 ? run : '000000000000'.slice(run.length) + run));
}

function grow<T extends Float64Array | Uint8Array | Uint16Array>(arr: T, size: number): T {
  if (size <= arr.length) return arr;
  let cap = arr.length * 2;
  while (cap < size) cap *= 2;
  const next = new (arr.constructor as new (n: number) => T)(cap);
  next.set(arr);
  return next;
}

/** The listing's rows in columns. `version` increments on every change. */
export class ListingColumns {
  count = 0;
  live = 0;
  version = 0;
  readonly keys: string[] = [];
  /** Natural sort keys of the display name, computed once per row at append time. */
  readonly nameKeys: string[] = [];
  readonly etags: string[] = [];
  sizes = new Float64Array(INITIAL_CAPACITY);
  mtimes = new Float64Array(INITIAL_CAPACITY);
  flags = new Uint8Array(INITIAL_CAPACITY);
  classIds = new Uint8Array(INITIAL_CAPACITY);
  typeIds = new Uint16Array(INITIAL_CAPACITY);
  objectTypeIds = new Uint8Array(INITIAL_CAPACITY);
  /** Interned storage classes, object types and extensions; index 0 is ''. */
  readonly classes: string[] = [''];
  readonly objectTypes: string[] = [''];
  readonly exts: string[] = [''];
  private lowerNames: string[] | null = null;
  private readonly intern = new Map<string, number>();

  /** @param prefixLength chars of each key hidden in the name column (the folder's prefix). */
  constructor(readonly prefixLength: number) {}

  private internIn(table: string[], tag: string, value: string): number {
    if (!value) return 0;
    const k = tag + value;
    let id = this.intern.get(k);
    if (id === undefined) {
      id = table.length;
      table.push(value);
      this.intern.set(k, id);
    }
    return id;
  }

  /** The name shown in the table: the key without the folder prefix. */
  nameOf(row: number): string {
    return (this.keys[row] ?? '').slice(this.prefixLength);
  }

  isFolder(row: number): boolean {
    return (this.flags[row]! & FLAG_FOLDER) !== 0;
  }

  isDeleted(row: number): boolean {
    return (this.flags[row]! & FLAG_DELETED) !== 0;
  }

  extOf(row: number): string {
    return this.exts[this.typeIds[row]!] ?? '';
  }

  storageClassOf(row: number): string {
    return this.classes[this.classIds[row]!] ?? '';
  }

  objectTypeOf(row: number): string {
    return this.objectTypes[this.objectTypeIds[row]!] ?? '';
  }

  /** Appends one page; returns the first new row id. */
  append(rows: readonly ListingRowInput[]): number {
    const start = this.count;
    const end = start + rows.length;
    this.sizes = grow(this.sizes, end);
    this.mtimes = grow(this.mtimes, end);
    this.flags = grow(this.flags, end);
    this.classIds = grow(this.classIds, end);
    this.typeIds = grow(this.typeIds, end);
    this.objectTypeIds = grow(this.objectTypeIds, end);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const id = start + i;
      const name = r.key.slice(this.prefixLength);
      this.keys.push(r.key);
      // A folder sorts by its name without the "/" ("album" before "album (copy)").
      this.nameKeys.push(naturalKey(r.isFolder && name.endsWith('/') ? name.slice(0, -1) : name));
      this.etags.push(r.etag);
      this.sizes[id] = r.size;
      this.mtimes[id] = r.lastModified;
      this.flags[id] = (r.isFolder ? FLAG_FOLDER : 0) | (r.objectType === 'Symlink' ? FLAG_SYMLINK : 0);
      this.classIds[id] = this.internIn(this.classes, 'c:', r.storageClass);
      this.typeIds[id] = r.isFolder ? 0 : this.internIn(this.exts, 'e:', extensionOf(name));
      this.objectTypeIds[id] = this.internIn(this.objectTypes, 'o:', r.objectType);
      if (this.lowerNames) this.lowerNames.push(name.toLowerCase());
    }
    this.count = end;
    this.live += rows.length;
    this.version++;
    return start;
  }

  /** Marks rows as gone (after a delete or a move) without renumbering anything. */
  remove(rowIds: Iterable<number>): void {
    for (const id of rowIds) {
      if (id < this.count && !this.isDeleted(id)) {
        this.flags[id] = this.flags[id]! | FLAG_DELETED;
        this.live--;
      }
    }
    this.version++;
  }

  /** Finds the row id of a live key, or -1. Linear, for after-action bookkeeping only. */
  findKey(key: string): number {
    for (let i = this.count - 1; i >= 0; i--) if (this.keys[i] === key && !this.isDeleted(i)) return i;
    return -1;
  }

  /** Lowercase display names for filtering, built on first use and kept up to date after. */
  lowerNamesForFilter(): readonly string[] {
    if (!this.lowerNames) {
      const out = new Array<string>(this.count);
      for (let i = 0; i < this.count; i++) out[i] = this.nameOf(i).toLowerCase();
      this.lowerNames = out;
    }
    return this.lowerNames;
  }
}
