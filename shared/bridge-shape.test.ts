import { describe, expect, it } from 'vitest';
import { buildBridge } from './bridge-shape';

function fakeTransport() {
  const invoked: Array<[string, unknown]> = [];
  const subscribed: string[] = [];
  const unsubscribed: string[] = [];
  let deliver: ((payload: unknown) => void) | undefined;
  return {
    invoked,
    subscribed,
    unsubscribed,
    deliver: (payload: unknown) => deliver?.(payload),
    transport: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return { ok: true, value: channel };
      },
      subscribe(event: string, listener: (payload: unknown) => void) {
        subscribed.push(event);
        deliver = listener;
        return () => unsubscribed.push(event);
      },
      getPathForFile: () => '/tmp/a.txt',
    },
  };
}

describe('buildBridge', () => {
  it('creates one method per request channel that forwards channel and input', async () => {
    const t = fakeTransport();
    const api = buildBridge(['app:info', 'objects:list'], ['transfers:progress'], t.transport);
    expect(Object.keys(api).sort()).toEqual(['app:info', 'getPathForFile', 'objects:list', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
    await (api['objects:list'] as (i: unknown) => Promise<unknown>)({ bucket: 'b' });
    expect(t.invoked).toEqual([['objects:list', { bucket: 'b' }]]);
  });

  it('subscribes to known events only and returns a working unsubscribe', () => {
    const t = fakeTransport();
    const api = buildBridge([], ['transfers:progress'], t.transport) as { on(e: string, l: (p: unknown) => void): () => void };
    const got: unknown[] = [];
    const off = api.on('transfers:progress', (p) => got.push(p));
    t.deliver([1, 2]);
    off();
    expect(got).toEqual([[1, 2]]);
    expect(t.unsubscribed).toEqual(['transfers:progress']);
    expect(() => api.on('fs:watch', () => {})).toThrow(/Unknown event channel/);
  });

  it('is self-contained so the e2e bridge can inject its source text', () => {
    const rebuilt = new Function(`return ${buildBridge.toString()}`)() as typeof buildBridge;
    const api = rebuilt(['app:info'], [], fakeTransport().transport);
    expect(Object.keys(api)).toContain('app:info');
  });
});
