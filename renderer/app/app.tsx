/** The root component: features discovered at build time, rendered in the app frame. */
import { StrictMode, useMemo } from 'react';
import { AppFrame } from '../features/shell/app-frame';
import { discoverFeatures, resolveFeatures, type ShellFeature } from './feature-registry';
import { ShellProvider } from './shell-context';

export interface AppProps {
  /** Tests pass features explicitly; the app discovers renderer/features/<name>/index.ts. */
  features?: readonly ShellFeature[];
}

export function App({ features }: AppProps) {
  const resolved = useMemo(() => resolveFeatures(features ?? discoverFeatures()), [features]);
  return (
    <StrictMode>
      <ShellProvider features={resolved}>
        <AppFrame />
      </ShellProvider>
    </StrictMode>
  );
}
