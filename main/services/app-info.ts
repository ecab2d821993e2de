/**
 * Identity of the running app for the status bar and bug reports. Electron-free: the
 * caller passes the runtime versions (process.versions carries electron/chrome inside
 * Electron, only node in the test bridge).
 */
import { name, productName, version } from '../../package.json';
import type { AppInfo } from '../../shared/contract/app';

export interface AppInfoSources {
  versions: NodeJS.ProcessVersions | Record<string, string | undefined>;
  platform: string;
  arch: string;
  logFile: string;
}

/** Builds the AppInfo reply; the version comes from package.json at build time. */
export function getAppInfo(sources: AppInfoSources): AppInfo {
  const { versions } = sources;
  const runtime: AppInfo['versions'] = { node: versions.node ?? 'unknown' };
  if (versions.electron) runtime.electron = versions.electron;
  if (versions.chrome) runtime.chrome = versions.chrome;
  return {
    name,
    productName,
    version,
    platform: sources.platform,
    arch: sources.arch,
    versions: runtime,
    logFile: sources.logFile,
  };
}
