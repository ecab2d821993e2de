/** The copy request's safe defaults and the conflict check's bounds, as the IPC boundary parses them. */
import { describe, expect, it } from 'vitest';
import { requests } from './browse';

const base = { profileId: 'p', bucket: 'src-bucket', items: [{ key: 'a.txt', isPrefix: false }], targetBucket: 'dst-bucket', targetPrefix: 'x/' };

describe('objects:copy-start and objects:copy-conflicts', () => {
  it('never replaces unless overwrite: true is sent', () => {
    expect(requests['objects:copy-start'].input.parse(base)).toMatchObject({ overwrite: false, keepBoth: false, move: false });
    expect(requests['objects:copy-start'].input.parse({ ...base, overwrite: true })).toMatchObject({ overwrite: true });
  });

  it('checks conflicts for at most 10,000 items, folders ending with "/"', () => {
    const { bucket: _unused, ...conflict } = base;
    expect(requests['objects:copy-conflicts'].input.safeParse(conflict).success).toBe(true);
    const many = Array.from({ length: 10_001 }, (_, i) => ({ key: `k${i}`, isPrefix: false }));
    expect(requests['objects:copy-conflicts'].input.safeParse({ ...conflict, items: many }).success).toBe(false);
    expect(requests['objects:copy-conflicts'].input.safeParse({ ...conflict, items: [{ key: 'dir', isPrefix: true }] }).success).toBe(false);
    expect(requests['objects:copy-conflicts'].input.safeParse({ ...conflict, items: [] }).success).toBe(false);
  });
});
