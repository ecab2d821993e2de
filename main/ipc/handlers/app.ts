/** Handlers for the app:* channels. */
import type { AppContext } from '../../app-context';
import { getAppInfo } from '../../services/app-info';
import * as contract from '../../../shared/contract/app';
import type { HandlersFor } from '../handler-types';

/** Builds the app feature's handlers over the shared context. */
export function createAppHandlers(ctx: AppContext): HandlersFor<typeof contract.requests> {
  return {
    'app:info': () =>
      getAppInfo({ versions: ctx.versions, platform: process.platform, arch: process.arch, logFile: ctx.log.file }),
    'app:open-external': async ({ url }) => {
      ctx.log.info('opening external link', { host: new URL(url).host });
      await ctx.openExternal(url);
    },
    'app:log': ({ level, message }) => {
      ctx.log[level](`renderer: ${message}`);
    },
  };
}
