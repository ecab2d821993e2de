/**
 * Typed access to `window.oss` for the renderer: `call('objects:list', {...})` resolves
 * with the channel's output or throws an AppException carrying code, message, request
 * ID, EC and hint. Components never touch window.oss directly.
 */
import { AppException, ErrorCode, type IpcResult } from '../../shared/errors';
import type { EventChannel, EventPayload, OssApi, RequestChannel, RequestInput, RequestOutput } from '../../shared/ipc-contract';

declare global {
  interface Window {
    /** Installed by main/preload.ts (or the e2e bridge) before the page runs. */
    readonly oss?: OssApi;
  }
}

function bridge(): OssApi {
  if (!window.oss) {
    throw new AppException({ code: ErrorCode.Internal, message: 'The app bridge is missing: this page must run inside OSS Browser.' });
  }
  return window.oss;
}

/** The argument list of a channel: optional when it takes no input. */
export type CallArgs<C extends RequestChannel> = undefined extends RequestInput<C> ? [input?: RequestInput<C>] : [input: RequestInput<C>];

/** Calls a request channel; resolves with its value or throws AppException. */
export async function call<C extends RequestChannel>(channel: C, ...args: CallArgs<C>): Promise<RequestOutput<C>> {
  const method = bridge()[channel] as unknown as (input?: unknown) => Promise<IpcResult<RequestOutput<C>>>;
  const result = await method(args[0]);
  if (!result.ok) throw new AppException(result.error);
  return result.value;
}

/** Subscribes to an event from main; returns the unsubscribe function. */
export function on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return bridge().on(event, listener);
}

/** The local path of a file dropped on the window ('' when it has none). */
export function getPathForFile(file: File): string {
  return bridge().getPathForFile(file);
}
