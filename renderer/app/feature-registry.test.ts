import { describe, expect, it } from 'vitest';
import { featuresFromModules, resolveFeatures } from './feature-registry';

const A = () => null;
const B = () => null;
const C = () => null;

describe('feature registry', () => {
  it('lets the lowest order win single slots and keeps every list slot in order', () => {
    const resolved = resolveFeatures([
      { id: 'browse', slots: { main: B, statusBar: B } },
      { id: 'profiles', order: 10, slots: { main: A, sidebarProfiles: A, statusBar: A, overlay: A } },
      { id: 'transfers', order: 200, slots: { statusBar: C } },
    ]);
    expect(resolved.single.main).toBe(A);
    expect(resolved.single.sidebarProfiles).toBe(A);
    expect(resolved.single.sidebarBuckets).toBeUndefined();
    expect(resolved.lists.statusBar.map((s) => s.id)).toEqual(['profiles', 'browse', 'transfers']);
    expect(resolved.lists.overlay.map((s) => s.id)).toEqual(['profiles']);
  });

  it('merges commands, the first provider of each winning', () => {
    const first = () => {};
    const second = () => {};
    const resolved = resolveFeatures([
      { id: 'b', commands: { addProfile: second, trySandbox: second } },
      { id: 'a', commands: { addProfile: first } },
    ]);
    expect(resolved.commands.addProfile).toBe(first);
    expect(resolved.commands.trySandbox).toBe(second);
  });

  it('takes only modules that export a feature', () => {
    expect(featuresFromModules({ a: { feature: { id: 'x' } }, b: { other: 1 }, c: { feature: null } }).map((f) => f.id)).toEqual(['x']);
  });
});
