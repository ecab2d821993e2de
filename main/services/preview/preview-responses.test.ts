import { describe, expect, it } from 'vitest';
import { GrantStore, isGrantId } from './grant-store';
import { baseHeaders, forwardableRange, inlineDisposition, statusForFailure } from './preview-responses';

describe('preview responses', () => {
  it('names files with an ASCII fallback and an RFC 5987 filename*', () => {
    expect(inlineDisposition('a/b/report.pdf')).toBe(`inline; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(inlineDisposition("x/季度 100%'s.pdf")).toBe(`inline; filename="__ 100_'s.pdf"; filename*=UTF-8''%E5%AD%A3%E5%BA%A6%20100%25%27s.pdf`);
  });

  it('sandboxes everything but PDFs and names only non-media files', () => {
    expect(baseHeaders('image/svg+xml', 'a.svg')['content-security-policy']).toContain('sandbox');
    expect(baseHeaders('image/svg+xml', 'a.svg')['content-disposition']).toBeUndefined();
    expect(baseHeaders('application/pdf', 'a.pdf')['content-security-policy']).toBeUndefined();
    expect(baseHeaders('application/pdf', 'a.pdf')['content-disposition']).toMatch(/^inline; /);
  });

  it('forwards a single byte range only', () => {
    expect(forwardableRange('bytes=0-')).toBe('bytes=0-');
    expect(forwardableRange('bytes=10-20')).toBe('bytes=10-20');
    expect(forwardableRange('bytes=-500')).toBe('bytes=-500');
    expect(forwardableRange('bytes=0-1,5-6')).toBeUndefined();
    expect(forwardableRange('bytes=0-1\r\nx-oss-security-token: a')).toBeUndefined();
    expect(forwardableRange(undefined)).toBeUndefined();
  });

  it('maps OSS and network failures to statuses', () => {
    expect(statusForFailure({ status: 404, code: 'NoSuchKey' })).toBe(404);
    expect(statusForFailure({ status: 403, code: 'AccessDenied' })).toBe(403);
    expect(statusForFailure({ status: 416 })).toBe(416);
    expect(statusForFailure({ status: -2, name: 'ResponseTimeoutError' })).toBe(504);
    expect(statusForFailure({ status: -1, code: 'ECONNREFUSED' })).toBe(502);
    expect(statusForFailure({ status: 500, code: 'InternalError' })).toBe(502);
    expect(statusForFailure(new Error('anything'))).toBe(502);
  });
});

describe('grant store', () => {
  it('hands out unguessable ids and tells unknown from expired', () => {
    let now = 1000;
    const store = new GrantStore({ clock: () => now, tombstoneMs: 500, maxGrants: 3 });
    const id = store.add({ profileId: 'p', bucket: 'b', key: 'k', expiresAt: 2000 });
    expect(isGrantId(id)).toBe(true);
    expect(Buffer.from(id, 'base64url')).toHaveLength(32);
    expect(store.add({ profileId: 'p', bucket: 'b', key: 'k', expiresAt: 2000 })).not.toBe(id);
    expect(store.lookup(id)).toMatchObject({ state: 'valid', grant: { key: 'k' } });
    expect(store.lookup('nope')).toEqual({ state: 'unknown' });
    now = 2000;
    expect(store.lookup(id)).toEqual({ state: 'expired' });
    now = 2600;
    store.add({ profileId: 'q', bucket: 'b', key: 'k', expiresAt: 9000 });
    expect(store.lookup(id)).toEqual({ state: 'unknown' });
    expect(store.size).toBe(1);
  });

  it('keeps at most maxGrants, dropping the oldest, and revokes per profile', () => {
    const store = new GrantStore({ clock: () => 0, maxGrants: 2 });
    const a = store.add({ profileId: 'p', bucket: 'b', key: 'a', expiresAt: 10 });
    const b = store.add({ profileId: 'q', bucket: 'b', key: 'b', expiresAt: 10 });
    const c = store.add({ profileId: 'p', bucket: 'b', key: 'c', expiresAt: 10 });
    expect(store.lookup(a).state).toBe('unknown');
    store.revokeProfile('p');
    expect(store.lookup(c).state).toBe('unknown');
    expect(store.lookup(b).state).toBe('valid');
  });
});
