/**
 * Builds the `window.oss` object from three transport functions. The Electron preload and
 * the Playwright test bridge both call this, so the object the renderer sees cannot differ
 * between the app and the e2e tests.
 *
 * The function must stay self-contained (no references to module scope): the test bridge
 * injects its source text into the page with `Function.prototype.toString`.
 */
export interface BridgeTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** Starts delivering `event` to `listener`; returns a function that stops it. */
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  getPathForFile(file: unknown): string;
}

/** Returns the frozen `window.oss` object (cast to OssApi by the caller). */
export function buildBridge(
  requestChannelNames: readonly string[],
  eventChannelNames: readonly string[],
  transport: BridgeTransport,
): Record<string, unknown> {
  const api: Record<string, unknown> = {};
  for (const channel of requestChannelNames) {
    api[channel] = (input?: unknown) => transport.invoke(channel, input);
  }
  api.on = (event: string, listener: (payload: unknown) => void) => {
    if (!eventChannelNames.includes(event)) throw new Error(`Unknown event channel: ${event}`);
    if (typeof listener !== 'function') throw new Error('on() needs a listener function');
    return transport.subscribe(event, (payload) => listener(payload));
  };
  api.getPathForFile = (file: unknown) => transport.getPathForFile(file);
  return Object.freeze(api);
}
