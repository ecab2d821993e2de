/**
 * For renderer component tests (jsdom): installs a `window.oss` built by the same
 * shared/bridge-shape.ts as the preload, answering from the handlers a test gives. Handlers
 * may throw AppException to produce an error reply. End-to-end tests use the real main
 * handler table instead (e2e/support).
 */
import { buildBridge } from '../../shared/bridge-shape';
import { AppException, ErrorCode, toAppError } from '../../shared/errors';
import {
  eventChannelNames,
  requestChannelNames,
  type EventChannel,
  type EventPayload,
  type RequestChannel,
  type RequestOutput,
  type ValidatedInput,
} from '../../shared/ipc-contract';

export type TestHandlers = {
  [C in RequestChannel]?: (input: ValidatedInput<C>) => RequestOutput<C> | Promise<RequestOutput<C>>;
};

export interface TestBridge {
  /** Every call made, in order. */
  calls: Array<{ channel: string; input: unknown }>;
  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void;
  uninstall(): void;
}

/** Installs the bridge on window; call uninstall() in afterEach. */
export function installTestBridge(handlers: TestHandlers): TestBridge {
  const calls: TestBridge['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = buildBridge(requestChannelNames, eventChannelNames, {
    async invoke(channel, input) {
      calls.push({ channel, input });
      const handler = handlers[channel as RequestChannel] as ((input: unknown) => unknown) | undefined;
      if (!handler) return { ok: false, error: { code: ErrorCode.UnknownChannel, message: `No test handler for ${channel}` } };
      try {
        return { ok: true, value: await handler(input) };
      } catch (error) {
        if (error instanceof AppException) return { ok: false, error: toAppError(error) };
        return { ok: false, error: { code: ErrorCode.Internal, message: String(error) } };
      }
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    getPathForFile: (file) => `/test-files/${(file as File).name}`,
  });
  Object.defineProperty(window, 'oss', { value: api, configurable: true });
  return {
    calls,
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
    uninstall: () => Reflect.deleteProperty(window, 'oss'),
  };
}
