/** Handlers for the browse feature's channels (owned by the browse feature). */
import type { AppContext } from '../../app-context';
import type * as contract from '../../../shared/contract/browse';
import type { HandlersFor } from '../handler-types';

/** Builds the browse feature's handlers over the shared context. */
export function createBrowseHandlers(_ctx: AppContext): HandlersFor<typeof contract.requests> {
  return {};
}
