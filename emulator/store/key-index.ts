/**
 * A bucket's keys kept sorted in OSS order (UTF-8 bytes), so a listing page is a binary
 * search plus a short walk, never a scan of the whole bucket.
 */
import { compareKeys } from '../keys';

export class KeyIndex {
  private keys: string[] = [];

  get size(): number {
    return this.keys.length;
  }

  at(i: number): string | undefined {
    return this.keys[i];
  }

  /** First index whose key is >= `key`. */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(this.keys[mid] as string, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First index whose key is > `key`. */
  upperBound(key: string): number {
    const i = this.lowerBound(key);
    return this.keys[i] === key ? i + 1 : i;
  }

  /** First index after every key that starts with `prefix`. */
  afterPrefix(prefix: string): number {
    let lo = this.lowerBound(prefix);
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.keys[mid] as string).startsWith(prefix)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  add(key: string): void {
    const i = this.lowerBound(key);
    if (this.keys[i] !== key) this.keys.splice(i, 0, key);
  }

  remove(key: string): void {
    const i = this.lowerBound(key);
    if (this.keys[i] === key) this.keys.splice(i, 1);
  }

  /** Adds many keys at once (seeding, loading): one sort instead of n splices. */
  addMany(keys: Iterable<string>): void {
    const merged = new Set(this.keys);
    for (const key of keys) merged.add(key);
    this.keys = [...merged].sort(compareKeys);
  }
}
