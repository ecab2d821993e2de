/** Handlers for the transfers feature's channels: thin calls into the transfer service. */
import type * as contract from '../../../shared/contract/transfers';
import type { AppContext } from '../../app-context';
import type { HandlersFor } from '../handler-types';

/** Builds the transfers feature's handlers over the shared context. */
export function createTransfersHandlers(ctx: AppContext): HandlersFor<typeof contract.requests> {
  const t = ctx.transfers;
  return {
    'transfers:upload-paths': (input) => t.uploadPaths(input),
    'transfers:upload-dialog': (input) => t.uploadDialog(input),
    'transfers:download': (input) => t.download(input),
    'transfers:save-as': (input) => t.saveAs(input),
    'transfers:drag-out': (input) => t.dragOut(input),
    'transfers:open-object': (input) => t.openObject(input),
    'transfers:list': ({ offset, limit }) => t.list(offset, limit),
    'transfers:pause': (target) => t.act('pause', target),
    'transfers:resume': (target) => t.act('resume', target),
    'transfers:cancel': (target) => t.act('cancel', target),
    'transfers:retry': (target) => t.act('retry', target),
    'transfers:clear-finished': () => t.clearFinished(),
    'transfers:reveal': ({ id }) => t.reveal(id),
    'transfers:open-local': ({ id }) => t.openLocal(id),
    'transfers:conflict-answer': ({ batchId, policy, remember }) => t.answer(batchId, policy, remember),
    'transfers:conflict-pending': () => t.pendingPlans(),
    'transfers:settings-get': () => t.getSettings(),
    'transfers:settings-set': (patch) => t.setSettings(patch),
    'transfers:choose-download-folder': () => t.chooseDownloadFolder(),
  };
}
