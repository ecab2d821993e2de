/**
 * A minimal store for one concern (selection, dialogs…): get/set/subscribe plus a React
 * hook with selector. Small stores per concern instead of one app-wide store.
 */
import { useSyncExternalStore } from 'react';

export interface Store<T> {
  get(): T;
  set(update: Partial<T> | ((state: T) => Partial<T>)): void;
  subscribe(listener: () => void): () => void;
  /** React hook: re-renders when the selected slice changes (compared with Object.is). */
  use<S>(selector: (state: T) => S): S;
}

/** Creates a store with an initial state. */
export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  const store: Store<T> = {
    get: () => state,
    set(update) {
      const patch = typeof update === 'function' ? update(state) : update;
      const next = { ...state, ...patch };
      if (Object.keys(patch).every((k) => Object.is(next[k as keyof T], state[k as keyof T]))) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    use: (selector) => useSyncExternalStore(store.subscribe, () => selector(state), () => selector(state)),
  };
  return store;
}
