/** Types for IPC handler tables, derived from the contract so a handler cannot drift from it. */
import type { z } from 'zod';
import type { OutputOf, RequestTable } from '../../shared/contract/define';
import type { RequestChannel, RequestChannels } from '../../shared/ipc-contract';

/** Per-call information a handler may use (for logging, mostly). */
export interface CallContext {
  readonly channel: RequestChannel;
}

/** Handlers for one feature's `requests`: validated input in, the declared output out. */
export type HandlersFor<R extends RequestTable> = {
  [C in keyof R]: (input: z.output<R[C]['input']>, call: CallContext) => Promise<OutputOf<R[C]>> | OutputOf<R[C]>;
};

/** Every request channel's handler: what main registers and the e2e bridge calls. */
export type HandlerTable = HandlersFor<RequestChannels>;
