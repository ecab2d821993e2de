/** Handlers for the transfers feature's channels: thin calls into the transfer service. */
import { AppException } from '../../../shared/errors';
import type * as contract from '../../../shared/contract/transfers';
import type { AppContext } from '../../app-context';
import type { HandlersFor } from '../handler-types';

/** Until the engine lands every channel answers with a clear "not yet" error the UI can show. */
function notYet(): never {
  throw new AppException({
    code: 'NotImplemented',
    message: 'Transfers are not available in this build yet.',
    hint: 'Update the app to upload and download files.',
  });
}

/** Builds the transfers feature's handlers over the shared context. */
export function createTransfersHandlers(_ctx: AppContext): HandlersFor<typeof contract.requests> {
  return {
    'transfers:upload-paths': notYet,
    'transfers:upload-dialog': notYet,
    'transfers:download': notYet,
    'transfers:save-as': notYet,
    'transfers:open-object': notYet,
    'transfers:list': () => ({
      items: [],
      total: 0,
      totals: { items: 0, active: 0, queued: 0, paused: 0, failed: 0, done: 0, bytesTotal: 0, bytesDone: 0, speed: 0, walking: 0 },
    }),
    'transfers:pause': notYet,
    'transfers:resume': notYet,
    'transfers:cancel': notYet,
    'transfers:retry': notYet,
    'transfers:clear-finished': () => ({ removed: 0 }),
    'transfers:reveal': notYet,
    'transfers:open-local': notYet,
    'transfers:conflict-answer': notYet,
    'transfers:conflict-pending': () => [],
    'transfers:settings-get': notYet,
    'transfers:settings-set': notYet,
    'transfers:choose-download-folder': notYet,
  };
}
