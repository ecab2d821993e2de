/**
 * Sorting a listing without touching row objects. The result is a Uint32Array permutation
 * of row ids. Names are the only expensive key (string compares), so the listing keeps one
 * name order that each arriving page is merged into; every other sort compares numbers
 * only (size, time, interned type/class rank) with the name rank as tiebreak. Folders
 * always come first, in both directions.
 */
import { FLAG_DELETED, FLAG_FOLDER, type ListingColumns } from './listing-columns';

export type SortColumn = 'name' | 'size' | 'modified' | 'type' | 'storageClass';
export type SortDirection = 'asc' | 'desc';

/** What the user clicked: a column and a direction. */
export interface SortSpec {
  column: SortColumn;
  direction: SortDirection;
}

export const DEFAULT_SORT: SortSpec = { column: 'name', direction: 'asc' };

/** Storage classes from hot to cold, so sorting by class reads as a tier order. */
const CLASS_ORDER = ['Standard', 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive'];

function rankTable(values: readonly string[], order?: readonly string[]): Int32Array {
  const ranked = values.map((v, i) => ({ v, i }));
  const pos = (v: string) => {
    const p = order ? order.indexOf(v) : -1;
    return p < 0 ? 99 : p;
  };
  ranked.sort((x, y) => pos(x.v) - pos(y.v) || (x.v < y.v ? -1 : x.v > y.v ? 1 : 0));
  const ranks = new Int32Array(values.length);
  ranked.forEach((r, rank) => {
    ranks[r.i] = rank;
  });
  return ranks;
}

/** Natural name order, then the raw key, then the row id: a total order. */
export function nameComparator(cols: ListingColumns): (a: number, b: number) => number {
  const { nameKeys, keys } = cols;
  return (a, b) => {
    const ka = nameKeys[a]!;
    const kb = nameKeys[b]!;
    if (ka !== kb) return ka < kb ? -1 : 1;
    const xa = keys[a]!;
    const xb = keys[b]!;
    return xa < xb ? -1 : xa > xb ? 1 : a - b;
  };
}

/** Merges two sorted permutations into one; concatenates when they do not overlap. */
export function mergeSorted(a: Uint32Array, b: Uint32Array, cmp: (x: number, y: number) => number): Uint32Array {
  const out = new Uint32Array(a.length + b.length);
  if (a.length === 0 || b.length === 0 || cmp(a[a.length - 1]!, b[0]!) <= 0) {
    out.set(a);
    out.set(b, a.length);
    return out;
  }
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = cmp(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/**
 * The name order of a listing, kept up to date page by page, and the sorts derived from it.
 * Call `appended(from)` after every `ListingColumns.append`.
 */
export class ListingOrder {
  private nameOrder: Uint32Array = new Uint32Array(0);
  private rankCache: Uint32Array | null = null;
  private readonly byName: (a: number, b: number) => number;

  constructor(private readonly cols: ListingColumns) {
    this.byName = nameComparator(cols);
    if (cols.count > 0) this.appended(0);
  }

  /** Merges rows appended since `fromRow` into the name order. */
  appended(fromRow: number): void {
    const fresh = new Uint32Array(this.cols.count - fromRow);
    for (let i = 0; i < fresh.length; i++) fresh[i] = fromRow + i;
    fresh.sort(this.byName);
    this.nameOrder = mergeSorted(this.nameOrder, fresh, this.byName);
    this.rankCache = null;
  }

  /** rank[id] = position of the row in name order. */
  private ranks(): Uint32Array {
    if (!this.rankCache) {
      const r = new Uint32Array(this.cols.count);
      const order = this.nameOrder;
      for (let i = 0; i < order.length; i++) r[order[i]!] = i;
      this.rankCache = r;
    }
    return this.rankCache;
  }

  /** A comparator of row ids for `spec` (numbers only except via the cached name rank). */
  comparator(spec: SortSpec): (a: number, b: number) => number {
    const { flags } = this.cols;
    const rank = this.ranks();
    const sign = spec.direction === 'asc' ? 1 : -1;
    let primary: (a: number, b: number) => number;
    switch (spec.column) {
      case 'size': {
        const s = this.cols.sizes;
        primary = (a, b) => s[a]! - s[b]!;
        break;
      }
      case 'modified': {
        const m = this.cols.mtimes;
        primary = (a, b) => m[a]! - m[b]!;
        break;
      }
      case 'type': {
        const ranks = rankTable(this.cols.exts);
        const t = this.cols.typeIds;
        primary = (a, b) => ranks[t[a]!]! - ranks[t[b]!]!;
        break;
      }
      case 'storageClass': {
        const ranks = rankTable(this.cols.classes, CLASS_ORDER);
        const c = this.cols.classIds;
        primary = (a, b) => ranks[c[a]!]! - ranks[c[b]!]!;
        break;
      }
      default:
        primary = () => 0;
    }
    return (a, b) => {
      const fa = flags[a]! & FLAG_FOLDER;
      const fb = flags[b]! & FLAG_FOLDER;
      if (fa !== fb) return fb - fa;
      return sign * (primary(a, b) || rank[a]! - rank[b]!);
    };
  }

  /** Every live row sorted by `spec`. */
  sorted(spec: SortSpec): Uint32Array {
    const { flags } = this.cols;
    const order = this.nameOrder;
    const n = order.length;
    const out = new Uint32Array(this.cols.live);
    let k = 0;
    if (spec.column === 'name') {
      // Folders first, then files, each in name order (reversed for descending): O(n).
      const asc = spec.direction === 'asc';
      for (const want of [FLAG_FOLDER, 0]) {
        for (let i = 0; i < n; i++) {
          const id = order[asc ? i : n - 1 - i]!;
          const f = flags[id]!;
          if ((f & FLAG_DELETED) === 0 && (f & FLAG_FOLDER) === want) out[k++] = id;
        }
      }
      return k === out.length ? out : out.slice(0, k);
    }
    return this.packedSort(spec, out);
  }

  /** The numeric primary key of each row, in name order position. */
  private primaryValues(spec: SortSpec): Float64Array {
    const order = this.nameOrder;
    const v = new Float64Array(order.length);
    const c = this.cols;
    let source: ArrayLike<number>;
    if (spec.column === 'size') source = c.sizes;
    else if (spec.column === 'modified') source = c.mtimes;
    else {
      const ranks = spec.column === 'type' ? rankTable(c.exts) : rankTable(c.classes, CLASS_ORDER);
      const ids = spec.column === 'type' ? c.typeIds : c.classIds;
      for (let i = 0; i < order.length; i++) v[i] = ranks[ids[order[i]!]!]!;
      return v;
    }
    for (let i = 0; i < order.length; i++) v[i] = source[order[i]!]!;
    return v;
  }

  /**
   * Sorts by (folder group, primary value, name rank) by packing all three into one
   * exactly-representable double per row and using the engine's native numeric sort: no
   * JavaScript comparator runs, which keeps 100,000 rows well under 100 ms.
   */
  private packedSort(spec: SortSpec, out: Uint32Array): Uint32Array {
    const order = this.nameOrder;
    const n = order.length;
    const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
    if (bits > 26) return this.comparatorSort(spec);
    const P = 2 ** bits;
    const prim = this.primaryValues(spec);
    const uniq = prim.slice().sort();
    let d = 0;
    for (let i = 0; i < uniq.length; i++) if (i === 0 || uniq[i] !== uniq[d - 1]) uniq[d++] = uniq[i]!;
    const desc = spec.direction === 'desc';
    const { flags } = this.cols;
    const keys = new Float64Array(out.length);
    let k = 0;
    for (let i = 0; i < n; i++) {
      const f = flags[order[i]!]!;
      if (f & FLAG_DELETED) continue;
      let lo = 0;
      let hi = d - 1;
      const x = prim[i]!;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (uniq[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      const dense = desc ? d - 1 - lo : lo;
      const pos = desc ? n - 1 - i : i;
      keys[k++] = ((f & FLAG_FOLDER ? 0 : 1) * P + dense) * P + pos;
    }
    keys.sort();
    for (let j = 0; j < k; j++) {
      const pos = keys[j]! % P;
      out[j] = order[desc ? n - 1 - pos : pos]!;
    }
    return out;
  }

  /** Fallback for listings too large to pack (over 67 million rows). */
  private comparatorSort(spec: SortSpec): Uint32Array {
    const ids: number[] = [];
    for (const id of this.nameOrder) if (!this.cols.isDeleted(id)) ids.push(id);
    return Uint32Array.from(ids).sort(this.comparator(spec));
  }
}

/** Extends a sorted view with rows appended since `fromRow` (after `order.appended`). */
export function extendSorted(order: ListingOrder, cols: ListingColumns, view: Uint32Array, fromRow: number, spec: SortSpec): Uint32Array {
  if (spec.column === 'name') return order.sorted(spec);
  const cmp = order.comparator(spec);
  const fresh: number[] = [];
  for (let i = fromRow; i < cols.count; i++) if (!cols.isDeleted(i)) fresh.push(i);
  return mergeSorted(view, Uint32Array.from(fresh).sort(cmp), cmp);
}

/** Drops tombstoned rows from a permutation (after a delete). */
export function withoutDeleted(cols: ListingColumns, ids: Uint32Array): Uint32Array {
  const flags = cols.flags;
  return ids.filter((id) => (flags[id]! & FLAG_DELETED) === 0);
}
