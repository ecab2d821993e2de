/** Handlers for the share:* channels: thin calls into the share feature. */
import type { AppContext } from '../../app-context';
import type * as contract from '../../../shared/contract/share';
import type { HandlersFor } from '../handler-types';

/** Builds the share feature's handlers over the shared context. */
export function createShareHandlers(ctx: AppContext): HandlersFor<typeof contract.requests> {
  const s = ctx.share;
  return {
    'share:links': (input) => s.links.links(input),
    'share:upload-link': (input) => s.links.uploadLink(input),
    'share:export-csv': ({ batchId }) => s.exportCsv(batchId),
    'share:history': () => s.links.history(),
    'share:grant-setup': ({ profileId }) => s.grants.setup(profileId),
    'share:grant': (input) => s.grants.grant(input),
    'share:import-oss-browser-code': ({ code, name }) => s.importOssBrowserCode(code, name),
  };
}
