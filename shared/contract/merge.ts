/**
 * Merges feature contracts into one channel table, and finds channel names declared by more
 * than one feature — generically, so adding a feature is one line in ipc-contract.ts and
 * not a new row in a pairwise table that grows with the square of the features.
 */

/** What every feature contract module exports. */
export interface FeatureContract {
  readonly requests: object;
  readonly events: object;
}

export type ContractSide = 'requests' | 'events';

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** Channel names that more than one feature declares on `S` (never when there are none). */
export type DuplicateChannels<C extends Record<string, FeatureContract>, S extends ContractSide> = {
  [F in keyof C]: keyof C[F][S] & { [G in Exclude<keyof C, F>]: keyof C[G][S] }[Exclude<keyof C, F>];
}[keyof C];

/** The channel table of `S` across all features (the intersection of their tables). */
export type MergedSide<C extends Record<string, FeatureContract>, S extends ContractSide> = UnionToIntersection<C[keyof C][S]>;

/** Channel names declared by more than one feature, each with the features that declare it. */
export function duplicateChannels(contracts: Record<string, FeatureContract>): string[] {
  const found: string[] = [];
  for (const side of ['requests', 'events'] as const) {
    const owners = new Map<string, string[]>();
    for (const [feature, contract] of Object.entries(contracts)) {
      for (const name of Object.keys(contract[side])) owners.set(name, [...(owners.get(name) ?? []), feature]);
    }
    for (const [name, features] of owners) if (features.length > 1) found.push(`${name} (${side}: ${features.join(', ')})`);
  }
  return found;
}

/** One table of every feature's channels on `S`; throws on a duplicate rather than let one silently win. */
export function mergeSide<C extends Record<string, FeatureContract>, S extends ContractSide>(contracts: C, side: S): MergedSide<C, S> {
  const duplicates = duplicateChannels(contracts);
  if (duplicates.length > 0) throw new Error(`IPC channels declared twice: ${duplicates.join('; ')}`);
  return Object.assign({}, ...Object.values(contracts).map((c) => c[side])) as MergedSide<C, S>;
}
