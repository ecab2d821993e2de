/** Makes the resolved features and their commands available to shell components. */
import { createContext, useContext, type ReactNode } from 'react';
import type { ResolvedFeatures, ShellCommands } from './feature-registry';

const empty: ResolvedFeatures = { single: {}, lists: { statusBar: [], overlay: [] }, commands: {} };
const ShellContext = createContext<ResolvedFeatures>(empty);

/** Provides the features the shell renders. */
export function ShellProvider({ features, children }: { features: ResolvedFeatures; children: ReactNode }) {
  return <ShellContext.Provider value={features}>{children}</ShellContext.Provider>;
}

/** The merged slots of all features. */
export function useShellFeatures(): ResolvedFeatures {
  return useContext(ShellContext);
}

/** The commands features provide; a missing one means the button is disabled. */
export function useShellCommands(): Partial<ShellCommands> {
  return useContext(ShellContext).commands;
}
