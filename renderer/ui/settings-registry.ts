/**
 * The Settings screen's sections, contributed by features without editing the screen: the
 * shell adds Appearance and Language, transfers adds its own. Sections render in `order`.
 */
import { useSyncExternalStore, type ComponentType } from 'react';

export interface SettingsSection {
  id: string;
  /** Lower comes first (default 100). */
  order?: number;
  /** The translated heading (a function so it follows the UI language). */
  title(t: (key: string) => string): string;
  Component: ComponentType;
}

let sections: readonly SettingsSection[] = [];
const listeners = new Set<() => void>();

function publish(next: readonly SettingsSection[]): void {
  sections = [...next].sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id));
  for (const l of listeners) l();
}

/** Adds (or replaces, by id) a section; returns the function that removes it. */
export function addSettingsSection(section: SettingsSection): () => void {
  publish([...sections.filter((s) => s.id !== section.id), section]);
  return () => publish(sections.filter((s) => s !== section));
}

/** The sections in order (not reactive; for tests and non-React code). */
export function settingsSections(): readonly SettingsSection[] {
  return sections;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The sections in order, re-rendering when one is added or removed. */
export function useSettingsSections(): readonly SettingsSection[] {
  return useSyncExternalStore(subscribe, () => sections, () => sections);
}
