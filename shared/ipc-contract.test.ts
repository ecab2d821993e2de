import { describe, expect, expectTypeOf, it } from 'vitest';
import { duplicateChannels, mergeSide, type DuplicateChannels } from './contract/merge';
import { eventChannelNames, eventChannels, featureContracts, requestChannelNames, requestChannels } from './ipc-contract';

const channelName = /^[a-z][a-z0-9-]*(:[a-z][a-z0-9-]*)+$/;

describe('IPC contract', () => {
  it('gives every request channel a zod input schema', () => {
    expect(requestChannelNames.length).toBeGreaterThan(0);
    for (const name of requestChannelNames) {
      const schema = requestChannels[name].input;
      expect(typeof schema.safeParse, name).toBe('function');
      expect(typeof schema.safeParse(Symbol('not serialisable')).success, name).toBe('boolean');
    }
  });

  it('names channels feature:action so they cannot collide with on/getPathForFile', () => {
    for (const name of [...requestChannelNames, ...eventChannelNames]) expect(name, name).toMatch(channelName);
  });

  it('declares each channel name in exactly one feature', () => {
    const seen = new Map<string, string>();
    for (const [feature, contract] of Object.entries(featureContracts)) {
      for (const name of [...Object.keys(contract.requests), ...Object.keys(contract.events)]) {
        expect(seen.get(name), `${name} is declared by ${seen.get(name)} and ${feature}`).toBeUndefined();
        seen.set(name, feature);
      }
    }
    const declared = Object.values(featureContracts).flatMap((c) => Object.keys(c.requests));
    expect([...requestChannelNames].sort()).toEqual(declared.sort());
    expect(Object.keys(eventChannels).sort()).toEqual(Object.values(featureContracts).flatMap((c) => Object.keys(c.events)).sort());
  });

  it('catches a channel declared by two features, at run time and at compile time', () => {
    const contracts = {
      first: { requests: { 'files:list': 1, 'files:get': 2 }, events: { 'files:changed': 3 } },
      second: { requests: { 'files:get': 4 }, events: {} },
      third: { requests: {}, events: { 'files:changed': 5 } },
    };
    expect(duplicateChannels(contracts)).toEqual(['files:get (requests: first, second)', 'files:changed (events: first, third)']);
    expect(() => mergeSide(contracts, 'requests')).toThrow(/files:get/);
    expectTypeOf<DuplicateChannels<typeof contracts, 'requests'>>().toEqualTypeOf<'files:get'>();
    expectTypeOf<DuplicateChannels<typeof contracts, 'events'>>().toEqualTypeOf<'files:changed'>();
    expectTypeOf<DuplicateChannels<typeof featureContracts, 'requests' | 'events'>>().toBeNever();
    expect(duplicateChannels(featureContracts)).toEqual([]);
  });

  it('keeps the app channels the shell relies on', () => {
    expect(requestChannelNames).toEqual(expect.arrayContaining(['app:info', 'app:open-external', 'app:log']));
    expect(requestChannels['app:open-external'].input.safeParse({ url: 'http://example.com' }).success).toBe(false);
    expect(requestChannels['app:open-external'].input.safeParse({ url: 'https://example.com' }).success).toBe(true);
  });
});
