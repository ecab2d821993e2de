/**
 * How features plug into the shell without editing it. A feature exports `feature` from
 * renderer/features/<name>/index.ts(x); the shell finds every such module at build time
 * and renders their slots. Slots:
 *   sidebarProfiles / sidebarBuckets - the two sidebar sections (first provider wins)
 *   main        - the main pane (first provider wins; default: the welcome empty state)
 *   statusBar   - extra status bar items (all providers, in order)
 *   overlay     - dialogs, toasts (all providers, in order)
 * Commands are the actions shell buttons call ("Add profile", "Try the local sandbox").
 */
import type { ComponentType } from 'react';

export type SingleSlot = 'sidebarProfiles' | 'sidebarBuckets' | 'main';
export type ListSlot = 'statusBar' | 'overlay';
export type SlotName = SingleSlot | ListSlot;

/** Actions the shell's own buttons trigger; a feature provides the implementation. */
export interface ShellCommands {
  addProfile: () => void;
  trySandbox: () => void | Promise<void>;
}

/** What a feature module exports as `feature`. */
export interface ShellFeature {
  id: string;
  /** Lower comes first (default 100). */
  order?: number;
  slots?: Partial<Record<SlotName, ComponentType>>;
  commands?: Partial<ShellCommands>;
}

export interface ResolvedFeatures {
  single: Partial<Record<SingleSlot, ComponentType>>;
  lists: Record<ListSlot, Array<{ id: string; Component: ComponentType }>>;
  commands: Partial<ShellCommands>;
}

/** Orders features and merges their slots and commands. */
export function resolveFeatures(features: readonly ShellFeature[]): ResolvedFeatures {
  const sorted = [...features].sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id));
  const resolved: ResolvedFeatures = { single: {}, lists: { statusBar: [], overlay: [] }, commands: {} };
  for (const feature of sorted) {
    const slots = feature.slots ?? {};
    for (const name of ['sidebarProfiles', 'sidebarBuckets', 'main'] as const) {
      const Component = slots[name];
      if (Component && !resolved.single[name]) resolved.single[name] = Component;
    }
    for (const name of ['statusBar', 'overlay'] as const) {
      const Component = slots[name];
      if (Component) resolved.lists[name].push({ id: feature.id, Component });
    }
    resolved.commands = { ...feature.commands, ...resolved.commands };
  }
  return resolved;
}

/** Picks the `feature` export out of globbed feature modules. */
export function featuresFromModules(modules: Record<string, unknown>): ShellFeature[] {
  return Object.values(modules)
    .map((mod) => (mod as { feature?: ShellFeature }).feature)
    .filter((f): f is ShellFeature => typeof f === 'object' && f !== null && typeof f.id === 'string');
}

/** Every installed feature, found at build time. */
export function discoverFeatures(): ShellFeature[] {
  return featuresFromModules(import.meta.glob('../features/*/index.{ts,tsx}', { eager: true }));
}
