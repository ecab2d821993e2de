/**
 * The one handler table main registers and the e2e bridge calls. Each feature contributes
 * its own slice; the type makes a missing or extra handler a compile error.
 */
import type { AppContext } from '../../app-context';
import type { HandlerTable } from '../handler-types';
import { createAppHandlers } from './app';
import { createBrowseHandlers } from './browse';
import { createProfilesHandlers } from './profiles';
import { createTransfersHandlers } from './transfers';
import { createShareHandlers } from './share';

/** Builds every channel's handler over one AppContext. */
export function createHandlerTable(ctx: AppContext): HandlerTable {
  return {
    ...createAppHandlers(ctx),
    ...createProfilesHandlers(ctx),
    ...createBrowseHandlers(ctx),
    ...createTransfersHandlers(ctx),
    ...createShareHandlers(ctx),
  };
}
