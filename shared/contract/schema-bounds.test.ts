import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestChannelNames, requestChannels } from '../ipc-contract';
import { boundedRecord, findUnbounded } from './schema-bounds';

describe('IPC input bounds (issue 10, finding 6)', () => {
  it('bounds every string, array and record of every request channel', () => {
    const problems = requestChannelNames.flatMap((channel) => findUnbounded(requestChannels[channel].input).map((p) => `${channel} → ${p}`));
    expect(problems, `unbounded IPC input fields:\n${problems.join('\n')}`).toEqual([]);
  });

  it('finds each kind of unbounded field and names its path (the check can fail)', () => {
    const planted = z.object({
      name: z.string().min(1),
      items: z.array(z.object({ key: z.string().max(10) })),
      tags: z.record(z.string().max(5), z.string().max(5)),
      nested: z.object({ deep: z.string().optional().default('') }).optional(),
      credentials: z.discriminatedUnion('type', [z.object({ type: z.literal('oidc-role'), tokenFile: z.string() })]),
      anything: z.unknown(),
      url: z.url(),
    });
    expect(findUnbounded(planted)).toEqual([
      'name: string without .max()',
      'items: array without .max()',
      'tags: record without an entry limit (use boundedRecord)',
      'nested.deep: string without .max()',
      'credentials<oidc-role>.tokenFile: string without .max()',
      'anything: unknown accepts anything',
      'url: string without .max()',
    ]);
  });

  it('accepts bounded fields, boundedRecord and bounded formats', () => {
    const fine = z.object({
      name: z.string().trim().max(80),
      when: z.iso.datetime({ offset: true }),
      list: z.array(z.number()).max(10),
      meta: boundedRecord(z.string().max(128), z.string().max(8192), 64).optional(),
      url: z.url().max(2048),
    });
    expect(findUnbounded(fine)).toEqual([]);
    expect(fine.shape.meta.safeParse(Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v']))).success).toBe(false);
  });
});

describe('the oversized inputs of the security review are refused at the IPC boundary', () => {
  const endpoint = (extra: Record<string, unknown>) => ({ input: { name: 'x', credentials: { type: 'environment' }, endpoint: extra }, test: false });

  it('profiles:add with 200,000 custom domains (a 100 MB profiles.json) is refused', () => {
    const cnames = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`b${i}`, `cdn${i}.example.com`]));
    const parsed = requestChannels['profiles:add'].input.safeParse(endpoint({ cnames }));
    expect(parsed.success).toBe(false);
    expect(requestChannels['profiles:add'].input.safeParse(endpoint({ cnames: { photos: 'img.example.com' } })).success).toBe(true);
  });

  it('objects:set-headers with 200,000 metadata entries, or more than 8 KB in total, is refused', () => {
    const at = { profileId: 'p', bucket: 'bkt', key: 'a.txt', headers: {} };
    const many = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`m${i}`, 'v']));
    expect(requestChannels['objects:set-headers'].input.safeParse({ ...at, meta: many }).success).toBe(false);
    expect(requestChannels['objects:set-headers'].input.safeParse({ ...at, meta: { a: 'x'.repeat(4000), b: 'y'.repeat(4200) } }).success).toBe(false);
    expect(requestChannels['objects:set-headers'].input.safeParse({ ...at, meta: { a: 'x'.repeat(4000), b: 'y'.repeat(4000) } }).success).toBe(true);
  });

  it('an object key of 1024 UTF-8 bytes is refused, 1023 accepted', () => {
    const at = { profileId: 'p', bucket: 'bkt' };
    expect(requestChannels['objects:head'].input.safeParse({ ...at, key: 'é'.repeat(512) }).success).toBe(false);
    expect(requestChannels['objects:head'].input.safeParse({ ...at, key: `${'é'.repeat(511)}a` }).success).toBe(true);
  });
});
