/** Handlers for the profiles:* channels (owned by the profiles feature). */
import type { AppContext } from '../../app-context';
import type * as contract from '../../../shared/contract/profiles';
import type { HandlersFor } from '../handler-types';

/** Builds the profiles feature's handlers over the shared context. */
export function createProfilesHandlers(_ctx: AppContext): HandlersFor<typeof contract.requests> {
  return {};
}
