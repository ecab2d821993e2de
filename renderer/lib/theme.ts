/**
 * The colour theme: the user's choice (system, light or dark) is remembered, and "system"
 * follows the OS live. The result is `<html data-theme="light|dark">`, which theme.css reads.
 */
import { createStore } from '../state/create-store';

export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

const STORAGE_KEY = 'oss-browser.theme';

export const themeStore = createStore<{ choice: ThemeChoice }>({ choice: 'system' });

function saved(): ThemeChoice {
  try {
    const v = window.localStorage.getItem(STORAGE_KEY);
    return themeChoices.find((c) => c === v) ?? 'system';
  } catch {
    return 'system';
  }
}

function systemDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/** The theme actually shown for a choice. */
export function resolveTheme(choice: ThemeChoice, osDark: boolean): 'light' | 'dark' {
  return choice === 'system' ? (osDark ? 'dark' : 'light') : choice;
}

function apply(): void {
  document.documentElement.dataset.theme = resolveTheme(themeStore.get().choice, systemDark());
}

let started = false;

/** Reads the saved choice, applies it, and follows OS changes while the choice is "system". */
export function initTheme(): void {
  themeStore.set({ choice: saved() });
  apply();
  if (started) return;
  started = true;
  themeStore.subscribe(apply);
  if (typeof window.matchMedia === 'function') window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', apply);
}

/** Changes and remembers the theme. */
export function setTheme(choice: ThemeChoice): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Storage can be unavailable; the choice then lasts for this session only.
  }
  themeStore.set({ choice });
  apply();
}
